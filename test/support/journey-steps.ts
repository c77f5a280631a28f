import type { ApplyResult, ValidationResult } from "../../app/contracts/generated/index.js";
import type { DispatchRecord } from "../../app/conductor/dispatch-record.js";
import type { PrState } from "../../app/conductor/pr-state.js";
import { labelFor, type State } from "../../app/conductor/states.js";
import { PLAN_SHA256, applyResult, planArtifactName, validationResult } from "./artifacts.js";
import type { MockedCall } from "./github-mock.js";
import { type JourneyApp, journeyApp } from "./journey-app.js";
import * as M from "./journey-mocks.js";
import { applyRunPayload, goalIssuePayload, planRunPayload, prCommentPayload } from "./journey-payloads.js";
import { J, SHAS, commentBody, sent } from "./journey-repo.js";
import type { ApplyInputs } from "./workflow-run-name.js";

/** The id of the saved-plan artifact in plan run `runId` (the validation result's is runId × 10). */
export const planArtifactId = (runId: number): number => runId * 10 + 1;

/**
 * Goal PR #12 through the app, one delivery per step. Each step mocks what that delivery asks of GitHub, delivers
 * the webhook (the app stores it, then its queue handles it), and keeps the labels the app wrote as what GitHub now
 * holds. The Conductor state is read from the app's store after each step: the state of record, not a comment.
 */
export class GoalPrJourney {
  head: string = SHAS.head;
  labels: string[] = [];
  body = "";
  private current: PrState | undefined;

  constructor(readonly app: JourneyApp) {}

  get gh() {
    return this.app.gh;
  }

  /** The PR's state in the store after the last step. */
  state(): PrState {
    if (!this.current) throw new Error("the store has no state for goal PR #12");
    return this.current;
  }

  /** GitHub's view of the PR, for the mocks of the next delivery. */
  onGitHub(): M.PrOnGitHub {
    return { head: this.head, labels: this.labels, body: this.body };
  }

  /** Mocks the state label moving to `to` (the PUT of the labels); once it is made, GitHub holds it. */
  expectLabel(to: State): MockedCall {
    const labels = [...this.labels.filter((l) => !l.startsWith("infracrew:")), labelFor(to)];
    const call = M.mockLabels(this.gh, J.pr, labels);
    this.pendingLabels = { call, labels };
    return call;
  }

  /** Mocks the sticky comment's update. */
  expectSticky(): MockedCall {
    return M.mockStickyUpdate(this.gh);
  }

  /** The dispatch records of the PR, oldest first (the store's). */
  async dispatches(): Promise<DispatchRecord[]> {
    const rows = await Promise.all(this.nonces.map((n) => this.app.store.read.getDispatch(n)));
    return rows.filter((r): r is DispatchRecord => r !== undefined);
  }

  /** Delivers a webhook; afterwards GitHub holds what the app wrote. Answers the REST calls it made. */
  async deliver(name: string, payload: Record<string, unknown>): Promise<string[]> {
    this.last = { name, payload, id: `delivery-${++this.deliveries}` };
    const calls = await this.app.deliver(name, payload, this.last.id);
    await this.settle();
    return calls;
  }

  /** Delivers the last webhook again, as GitHub's redelivery does: the same payload and delivery id. */
  async redeliver(): Promise<string[]> {
    if (!this.last) throw new Error("nothing was delivered yet");
    const calls = await this.app.deliver(this.last.name, this.last.payload, this.last.id);
    await this.settle();
    return calls;
  }

  /** Delivers the last webhook's event again under a new delivery id (another hook, a person's re-send). */
  async duplicate(): Promise<string[]> {
    if (!this.last) throw new Error("nothing was delivered yet");
    const calls = await this.app.deliver(this.last.name, this.last.payload, `${this.last.id}-again`);
    await this.settle();
    return calls;
  }

  /** Fires the app's due timers as its sweep does. */
  async fireTimers(): Promise<{ readonly fired: number; readonly calls: string[] }> {
    const fired = await this.app.fireTimers();
    await this.settle();
    return fired;
  }

  /** Remembers a dispatch the app made (its nonce), read from the mocked request. */
  dispatched(call: MockedCall): ApplyInputs {
    const inputs = sent<ApplyInputs>(call, "inputs");
    this.nonces.push(inputs.nonce);
    return inputs;
  }

  /** After a step: the labels the app wrote are GitHub's, and the state is read back from the store. */
  async settle(): Promise<void> {
    if (this.pendingLabels?.call.called) {
      this.labels = this.pendingLabels.labels;
      this.pendingLabels = undefined;
    }
    this.current = (await this.app.store.read.loadPr({ repo: `${J.owner}/${J.repo}`, pr: J.pr }))?.state;
  }

  private deliveries = 0;
  private readonly nonces: string[] = [];
  private last:
    { readonly name: string; readonly payload: Record<string, unknown>; readonly id: string } | undefined;
  private pendingLabels: { readonly call: MockedCall; readonly labels: string[] } | undefined;
}

/** issues.opened with the goal form → Atlas, Forge, one commit, PR #12 in VALIDATING. */
export async function planGoal(j: GoalPrJourney) {
  const mocks = { ...M.mockGoalToPr(j.gh), reply: M.mockComment(j.gh, J.issue, J.goalCommentId) };
  j.labels = ["infracrew:validating"];
  const calls = await j.deliver("issues", goalIssuePayload("opened"));
  j.body = sent(mocks.pull);
  return { calls, ...mocks };
}

/**
 * The plan workflow's run completes with Sentinel's verdict on the head: the PR's files, the Sentinel check, the
 * label, the Conductor check and the sticky comment.
 */
export async function completePlan(j: GoalPrJourney, runId: number, verdict: "PASS" | "FAIL" = "PASS") {
  M.mockGetPull(j.gh, j.onGitHub());
  M.mockConfig(j.gh);
  M.mockArtifact(
    j.gh,
    runId,
    "infracrew-validation-result",
    "validation-result.json",
    sentinelResult(j, verdict),
    [{ id: planArtifactId(runId), name: planArtifactName(J.stack, j.head) }],
  );
  M.mockPrFiles(j.gh);
  const sentinel = M.mockCheckRun(j.gh, "Infracrew / Sentinel", j.head);
  const to = verdict === "PASS" ? "WAIT_FOR_APPROVE" : "BLOCKED";
  if (j.state().state !== to) j.expectLabel(to);
  const conductor = M.mockCheckRun(j.gh, "Infracrew / Conductor", j.head, {
    existing: true,
    lookup: false,
  });
  const sticky = j.expectSticky();
  const calls = await j.deliver("workflow_run", planRunPayload({ id: runId, headSha: j.head }));
  return { calls, sentinel, conductor, sticky };
}

/** The REST calls of a plan run's result: the PR, the config, the artifact, the PR's files, the checks, the views. */
export const completePlanCalls = (runId: number, sha: string, relabel: boolean) => [
  `GET ${M.REPO}/pulls/12`,
  `GET ${M.REPO}/contents/.github/infracrew.yml`,
  `GET ${M.REPO}/actions/runs/${runId}/artifacts?per_page=100`,
  `GET ${M.REPO}/actions/artifacts/${runId * 10}/zip`,
  `GET ${M.REPO}/pulls/12/files?per_page=100&page=1`,
  `GET ${M.REPO}/commits/${sha}/check-runs?check_name=Infracrew / Sentinel&filter=latest&app_id=123`,
  `POST ${M.REPO}/check-runs`,
  ...(relabel ? [`PUT ${M.REPO}/issues/12/labels`] : []),
  ...M.conductorCheckUpdateCalls(),
  `PATCH ${M.REPO}/issues/comments/9012`,
];

/** Sentinel's ValidationResult of the checkout-api stack at the PR head: Infracost's forecast against the budget. */
export function sentinelResult(j: GoalPrJourney, verdict: "PASS" | "FAIL"): ValidationResult {
  const base = validationResult(j.head, verdict);
  const monthlyUsd = verdict === "PASS" ? 912.4 : 1300;
  return {
    ...base,
    goalRef: { name: J.stack, hash: j.state().goal.hash },
    findings: base.findings.map((f) => ({ ...f, file: "infra/checkout-api/main.tf" })),
    cost: { ...base.cost, monthlyUsd, diffMonthlyUsd: monthlyUsd },
    budget: { monthlyUsd: 1600, ratio: Math.round((monthlyUsd / 1600) * 10_000) / 10_000, brakeRatio: 0.8 },
    ...(verdict === "PASS"
      ? {
          reasons: [
            "No finding at or above HIGH.",
            "Forecast $912.40/month is 57 % of the $1,600 budget; the brake is at 80 %.",
          ],
        }
      : {}),
  };
}

/** A fresh app with goal PR #12 planned and passed by Sentinel: WAIT_FOR_APPROVE, no approval yet. */
export async function waitingForApproval(start?: string): Promise<GoalPrJourney> {
  const j = new GoalPrJourney(await journeyApp(start));
  await planGoal(j);
  await completePlan(j, 301, "PASS");
  return j;
}

/** The apply inputs of a dispatch: an apply of the plan run 301 passed, or a rollback of `sha` to `target`. */
export const applyInputs = (
  mode: "apply" | "rollback",
  nonce: string,
  sha: string = SHAS.head,
  target: string | null = null,
  planRun = 301,
): ApplyInputs => ({
  pr: String(J.pr),
  stack: J.stack,
  mode,
  sha,
  target_sha: target ?? "",
  nonce,
  plan_run_id: mode === "apply" ? String(planRun) : "",
  plan_artifact_id: mode === "apply" ? String(planArtifactId(planRun)) : "",
  plan_sha256: mode === "apply" ? PLAN_SHA256 : "",
});

/** The nonce the app drew `n` times in (test/support/conductor-deps.ts countingNonces). */
export const nonce = (n: number): string => n.toString(16).padStart(32, "0");

/**
 * What follows an approval that meets the policy: the lock (a row of the store), APPLYING, the apply dispatched on
 * the default branch with the plan Sentinel passed, the label, the Conductor check and the sticky comment.
 */
export function mockLockAndDispatch(j: GoalPrJourney, runId = 401) {
  const dispatch = mockApplyDispatch(j, runId);
  j.expectLabel("APPLYING");
  const conductor = M.mockCheckRun(j.gh, "Infracrew / Conductor", j.head, { existing: true, lookup: false });
  const sticky = j.expectSticky();
  return { dispatch, sticky, conductor };
}

/**
 * The apply workflow dispatched, starting `runId`. The body is the test's to check (`sent(call)`, `j.dispatched`):
 * its nonce is the one the app drew and recorded.
 */
export function mockApplyDispatch(j: GoalPrJourney, runId: number) {
  return j.gh.post("actions/workflows/infracrew-apply.yml/dispatches").reply(200, {
    workflow_run_id: runId,
    run_url: `https://api.github.com/repos/${J.owner}/${J.repo}/actions/runs/${runId}`,
    html_url: `https://github.com/${J.owner}/${J.repo}/actions/runs/${runId}`,
  });
}

/** The REST calls `mockLockAndDispatch` answers, in order. */
export const LOCK_AND_DISPATCH_CALLS = [
  `POST ${M.REPO}/actions/workflows/infracrew-apply.yml/dispatches`,
  `PUT ${M.REPO}/issues/12/labels`,
  ...M.conductorCheckUpdateCalls(),
  `PATCH ${M.REPO}/issues/comments/9012`,
];

/** `/approve` by the goal's author, alone: recorded (👀), answered that someone else must approve too. */
export async function approveAlone(j: GoalPrJourney, login: string, commentId: number) {
  M.mockPrContext(j.gh, j.onGitHub());
  M.mockPermission(j.gh, login);
  const reaction = M.mockReaction(j.gh, commentId);
  const reply = M.mockComment(j.gh, J.pr, commentId + 1000);
  M.mockCheckRun(j.gh, "Infracrew / Conductor", j.head, { existing: true, lookup: false });
  j.expectSticky();
  const calls = await j.deliver("issue_comment", prCommentPayload(login, "/approve", commentId));
  return { calls, reaction, reply };
}

/** `/approve` by a writer that meets the approvals: 👀, then the lock, the dispatch, APPLYING. */
export async function approveAndApply(j: GoalPrJourney, login: string, commentId: number, runId = 401) {
  M.mockPrContext(j.gh, j.onGitHub());
  M.mockPermission(j.gh, login);
  const reaction = M.mockReaction(j.gh, commentId);
  const mocks = mockLockAndDispatch(j, runId);
  const calls = await j.deliver("issue_comment", prCommentPayload(login, "/approve", commentId));
  const inputs = j.dispatched(mocks.dispatch);
  return { calls, reaction, inputs, ...mocks };
}

/**
 * The apply workflow's ApplyResult for `inputs`, as the run of `runId` uploaded it: an apply's outputs, or a rollback
 * of a first apply, which destroys what it created but the database.
 */
export function mockApplyArtifact(
  j: GoalPrJourney,
  runId: number,
  inputs: ApplyInputs,
  status: ApplyResult["status"],
  times: { readonly startedAt: string; readonly finishedAt: string },
): void {
  const destroyed = inputs.mode === "rollback" && inputs.target_sha === "";
  const result = applyResult(inputs.target_sha || inputs.sha, inputs.mode, status, {
    pr: J.pr,
    repo: `${J.owner}/${J.repo}`,
    goalRef: { name: J.stack, hash: j.state().goal.hash },
    ...times,
    durationSeconds: (Date.parse(times.finishedAt) - Date.parse(times.startedAt)) / 1000,
    outputs: destroyed
      ? {}
      : {
          service_url: { value: "https://checkout-api.acme.example", sensitive: false },
          database_password: { value: "(sensitive)", sensitive: true },
        },
    ...(destroyed
      ? {
          destroyed: ["module.service.aws_ecs_service.this[0]"],
          retained: ["module.database.aws_db_instance.this[0]"],
        }
      : {}),
    runUrl: `https://github.com/${J.owner}/${J.repo}/actions/runs/${runId}`,
  });
  M.mockArtifact(j.gh, runId, "infracrew-apply-result", "apply-result.json", result);
}

/**
 * The apply run's ApplyResult success → DONE: the PR and config, the artifact, the merge at the SHA, the goal
 * issue's comment (`goalComment` before) updated and the issue closed, then the views: the label, the Conductor check
 * and the sticky comment. The lock and the applied revision are rows of the store: no call.
 */
export function mockApplyDone(j: GoalPrJourney, goalComment: string, inputs: ApplyInputs, runId = 401) {
  M.mockPrContext(j.gh, j.onGitHub());
  mockApplyArtifact(j, runId, inputs, "success", {
    startedAt: "2026-11-27T12:15:20Z",
    finishedAt: "2026-11-27T12:24:42Z",
  });
  const merge = j.gh
    .put("pulls/12/merge", { sha: SHAS.head, merge_method: "squash" })
    .reply(200, { merged: true, message: "Pull Request successfully merged", sha: "9".repeat(40) });
  M.mockComments(j.gh, J.issue, [{ id: J.goalCommentId, body: goalComment }]);
  const summary = j.gh
    .patch(`issues/comments/${J.goalCommentId}`)
    .reply(200, commentBody(J.goalCommentId, "done"));
  const closed = j.gh
    .patch("issues/7", { state: "closed", state_reason: "completed" })
    .reply(200, { number: 7 });
  j.expectLabel("DONE");
  const check = M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.head, { existing: true, lookup: false });
  j.expectSticky();
  return { merge, summary, closed, check };
}

/** The apply workflow's run (apply or rollback) moves and, when done, its ApplyResult says how it ended. */
export function deliverApplyRun(
  j: GoalPrJourney,
  runId: number,
  inputs: ApplyInputs,
  options: Parameters<typeof applyRunPayload>[1] extends infer R ? Partial<R> : never = {},
) {
  return j.deliver("workflow_run", applyRunPayload(inputs, { id: runId, ...options }));
}

/**
 * Goal PR #12's first apply (no known-good revision) approved at 11:50 and its run failing at 12:00: ROLLBACK, the
 * rollback dispatched to destroy what the apply created, said on the PR. The clock then reads 12:00.
 */
export async function failedFirstApply() {
  const j = await waitingForApproval("2026-11-27T11:50:00Z");
  const approved = await approveAndApply(j, "bob", 8101);
  j.app.advance(10);
  M.mockPrContext(j.gh, j.onGitHub());
  mockApplyArtifact(j, 401, approved.inputs, "failure", {
    startedAt: "2026-11-27T11:50:30Z",
    finishedAt: "2026-11-27T11:59:50Z",
  });
  const dispatch = mockApplyDispatch(j, 501);
  const rolling = M.mockComment(j.gh, J.pr, 9101);
  j.expectLabel("ROLLBACK");
  M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.head, { existing: true, lookup: false });
  j.expectSticky();
  const calls = await deliverApplyRun(j, 401, approved.inputs);
  const rollback = j.dispatched(dispatch);
  return { j, calls, dispatch, rolling, rollback };
}

/**
 * Mocks for an accepted `/rollback` by `login` on goal PR #12: the context, the permission, 👀, the rollback
 * dispatched and said, then the label (unless the PR is already in ROLLBACK), the Conductor check and the sticky.
 */
export function mockAcceptedRollback(
  j: GoalPrJourney,
  login: string,
  commentId: number,
  options: { relabel: boolean; runId?: number },
) {
  M.mockPrContext(j.gh, j.onGitHub());
  M.mockPermission(j.gh, login);
  M.mockReaction(j.gh, commentId);
  const dispatch = mockApplyDispatch(j, options.runId ?? 601);
  const said = M.mockComment(j.gh, J.pr, 9101);
  if (options.relabel) j.expectLabel("ROLLBACK");
  M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.head, { existing: true, lookup: false });
  j.expectSticky();
  return { dispatch, said };
}
