import type { ApplyResult, ValidationResult } from "../../app/contracts/generated/index.js";
import type { PrState } from "../../app/conductor/pr-state.js";
import { labelFor, type State } from "../../app/conductor/states.js";
import { applyResult, validationResult } from "./artifacts.js";
import type { MockedCall } from "./github-mock.js";
import { type JourneyApp, journeyApp } from "./journey-app.js";
import * as M from "./journey-mocks.js";
import { applyRunPayload, goalIssuePayload, planRunPayload, prCommentPayload } from "./journey-payloads.js";
import { J, SHAS, commentBody, refBody, sent, stateOf } from "./journey-repo.js";
import { type ApplyInputs, effectRunnerApplyInputs } from "./workflow-run-name.js";

/**
 * Goal PR #12 through the app, one delivery per step. Each step mocks what that delivery asks of GitHub, delivers
 * the webhook, and keeps what the app wrote (the sticky comment, the state label) as what GitHub now holds, so the
 * next step's reads answer it. Steps answer the REST calls their delivery made; the journey that owns a step asserts
 * them exactly.
 */
export class GoalPrJourney {
  head: string = SHAS.head;
  labels: string[] = [];
  sticky = "";
  body = "";

  constructor(readonly app: JourneyApp) {}

  get gh() {
    return this.app.gh;
  }

  state(): PrState {
    return stateOf(this.sticky);
  }

  /** GitHub's view of the PR, for the mocks of the next delivery. */
  onGitHub(): M.PrOnGitHub {
    return { head: this.head, labels: this.labels, sticky: this.sticky, body: this.body };
  }

  /** Mocks the state label moving to `to` (the PUT of the labels); once it is made, GitHub holds it. */
  expectLabel(to: State): MockedCall {
    const labels = [...this.labels.filter((l) => !l.startsWith("infracrew:")), labelFor(to)];
    const call = M.mockLabels(this.gh, J.pr, labels);
    this.pendingLabels = { call, labels };
    return call;
  }

  /** Mocks the sticky comment's update; after the delivery, `kept()` makes its body what GitHub holds. */
  expectSticky(): MockedCall {
    this.pendingSticky = M.mockStickyUpdate(this.gh);
    return this.pendingSticky;
  }

  /** Delivers a webhook; afterwards GitHub holds what the app wrote. Answers the REST calls it made. */
  async deliver(name: string, payload: Record<string, unknown>): Promise<string[]> {
    this.last = { name, payload, id: `delivery-${++this.deliveries}` };
    const calls = await this.app.deliver(name, payload, this.last.id);
    this.settle();
    return calls;
  }

  /** Delivers the last webhook again, as GitHub's redelivery does: the same payload and delivery id. */
  async redeliver(): Promise<string[]> {
    if (!this.last) throw new Error("nothing was delivered yet");
    const calls = await this.app.deliver(this.last.name, this.last.payload, this.last.id);
    this.settle();
    return calls;
  }

  /** Ticks the PR's SLA clock as the app's sweep does; afterwards GitHub holds what the app wrote. */
  async tick(): Promise<{ readonly outcome: string; readonly calls: string[] }> {
    const ticked = await this.app.tick(J.pr);
    this.settle();
    return ticked;
  }

  /** Concurrent deliveries: whichever made the expected write brings it into what GitHub holds. */
  private settle(): void {
    if (this.pendingSticky?.called) {
      this.sticky = sent(this.pendingSticky);
      this.pendingSticky = undefined;
    }
    if (this.pendingLabels?.call.called) {
      this.labels = this.pendingLabels.labels;
      this.pendingLabels = undefined;
    }
  }

  private deliveries = 0;
  private last:
    { readonly name: string; readonly payload: Record<string, unknown>; readonly id: string } | undefined;
  private pendingSticky: MockedCall | undefined;
  private pendingLabels: { readonly call: MockedCall; readonly labels: string[] } | undefined;
}

/** issues.opened with the goal form → Atlas, Forge, one commit, PR #12 in VALIDATING. */
export async function planGoal(j: GoalPrJourney) {
  const mocks = { ...M.mockGoalToPr(j.gh), reply: M.mockComment(j.gh, J.issue, J.goalCommentId) };
  const calls = await j.deliver("issues", goalIssuePayload("opened"));
  j.sticky = sent(mocks.sticky);
  j.body = sent(mocks.pull);
  j.labels = ["infracrew:validating"];
  return { calls, ...mocks };
}

/** The plan workflow's run completes with Sentinel's verdict on the head: the checks, the label, the sticky. */
export async function completePlan(
  j: GoalPrJourney,
  runId: number,
  verdict: "PASS" | "FAIL" = "PASS",
  options: { readonly conductorCheckKnown?: boolean } = {},
) {
  M.mockPrContext(j.gh, j.onGitHub());
  M.mockArtifact(
    j.gh,
    runId,
    "infracrew-validation-result",
    "validation-result.json",
    sentinelResult(j, verdict),
  );
  const sentinel = M.mockCheckRun(j.gh, "Infracrew / Sentinel", j.head);
  const to = verdict === "PASS" ? "WAIT_FOR_APPROVE" : "BLOCKED";
  if (j.state().state !== to) j.expectLabel(to);
  const sticky = j.expectSticky();
  // Known: the sticky state keeps the Conductor check's id on this head (an earlier step created it), no look-up.
  const known = options.conductorCheckKnown ?? false;
  const conductor = M.mockCheckRun(j.gh, "Infracrew / Conductor", j.head, {
    existing: known,
    lookup: !known,
  });
  const calls = await j.deliver("workflow_run", planRunPayload({ id: runId, headSha: j.head }));
  return { calls, sentinel, conductor, sticky };
}

/** Sentinel's ValidationResult of the checkout-api stack at the PR head: Infracost's forecast against the budget. */
export function sentinelResult(j: GoalPrJourney, verdict: "PASS" | "FAIL"): ValidationResult {
  const base = validationResult(j.head, verdict);
  const monthlyUsd = verdict === "PASS" ? 912.4 : 1300;
  return {
    ...base,
    goalRef: { name: J.stack, hash: j.state().goal.hash },
    findings: base.findings.map((f) => ({ ...f, file: "infra/checkout-api/main.tf" })),
    cost: { ...base.cost, monthlyUsd, diffMonthlyUsd: monthlyUsd },
    budget: { monthlyUsd: 1500, ratio: Math.round((monthlyUsd / 1500) * 10_000) / 10_000, brakeRatio: 0.8 },
    ...(verdict === "PASS"
      ? {
          reasons: [
            "No finding at or above HIGH.",
            "Forecast $912.40/month is 61 % of the $1,500 budget; the brake is at 80 %.",
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

export const applyInputs = (
  mode: "apply" | "rollback",
  sha: string = SHAS.head,
  knownGood: string | null = null,
): ApplyInputs =>
  effectRunnerApplyInputs(`${J.owner}/${J.repo}`, {
    pr: J.pr,
    stack: J.stack,
    mode,
    sha,
    targetSha: mode === "rollback" ? knownGood : null,
  });

/**
 * What follows an approval that meets the policy: the lock ref created, the PR re-read, the applied revision read,
 * APPLYING, the apply dispatched, the sticky comment, and the Conductor check on the head (which exists already).
 */
export function mockLockAndDispatch(j: GoalPrJourney) {
  M.mockCreateLock(j.gh, j.head);
  M.mockGetPull(j.gh, j.onGitHub());
  M.mockGetRef(j.gh, "applied", undefined);
  j.expectLabel("APPLYING");
  const dispatch = M.mockDispatch(j.gh, "infracrew-apply.yml", {
    ref: "main",
    inputs: applyInputs("apply", j.head),
  });
  const sticky = j.expectSticky();
  const conductor = M.mockCheckRun(j.gh, "Infracrew / Conductor", j.head, { existing: true, lookup: false });
  return { dispatch, sticky, conductor };
}

/** The REST calls `mockLockAndDispatch` answers, in order. */
export const LOCK_AND_DISPATCH_CALLS = [
  `POST ${M.REPO}/git/refs`,
  `GET ${M.REPO}/pulls/12`,
  `GET ${M.REPO}/git/ref/infracrew/applied/checkout-api`,
  `PUT ${M.REPO}/issues/12/labels`,
  `POST ${M.REPO}/actions/workflows/infracrew-apply.yml/dispatches`,
  ...M.conductorCheckUpdateCalls(),
  `PATCH ${M.REPO}/issues/comments/9012`,
];

/** `/approve` by the goal's author, alone: recorded (👀), answered that someone else must approve too. */
export async function approveAlone(j: GoalPrJourney, login: string, commentId: number) {
  M.mockPrContext(j.gh, j.onGitHub());
  M.mockPermission(j.gh, login);
  const reaction = M.mockReaction(j.gh, commentId);
  const reply = M.mockComment(j.gh, J.pr, commentId + 1000);
  j.expectSticky();
  M.mockCheckRun(j.gh, "Infracrew / Conductor", j.head, { existing: true, lookup: false });
  const calls = await j.deliver("issue_comment", prCommentPayload(login, "/approve", commentId));
  return { calls, reaction, reply };
}

/** `/approve` by a writer that meets the approvals: 👀, then the lock, the dispatch, APPLYING. */
export async function approveAndApply(j: GoalPrJourney, login: string, commentId: number) {
  M.mockPrContext(j.gh, j.onGitHub());
  M.mockPermission(j.gh, login);
  const reaction = M.mockReaction(j.gh, commentId);
  const mocks = mockLockAndDispatch(j);
  const calls = await j.deliver("issue_comment", prCommentPayload(login, "/approve", commentId));
  return { calls, reaction, ...mocks };
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
  const result = applyResult(inputs.sha, inputs.mode, status, {
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
 * The apply run's ApplyResult success → DONE: the context, the artifact, the label, the applied ref (a first apply),
 * the lock released, the merge at the SHA, the goal issue's comment (`goalComment` before) updated and the issue
 * closed, the sticky comment and the Conductor check.
 */
export function mockApplyDone(j: GoalPrJourney, goalComment: string) {
  M.mockPrContext(j.gh, j.onGitHub());
  mockApplyArtifact(j, 401, applyInputs("apply"), "success", {
    startedAt: "2026-11-27T12:15:20Z",
    finishedAt: "2026-11-27T12:24:42Z",
  });
  j.expectLabel("DONE");
  const applied = mockRecordFirstApplied(j, SHAS.head);
  const unlocked = mockReleaseLock(j, SHAS.head);
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
  j.expectSticky();
  const check = M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.head, { existing: true, lookup: false });
  return { applied, unlocked, merge, summary, closed, check };
}

/** The lock of goal PR #12 released: the lock ref read (at its head, its own; else the PR it belongs to), deleted. */
export function mockReleaseLock(j: GoalPrJourney, lockSha: string): MockedCall {
  M.mockGetRef(j.gh, "locks", lockSha);
  // A lock at the PR's head is its own; another commit is looked up.
  if (lockSha !== j.head) M.mockPullsForCommit(j.gh, lockSha, j.labels);
  return j.gh.delete(`git/refs/infracrew/locks/${J.stack}`).reply(204);
}

/** refs/infracrew/applied/<stack> set to `sha` where it did not exist yet (the update answers 422, then created). */
export function mockRecordFirstApplied(j: GoalPrJourney, sha: string): MockedCall {
  const ref = `refs/infracrew/applied/${J.stack}`;
  j.gh
    .patch(`git/refs/infracrew/applied/${J.stack}`, { sha, force: true })
    .reply(422, { message: "Reference does not exist" });
  return j.gh.post("git/refs", { ref, sha }).reply(201, refBody(ref, sha));
}

/** The apply workflow's run (apply or rollback) completes and its ApplyResult says `status`. */
export function deliverApplyRun(j: GoalPrJourney, runId: number, inputs: ApplyInputs) {
  return j.deliver("workflow_run", applyRunPayload(inputs, { id: runId }));
}

/**
 * Goal PR #12's first apply (no known-good revision) approved at 11:50 and its run failing at 12:00: ROLLBACK, the
 * rollback dispatched to destroy what the apply created, said on the PR. The clock then reads 12:00.
 */
export async function failedFirstApply() {
  const j = await waitingForApproval("2026-11-27T11:50:00Z");
  await approveAndApply(j, "bob", 8101);
  j.app.advance(10);
  M.mockPrContext(j.gh, j.onGitHub());
  mockApplyArtifact(j, 401, applyInputs("apply"), "failure", {
    startedAt: "2026-11-27T11:50:30Z",
    finishedAt: "2026-11-27T11:59:50Z",
  });
  j.expectLabel("ROLLBACK");
  const dispatch = M.mockDispatch(j.gh, "infracrew-apply.yml", {
    ref: "main",
    inputs: applyInputs("rollback"),
  });
  const rolling = M.mockComment(j.gh, J.pr, 9101);
  j.expectSticky();
  M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.head, { existing: true, lookup: false });
  const calls = await deliverApplyRun(j, 401, applyInputs("apply"));
  return { j, calls, dispatch, rolling };
}

/**
 * Mocks for an accepted `/rollback` by `login` on goal PR #12: the context, the permission, 👀, the lock taken, the
 * label (unless the PR is already in ROLLBACK), the rollback dispatched and said, the sticky comment and the check.
 */
export function mockAcceptedRollback(
  j: GoalPrJourney,
  login: string,
  commentId: number,
  options: { relabel: boolean },
) {
  M.mockPrContext(j.gh, j.onGitHub());
  M.mockPermission(j.gh, login);
  M.mockReaction(j.gh, commentId);
  M.mockCreateLock(j.gh, j.head);
  if (options.relabel) j.expectLabel("ROLLBACK");
  const dispatch = M.mockDispatch(j.gh, "infracrew-apply.yml", {
    ref: "main",
    inputs: applyInputs("rollback"),
  });
  const said = M.mockComment(j.gh, J.pr, 9101);
  j.expectSticky();
  M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.head, { existing: true, lookup: false });
  return { dispatch, said };
}
