import { Writable } from "node:stream";
import { pino } from "pino";
import { afterEach } from "vitest";
import { createInfracrew } from "../../app/index.js";
import { InfracrewMetrics } from "../../app/metrics/metrics.js";
import type { Runtime } from "../../app/runtime/runtime.js";
import type { Store } from "../../app/store/store.js";
import { countingNonces } from "./conductor-deps.js";
import { type GitHubMock, githubMock } from "./github-mock.js";
import { APP_ID } from "./journey-mocks.js";
import { J } from "./journey-repo.js";
import { createTestProbot, type TestProbot } from "./probot.js";
import { testStore, type StoreKind } from "./test-stores.js";

/** One line the app logged (pino's JSON: `level` 30 info, 40 warn, 50 error; `msg`; the details). */
export type LogRecord = Record<string, unknown> & { readonly level: number; readonly msg?: string };

export interface JourneyApp {
  readonly gh: GitHubMock;
  readonly logs: readonly LogRecord[];
  /** The state of record the app runs on. */
  readonly store: Store;
  /** The HTTP routes the app mounted (the gate, /healthz, /metrics, Slack). */
  readonly handlers: TestProbot["handlers"];
  /** Delivers a webhook to the app, lets its queue handle it, and answers the GitHub REST calls that made, in order. */
  deliver(name: string, payload: Record<string, unknown>, id?: string): Promise<string[]>;
  /** Handles what the queue holds that is due (a retry, after its backoff); answers the REST calls made. */
  drain(): Promise<string[]>;
  /** Fires the app's due timers as its sweep does; answers how many fired and the REST calls they made. */
  fireTimers(): Promise<{ readonly fired: number; readonly calls: string[] }>;
  /** Moves the app's clock. */
  advance(minutes: number): void;
  /** The app's clock. */
  now(): Date;
}

/** The store the journeys of this test project run on (vitest.config.ts runs them on both). */
export function journeyStoreKind(): StoreKind {
  return process.env.INFRACREW_JOURNEY_STORE === "pglite" ? "pglite" : "postgresql";
}

const open: Store[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/**
 * The real app (createInfracrew with the real crew: Atlas and Forge) in Probot, on a real store, against the strict
 * GitHub mock of acme/infra, with a clock the test moves, predictable nonces and no background loops: each delivery
 * is stored, then the queue is drained; the test fires timers itself.
 */
export async function journeyApp(start = "2026-11-27T12:00:00Z"): Promise<JourneyApp> {
  const gh = githubMock(J.owner, J.repo);
  gh.installationToken();
  let now = new Date(start);
  const logs: LogRecord[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean))
        logs.push(JSON.parse(line) as LogRecord);
      done();
    },
  });
  const store = await testStore(journeyStoreKind());
  open.push(store);
  let runtime: Runtime | undefined;
  const app = createInfracrew({
    env: { APP_ID: String(APP_ID) },
    store,
    clock: () => now,
    metrics: new InfracrewMetrics({ clock: () => now }),
    nonce: countingNonces(),
    sweepSeconds: 0,
    onRuntime: (r) => (runtime = r),
  });
  const probot = await createTestProbot(app, { log: pino({ level: "info" }, sink) });
  if (!runtime) throw new Error("the app handed over no runtime");
  const queue = runtime;
  return {
    gh,
    logs,
    store,
    handlers: probot.handlers,
    async deliver(name, payload, id) {
      const from = gh.calls.length;
      await probot.receive(name, payload, id);
      await queue.drain();
      return gh.calls.slice(from);
    },
    async drain() {
      const from = gh.calls.length;
      await queue.drain();
      return gh.calls.slice(from);
    },
    async fireTimers() {
      const from = gh.calls.length;
      const fired = await queue.fireTimers();
      return { fired, calls: gh.calls.slice(from) };
    },
    advance(minutes) {
      now = new Date(now.getTime() + minutes * 60_000);
    },
    now: () => now,
  };
}
