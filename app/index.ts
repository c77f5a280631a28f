import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { ApplicationFunctionOptions, Probot } from "probot";
import packageJson from "../package.json" with { type: "json" };
import type { Crew } from "./conductor/crew.js";
import type { ConductorObserver, Logger, ReviewNotifier } from "./conductor/deps.js";
import { CREW } from "./crew.js";
import { gateHandler } from "./handlers/gate-endpoint.js";
import { healthzHandler } from "./handlers/healthz.js";
import { auditGate, storeGate } from "./handlers/store-gate.js";
import { metricsHandler } from "./handlers/metrics-endpoint.js";
import { routeDelivery } from "./handlers/route-delivery.js";
import { slackHandlers } from "./handlers/slack/slack-handlers.js";
import { handleTimer } from "./handlers/timer.js";
import { instrumentOctokit } from "./metrics/instrument-octokit.js";
import { timedWebhook } from "./metrics/instrument-webhook.js";
import { InfracrewMetrics } from "./metrics/metrics.js";
import { startQueueReconciler } from "./metrics/queue-reconciler.js";
import { createGitHubPlatform } from "./platform/github/create-github-platform.js";
import { oidcVerifier } from "./platform/oidc/oidc-verifier.js";
import type { GitHubClient } from "./platform/github/github-client.js";
import type { RepoRef } from "./platform/platform.js";
import { slackConfigFromEnv } from "./platform/slack/slack-config.js";
import { createSlackNotifier } from "./platform/slack/slack-notifier.js";
import type { ConductorDeps } from "./runtime/deps.js";
import { carryOutClaimed } from "./runtime/drain-effects.js";
import { createRuntime, type Runtime } from "./runtime/runtime.js";
import { describeStore, openStore, storeConfigFromEnv } from "./store/open-store.js";
import type { Store } from "./store/store.js";

export interface InfracrewOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The state of record; without it the app opens the one its environment names (DATABASE_URL, else embedded). */
  readonly store?: Store;
  /** The clock; tests pass one they move. */
  readonly clock?: () => Date;
  readonly crew?: Crew;
  readonly metrics?: InfracrewMetrics;
  /** Replaces the Slack notifier built from SLACK_BOT_TOKEN (tests). */
  readonly notifier?: ReviewNotifier;
  /** Draws dispatch nonces (tests pass a predictable sequence). */
  readonly nonce?: () => string;
  /** Seconds between sweeps of due timers, kept effects and the queue gauges; 0 turns the loops off (tests drain). */
  readonly sweepSeconds?: number;
  /**
   * How long a replica's claim on a delivery, effect or timer holds before another may take it over (seconds;
   * INFRACREW_CLAIM_SECONDS; default 600 for deliveries and timers, 120 for effects).
   */
  readonly claimSeconds?: number;
  /** Handed the runtime, so a test drains the queue and fires timers itself. */
  readonly onRuntime?: (runtime: Runtime, store: Store) => void;
}

type Octokit = GitHubClient & { hook?: unknown };

interface PayloadHead {
  readonly action?: string;
  readonly installation?: { readonly id: number };
  readonly repository?: { readonly full_name?: string; readonly default_branch?: string };
}

const randomNonce = (): string => randomBytes(16).toString("hex");

/**
 * The Probot entry: the only file that knows Probot's shape. A webhook is stored in the state of record (by its
 * delivery id) before it is acknowledged, then handled from the durable queue by this or another replica; the
 * handlers get the Conductor's dependencies for the delivery's repository. /healthz, /metrics and the Slack
 * endpoints are mounted; timers and kept effects are swept on an interval, each claimed by one replica.
 */
export function createInfracrew(options: InfracrewOptions = {}) {
  return async (app: Probot, { addHandler }: ApplicationFunctionOptions): Promise<void> => {
    const env = options.env ?? process.env;
    const clock = options.clock ?? (() => new Date());
    const crew = options.crew ?? CREW;
    const metrics = options.metrics ?? new InfracrewMetrics({ defaultMetrics: true });
    const appId = Number(env.APP_ID) || undefined;
    const appLogin = `${env.INFRACREW_APP_SLUG ?? "infracrew"}[bot]`;
    const slack = slackConfigFromEnv(env);
    const notifier = options.notifier ?? createSlackNotifier(slack, app.log);
    const observer: ConductorObserver = metrics;
    const worker = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
    const storeConfig = storeConfigFromEnv(env);
    const claimSeconds = options.claimSeconds ?? (Number(env.INFRACREW_CLAIM_SECONDS) || undefined);
    const claimMs = claimSeconds === undefined ? undefined : claimSeconds * 1000;
    const store = options.store ?? (await openStore(storeConfig));
    if (!options.store) app.log.info({ store: describeStore(storeConfig) }, "state of record opened");

    const platformFor = (octokit: Octokit, repo: RepoRef) =>
      createGitHubPlatform(octokit, repo, appId ? { appId } : {});
    const depsFor = (octokit: Octokit, repo: RepoRef, log: Logger): ConductorDeps => ({
      platform: platformFor(octokit, repo),
      store,
      clock,
      log,
      appLogin,
      crew,
      nonce: options.nonce ?? randomNonce,
      observer,
      worker,
      ...(claimMs ? { claimMs } : {}),
      ...(notifier ? { notifier } : {}),
    });
    const installationOctokit = async (installationId: number): Promise<Octokit> => {
      const octokit = (await app.auth(installationId)) as unknown as Octokit;
      instrumentOctokit(octokit as never, metrics, installationId);
      return octokit;
    };
    const depsForRepo = async (fullName: string): Promise<ConductorDeps | undefined> => {
      const [owner = "", repo = ""] = fullName.split("/");
      const known = await store.read.getRepo(fullName);
      let installationId = known?.installationId;
      if (installationId === undefined) {
        const appOctokit = await app.auth();
        const found = await appOctokit.rest.apps.getRepoInstallation({ owner, repo }).then(
          (r) => r.data,
          (e: { status?: number }) => (e.status === 404 ? undefined : Promise.reject(e)),
        );
        if (!found) return undefined;
        installationId = found.id;
        await store.read.upsertRepo(fullName, installationId, null, clock());
      }
      return depsFor(await installationOctokit(installationId), { owner, repo }, app.log);
    };

    const sweepSeconds = options.sweepSeconds ?? Number(env.INFRACREW_SWEEP_SECONDS ?? 15);
    const runtime = createRuntime({
      store,
      worker,
      clock,
      log: app.log,
      async handleDelivery(delivery) {
        const payload = delivery.payload as PayloadHead;
        const event = `${delivery.name}.${payload.action ?? ""}`;
        return timedWebhook(metrics, event, async () => {
          if (!delivery.installationId) return "ignored: no installation";
          const octokit = await installationOctokit(delivery.installationId);
          const fullName = payload.repository?.full_name ?? "";
          const [owner = "", repo = ""] = fullName.split("/");
          const log = app.log.child({ delivery: delivery.id, event });
          if (fullName)
            await store.read.upsertRepo(
              fullName,
              delivery.installationId,
              payload.repository?.default_branch ?? null,
              clock(),
            );
          return routeDelivery(depsFor(octokit, { owner, repo }, log), delivery, {
            platformFor: (o, r) => platformFor(octokit, { owner: o, repo: r }),
            ...(env.GHE_HOST
              ? { apiBaseUrl: `${env.GHE_PROTOCOL ?? "https"}://${env.GHE_HOST}/api/v3` }
              : {}),
          });
        });
      },
      async handleEffect(effect) {
        const deps = await depsForRepo(effect.repo);
        if (!deps) throw new Error(`the App is not installed on ${effect.repo}`);
        return carryOutClaimed(deps, effect);
      },
      async handleTimer(timer, kinds) {
        const deps = await depsForRepo(timer.repo);
        if (!deps) return "ignored: the App is not installed there";
        return handleTimer(deps, timer.pr, kinds);
      },
      ...(claimMs ? { claimMs } : {}),
      sweepMs: sweepSeconds * 1000,
    });

    app.onAny(async (context) => {
      const payload = context.payload as PayloadHead;
      const stored = await store.enqueueDelivery({
        id: context.id,
        name: context.name,
        action: payload.action ?? null,
        installationId: payload.installation?.id ?? null,
        repo: payload.repository?.full_name ?? null,
        payload: context.payload,
        receivedAt: clock(),
      });
      if (stored === "duplicate")
        app.log.info({ delivery: context.id }, "redelivery of a stored webhook: nothing to do");
      else runtime.wake();
    });

    addHandler(healthzHandler(packageJson.version));
    addHandler(
      gateHandler({
        store: storeGate(store),
        audit: auditGate(store, appLogin),
        clock,
        appLogin,
        log: app.log,
        verifyToken: oidcVerifier(env, clock),
      }),
    );
    addHandler(metricsHandler(metrics, env.METRICS_TOKEN ? { token: env.METRICS_TOKEN } : {}));
    for (const handler of slackHandlers(slack, {
      resolveRepo: (owner, repo) => depsForRepo(`${owner}/${repo}`),
      slackUsers: slack.users,
      log: app.log,
    }))
      addHandler(handler);

    options.onRuntime?.(runtime, store);
    if (sweepSeconds > 0) {
      runtime.start();
      startQueueReconciler({ metrics, store, log: app.log, intervalMs: 60_000 });
    }
  };
}

export default createInfracrew();
