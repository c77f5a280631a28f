import { Writable } from "node:stream";
import { pino } from "pino";
import { type SlaTick, createInfracrew } from "../../app/index.js";
import { InfracrewMetrics } from "../../app/metrics/metrics.js";
import { type GitHubMock, TEST_INSTALLATION_ID, githubMock } from "./github-mock.js";
import { APP_ID } from "./journey-mocks.js";
import { J } from "./journey-repo.js";
import { createTestProbot } from "./probot.js";

/** One line the app logged (pino's JSON: `level` 30 info, 40 warn, 50 error; `msg`; the details). */
export type LogRecord = Record<string, unknown> & { readonly level: number; readonly msg?: string };

export interface JourneyApp {
  readonly gh: GitHubMock;
  readonly logs: readonly LogRecord[];
  /** Delivers a webhook to the app and answers the GitHub REST calls that delivery made, in order. */
  deliver(name: string, payload: Record<string, unknown>, id?: string): Promise<string[]>;
  /** Ticks a PR's SLA clock as the app's sweep does; answers the outcome and the REST calls it made. */
  tick(prNumber: number): Promise<{ readonly outcome: string; readonly calls: string[] }>;
  /** Moves the app's clock. */
  advance(minutes: number): void;
}

/**
 * The real app (createInfracrew with the real crew: Atlas and Forge) in Probot, against the strict GitHub mock of
 * acme/infra, with a clock the test moves and no timers (sweepSeconds 0): the test ticks the SLA clock itself.
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
  let slaTick: SlaTick | undefined;
  const app = createInfracrew({
    env: { APP_ID: String(APP_ID) },
    clock: () => now,
    metrics: new InfracrewMetrics({ clock: () => now }),
    sweepSeconds: 0,
    onSlaClock: (tick) => (slaTick = tick),
  });
  const probot = await createTestProbot(app, { log: pino({ level: "info" }, sink) });
  return {
    gh,
    logs,
    async deliver(name, payload, id) {
      const from = gh.calls.length;
      await probot.receive(name, payload, id);
      return gh.calls.slice(from);
    },
    async tick(prNumber) {
      if (!slaTick) throw new Error("the app handed over no SLA clock");
      const from = gh.calls.length;
      const outcome = await slaTick(TEST_INSTALLATION_ID, { owner: J.owner, repo: J.repo }, prNumber);
      return { outcome, calls: gh.calls.slice(from) };
    },
    advance(minutes) {
      now = new Date(now.getTime() + minutes * 60_000);
    },
  };
}
