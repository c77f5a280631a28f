import type { ApplyResult, ValidationResult } from "../../app/contracts/generated/index.js";
import type { PrState } from "../../app/conductor/pr-state.js";
import { labelFor, type State } from "../../app/conductor/states.js";
import { applyResult, validationResult } from "./artifacts.js";
import type { MockedCall } from "./github-mock.js";
import type { JourneyApp } from "./journey-app.js";
import * as M from "./journey-mocks.js";
import { applyRunPayload, goalIssuePayload, planRunPayload, prCommentPayload } from "./journey-payloads.js";
import { J, SHAS, refBody, sent, stateOf } from "./journey-repo.js";
import type { ApplyInputs } from "./workflow-run-name.js";

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

  /** Mocks the state label moving to `to` (the PUT of the labels) and remembers it. */
  expectLabel(to: State): MockedCall {
    const labels = [...this.labels.filter((l) => !l.startsWith("infracrew:")), labelFor(to)];
    this.pendingLabels = labels;
    return M.mockLabels(this.gh, J.pr, labels);
  }

  /** Mocks the sticky comment's update; after the delivery, `kept()` makes its body what GitHub holds. */
  expectSticky(): MockedCall {
    this.pendingSticky = M.mockStickyUpdate(this.gh);
    return this.pendingSticky;
  }

  /** Delivers a webhook; afterwards GitHub holds what the app wrote. Answers the REST calls it made. */
  async deliver(name: string, payload: Record<string, unknown>, id?: string): Promise<string[]> {
    const calls = await this.app.deliver(name, payload, id);
    if (this.pendingSticky?.called) this.sticky = sent(this.pendingSticky);
    if (this.pendingLabels) this.labels = this.pendingLabels;
    this.pendingSticky = undefined;
    this.pendingLabels = undefined;
    return calls;
  }

  private pendingSticky: MockedCall | undefined;
  private pendingLabels: string[] | undefined;
}

/** issues.opened with the goal form → Atlas, Forge, one commit, PR #12 in VALIDATING. */
export async function planGoal(j: GoalPrJourney) {
  const mocks = { ...M.mockGoalToPr(j.gh), reply: M.mockComment(j.gh, J.issue, J.goalCommentId) };
  const calls = await j.app.deliver("issues", goalIssuePayload("opened"));
  j.sticky = sent(mocks.sticky);
  j.body = sent(mocks.pull);
  j.labels = ["infracrew:validating"];
  return { calls, ...mocks };
}

/** The plan workflow's run completes with Sentinel's verdict on the head: the checks, the label, the sticky. */
export async function completePlan(j: GoalPrJourney, runId: number, verdict: "PASS" | "FAIL" = "PASS") {
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
  const conductor = M.mockCheckRun(j.gh, "Infracrew / Conductor", j.head);
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

export const applyInputs = (
  mode: "apply" | "rollback",
  sha: string = SHAS.head,
  knownGood: string | null = null,
): ApplyInputs => ({ pr: String(J.pr), sha, stack: J.stack, mode, known_good_sha: knownGood ?? "" });

/**
 * `/approve` by a writer that meets the approvals: 👀, the lock taken, the PR re-read, the applied revision read, the
 * apply dispatched, APPLYING. The Conductor check on the head exists already (the plan run made it).
 */
export async function approveAndApply(j: GoalPrJourney, login: string, commentId: number) {
  M.mockPrContext(j.gh, j.onGitHub());
  M.mockPermission(j.gh, login);
  const reaction = M.mockReaction(j.gh, commentId);
  M.mockCreateLock(j.gh, j.head);
  M.mockGetPull(j.gh, j.onGitHub());
  M.mockGetRef(j.gh, "applied", undefined);
  j.expectLabel("APPLYING");
  const dispatch = M.mockDispatch(j.gh, "infracrew-apply.yml", {
    ref: "main",
    inputs: applyInputs("apply", j.head),
  });
  const sticky = j.expectSticky();
  const conductor = M.mockCheckRun(j.gh, "Infracrew / Conductor", j.head, { existing: true });
  const calls = await j.deliver("issue_comment", prCommentPayload(login, "/approve", commentId));
  return { calls, reaction, dispatch, sticky, conductor };
}

/** The apply workflow's ApplyResult for `inputs`, as the run of `runId` uploaded it. */
export function mockApplyArtifact(
  j: GoalPrJourney,
  runId: number,
  inputs: ApplyInputs,
  status: ApplyResult["status"],
): void {
  const result = applyResult(inputs.sha, inputs.mode, status, {
    pr: J.pr,
    repo: `${J.owner}/${J.repo}`,
    goalRef: { name: J.stack, hash: j.state().goal.hash },
    outputs: {
      service_url: { value: "https://checkout-api.acme.example", sensitive: false },
      database_password: { value: "(sensitive)", sensitive: true },
    },
    runUrl: `https://github.com/${J.owner}/${J.repo}/actions/runs/${runId}`,
    ...(inputs.mode === "rollback" && inputs.known_good_sha === ""
      ? { retained: ["aws_db_instance.main"] }
      : {}),
  });
  M.mockArtifact(j.gh, runId, "infracrew-apply-result", "apply-result.json", result);
}

/** The lock of goal PR #12 released: the lock ref read, the PR it belongs to, the ref deleted. */
export function mockReleaseLock(j: GoalPrJourney, lockSha: string): MockedCall {
  M.mockGetRef(j.gh, "locks", lockSha);
  M.mockPullsForCommit(j.gh, lockSha, j.labels);
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
