import { ProbotOctokit } from "probot";
import type { ConductorEvent } from "../../app/conductor/events.js";
import { runEvent } from "../../app/runtime/run-event.js";
import { migrate } from "../../app/store/migrate.js";
import { pgliteClient } from "../../app/store/pglite-client.js";
import { sqlStore } from "../../app/store/sql-store.js";
import type { Store } from "../../app/store/store.js";
import type { PrState, ValidationFigures } from "../../app/conductor/pr-state.js";
import { readPolicy } from "../../app/contracts/policy-intake.js";
import { instrumentOctokit } from "../../app/metrics/instrument-octokit.js";
import { timedWebhook } from "../../app/metrics/instrument-webhook.js";
import type { InfracrewMetrics } from "../../app/metrics/metrics.js";
import { reconcileQueue } from "../../app/metrics/queue-reconciler.js";
import { goalPr, SLACK_CONFIG } from "./goal-pr.js";
import { actor, prState, SAVED_PLAN, SHA_A, SHA_B } from "./pr-states.js";

const read = readPolicy(SLACK_CONFIG);
if (!read.ok) throw new Error("bad journey config");
const policy = { ...read.value, apply: { ...read.value.apply, mergeAfterApply: false } };

const figures = (ratio: number): ValidationFigures => ({
  costMonthlyUsd: ratio * 1500,
  budgetMonthlyUsd: 1500,
  ratio,
  brakeRatio: 0.8,
  findings: { CRITICAL: 0, HIGH: 0, MEDIUM: 1, LOW: 2, INFO: 0 },
  plan: { create: 12, update: 0, delete: 0, replace: 0 },
});

/** A step of a PR's day: the webhook it stands for, when, and the event (given the state, for the nonces). */
interface Step {
  readonly webhook: string;
  readonly at: string;
  readonly event: ConductorEvent | ((state: PrState) => ConductorEvent);
}

/**
 * One goal PR (number `number`, on its own stack) driven through the real Conductor (the runner, the transition
 * table and the store), each event timed as a webhook.
 */
async function drive(
  metrics: InfracrewMetrics,
  store: Store,
  number: number,
  start: PrState,
  steps: readonly Step[],
): Promise<PrState> {
  let now = new Date("2026-11-27T12:00:00Z");
  const initial = { ...start, stack: `stack-${number}`, dir: `infra/stack-${number}` };
  const { deps, pr } = await goalPr(initial, { store, observer: metrics, clock: () => now, number });
  let state = initial;
  for (const step of steps) {
    now = new Date(step.at);
    const event = typeof step.event === "function" ? step.event(state) : step.event;
    state =
      (await timedWebhook(metrics, step.webhook, () =>
        runEvent(deps, { pr, policy, defaultBranch: "main" }, event),
      )) ?? state;
  }
  return state;
}

const approve = (id: string): ConductorEvent => ({
  type: "approve",
  actor: actor(),
  eventId: id,
  via: "slack",
});

/** The result of the run the App awaits (its dispatch's nonce, from the state). */
const finished =
  (runId: string, mode: "apply" | "rollback", status: "success" | "failure") =>
  (state: PrState): ConductorEvent => ({
    type: "apply-completed",
    runId,
    nonce: (mode === "apply" ? state.apply?.nonce : state.rollback?.nonce) ?? "",
    mode,
    sha: SHA_A,
    status,
  });

/**
 * A scripted day of Infracrew, through the real metrics module: PRs through every state (an apply, a failed apply
 * rolled back late enough to breach the begin SLA, a plan over the budget brake), webhooks of every outcome, all
 * four agents' heartbeats, GitHub API calls answered with rate-limit headers, and a queue reconcile of the store.
 */
export async function runJourney(metrics: InfracrewMetrics, round: number, given?: Store): Promise<void> {
  const store = given ?? (await inMemoryStore());
  try {
    await journey(metrics, round, store);
  } finally {
    if (!given) await store.close();
  }
}

/** An embedded store in memory, migrated: the journey needs no database set up. */
async function inMemoryStore(): Promise<Store> {
  const client = await pgliteClient();
  await migrate(client);
  return sqlStore(client);
}

async function journey(metrics: InfracrewMetrics, round: number, store: Store): Promise<void> {
  let next = round * 100;
  const run = (start: PrState, steps: readonly Step[]) => drive(metrics, store, ++next, start, steps);
  const validated = (sha: string, verdict: "PASS" | "FAIL", ratio: number, id: string): ConductorEvent => ({
    type: "validation-completed",
    runId: `${round}${id}`,
    sha,
    verdict,
    reasons: [verdict === "PASS" ? "ok" : "over the brake"],
    figures: figures(ratio),
    ...(verdict === "PASS" ? { plan: SAVED_PLAN } : {}),
  });
  const t = (minute: number) => `2026-11-27T12:${String(minute).padStart(2, "0")}:00Z`;

  await run(prState("PENDING"), [
    { webhook: "pull_request.synchronize", at: t(1), event: { type: "pushed", sha: SHA_B } },
  ]);
  await run(prState("IN_PROGRESS"), [
    { webhook: "pull_request.synchronize", at: t(1), event: { type: "pushed", sha: SHA_B } },
  ]);
  await run(prState("READY_FOR_APPLY"), [
    { webhook: "workflow_run.completed", at: t(2), event: validated(SHA_A, "PASS", 0.4, "1") },
  ]);
  await run(prState("VALIDATING"), [
    { webhook: "workflow_run.completed", at: t(3), event: validated(SHA_A, "FAIL", 0.93, "2") },
  ]);
  await run(prState("VALIDATING"), [
    {
      webhook: "workflow_run.completed",
      at: t(2),
      event: validated(SHA_A, "PASS", 0.62, "3"),
    },
    { webhook: "issue_comment.created", at: t(3), event: approve(`comment:${round}3`) },
    { webhook: "workflow_run.completed", at: t(9), event: finished(`${round}4`, "apply", "success") },
  ]);
  await run(prState("WAIT_FOR_APPROVE"), [
    { webhook: "issue_comment.created", at: t(10), event: approve(`comment:${round}5`) },
    { webhook: "workflow_run.completed", at: t(14), event: finished(`${round}6`, "apply", "failure") },
    {
      webhook: "workflow_run.in_progress",
      at: t(21),
      event: (state) => ({
        type: "rollback-started",
        runId: `${round}7`,
        nonce: state.rollback?.nonce ?? "",
        at: t(21),
      }),
    },
    { webhook: "workflow_run.completed", at: t(26), event: finished(`${round}7`, "rollback", "success") },
  ]);
  // Three more PRs just opened, one in each early state.
  for (const state of ["PENDING", "IN_PROGRESS", "READY_FOR_APPLY"] as const) await run(prState(state), []);

  await timedWebhook(metrics, "issue_comment.created", async () => "ignored: bot");
  await timedWebhook(metrics, "issues.opened", async () => {
    throw new Error("GitHub answered 502");
  }).catch(() => undefined);
  for (const agent of ["atlas", "forge", "sentinel"] as const) metrics.agentSucceeded(agent);
  metrics.llmTokens("atlas", 0);

  const octokit = new ProbotOctokit({
    auth: { token: "ghs_journey" },
    retry: { enabled: false },
    throttle: { enabled: false },
    request: { fetch: rateLimitedGitHub(300 - round * 10) },
  });
  instrumentOctokit(octokit, metrics, 42);
  await octokit.rest.repos.get({ owner: "acme", repo: "infra" });
  await octokit.rest.issues.createComment({ owner: "acme", repo: "infra", issue_number: 12, body: "x" });

  await reconcileQueue(metrics, store);
}

/** A fetch that answers every GitHub request with 200 and rate-limit headers counting down from `remaining`. */
function rateLimitedGitHub(remaining: number): typeof fetch {
  let left = remaining;
  return async () =>
    new Response(JSON.stringify({ id: 1 }), {
      status: 200,
      headers: {
        "content-type": "application/json",
        "x-ratelimit-limit": "5000",
        "x-ratelimit-remaining": String(left--),
        "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
        "x-ratelimit-resource": "core",
      },
    });
}
