import { ProbotOctokit } from "probot";
import type { ConductorEvent } from "../../app/conductor/events.js";
import { runEvent } from "../../app/conductor/effect-runner.js";
import type { PrState, ValidationFigures } from "../../app/conductor/pr-state.js";
import type { State } from "../../app/conductor/states.js";
import { readPolicy } from "../../app/contracts/policy-intake.js";
import { instrumentOctokit } from "../../app/metrics/instrument-octokit.js";
import { timedWebhook } from "../../app/metrics/instrument-webhook.js";
import type { InfracrewMetrics } from "../../app/metrics/metrics.js";
import { reconcileQueue, type OpenGoalPr, type QueueSource } from "../../app/metrics/queue-reconciler.js";
import { goalPr, SLACK_CONFIG } from "./goal-pr.js";
import { actor, prState, SHA_A, SHA_B } from "./pr-states.js";

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

/** One goal PR driven through the real Conductor (effect runner + transition table), each event timed as a webhook. */
async function drive(
  metrics: InfracrewMetrics,
  start: PrState,
  steps: readonly { webhook: string; at: string; event: ConductorEvent }[],
): Promise<PrState> {
  let now = new Date("2026-11-27T12:00:00Z");
  const { deps, pr } = goalPr(start, { observer: metrics, clock: () => now });
  let state = start;
  for (const step of steps) {
    now = new Date(step.at);
    state = await timedWebhook(metrics, step.webhook, () =>
      runEvent(deps, { pr, policy }, state, step.event),
    );
  }
  return state;
}

const approve = (id: string): ConductorEvent => ({
  type: "approve",
  actor: actor(),
  eventId: id,
  via: "slack",
});

/**
 * A scripted day of Infracrew, through the real metrics module: PRs through every state (an apply, a failed apply
 * rolled back late enough to breach the begin SLA, a plan over the budget brake), webhooks of every outcome, all
 * four agents' heartbeats, GitHub API calls answered with rate-limit headers, and a queue reconcile.
 */
export async function runJourney(metrics: InfracrewMetrics, round: number): Promise<void> {
  const finals: PrState[] = [];
  const validated = (sha: string, verdict: "PASS" | "FAIL", ratio: number, run: string): ConductorEvent => ({
    type: "validation-completed",
    runId: `${round}${run}`,
    sha,
    verdict,
    reasons: [verdict === "PASS" ? "ok" : "over the brake"],
    figures: figures(ratio),
  });
  const t = (minute: number) => `2026-11-27T12:${String(minute).padStart(2, "0")}:00Z`;

  finals.push(
    await drive(metrics, prState("PENDING"), [
      { webhook: "pull_request.synchronize", at: t(1), event: { type: "pushed", sha: SHA_B } },
    ]),
  );
  finals.push(
    await drive(metrics, prState("IN_PROGRESS"), [
      { webhook: "pull_request.synchronize", at: t(1), event: { type: "pushed", sha: SHA_B } },
    ]),
  );
  finals.push(
    await drive(metrics, prState("READY_FOR_APPLY"), [
      { webhook: "workflow_run.completed", at: t(2), event: validated(SHA_A, "PASS", 0.4, "1") },
    ]),
  );
  finals.push(
    await drive(metrics, prState("VALIDATING"), [
      { webhook: "workflow_run.completed", at: t(3), event: validated(SHA_A, "FAIL", 0.93, "2") },
    ]),
  );
  finals.push(
    await drive(metrics, prState("VALIDATING"), [
      { webhook: "workflow_run.completed", at: t(2), event: validated(SHA_A, "PASS", 0.62, "3") },
      { webhook: "issue_comment.created", at: t(3), event: approve(`comment:${round}3`) },
      {
        webhook: "workflow_run.completed",
        at: t(9),
        event: { type: "apply-completed", runId: `${round}4`, mode: "apply", sha: SHA_A, status: "success" },
      },
    ]),
  );
  finals.push(
    await drive(metrics, prState("WAIT_FOR_APPROVE"), [
      { webhook: "issue_comment.created", at: t(10), event: approve(`comment:${round}5`) },
      {
        webhook: "workflow_run.completed",
        at: t(14),
        event: { type: "apply-completed", runId: `${round}6`, mode: "apply", sha: SHA_A, status: "failure" },
      },
      {
        webhook: "workflow_run.in_progress",
        at: t(21),
        event: { type: "rollback-started", runId: `${round}7`, at: t(21) },
      },
      {
        webhook: "workflow_run.completed",
        at: t(26),
        event: {
          type: "apply-completed",
          runId: `${round}7`,
          mode: "rollback",
          sha: SHA_A,
          status: "success",
        },
      },
    ]),
  );

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

  const open: OpenGoalPr[] = finals.map((s, i) => ({
    repo: `acme/stack-${i}`,
    number: i + 1,
    state: s.state,
  }));
  const source: QueueSource = {
    name: "acme",
    openGoalPrs: async () => [
      ...open,
      ...(["PENDING", "IN_PROGRESS", "READY_FOR_APPLY"] as State[]).map((state, i) => ({
        repo: "acme/new",
        number: 100 + i,
        state,
      })),
    ],
    prState: async (repo) => finals[Number(repo.split("-").pop())],
  };
  await reconcileQueue(metrics, [source], { readRatios: true });
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
