import { describe, expect, it } from "vitest";
import * as M from "../support/journey-mocks.js";
import { closedPayload, prCommentPayload } from "../support/journey-payloads.js";
import { J, SHAS, sent } from "../support/journey-repo.js";
import type { GoalPrJourney } from "../support/journey-steps.js";
import {
  approveAndApply,
  deliverApplyRun,
  failedFirstApply,
  mockAcceptedRollback,
  mockApplyArtifact,
  waitingForApproval,
} from "../support/journey-steps.js";
import { prState } from "../support/pr-states.js";

const { REPO, PR_CONTEXT_CALLS: CONTEXT } = M;
const OTHER = { pr: 15, sha: "7".repeat(40) };
const at = (time: string) => `2026-11-27T${time}Z`;
const STACK = { repo: `${J.owner}/${J.repo}`, stack: J.stack };

/** Goal PR #12's first apply failed and so did its rollback: ROLLBACK, the lock kept for a person (12:04:30). */
async function failedRollback(): Promise<GoalPrJourney> {
  const { j, rollback } = await failedFirstApply();
  j.app.advance(5);
  M.mockPrContext(j.gh, j.onGitHub());
  mockApplyArtifact(j, 501, rollback, "failure", { startedAt: at("12:01:00"), finishedAt: at("12:04:30") });
  const person = M.mockComment(j.gh, J.pr, 9102);
  M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.head, { existing: true, lookup: false });
  j.expectSticky();
  await deliverApplyRun(j, 501, rollback);
  expect(sent(person)).toMatch(
    /^Rollback of ddddddd failed .*the lock stays held until `\/unlock`, and `\/rollback` then runs it again\./,
  );
  expect(j.state()).toMatchObject({ state: "ROLLBACK", rollback: { status: "failure" } });
  expect(await j.app.store.read.getLock(STACK.repo, STACK.stack)).toMatchObject({ pr: 12 });
  return j;
}

/** `/unlock` by `login` on goal PR #12: the context and the permission, then 👀 when the gate lets it through. */
function mockUnlockRequest(j: GoalPrJourney, login = "bob", accepted = true) {
  M.mockPrContext(j.gh, j.onGitHub());
  M.mockPermission(j.gh, login);
  if (accepted) M.mockReaction(j.gh, 8201);
}
const unlockRequest = (j: GoalPrJourney, login = "bob") =>
  j.deliver("issue_comment", prCommentPayload(login, "/unlock", 8201));
const unlockCalls = (login = "bob") => [
  ...CONTEXT,
  `GET ${REPO}/collaborators/${login}/permission`,
  `POST ${REPO}/issues/comments/8201/reactions`,
];

/** `/unlock` by `login`, refused: the context and the permission, then only the answer. Answers the answer. */
async function refusedUnlock(j: GoalPrJourney, login: string): Promise<string> {
  mockUnlockRequest(j, login, false);
  const reply = M.mockComment(j.gh, J.pr, 9103);
  expect(await unlockRequest(j, login)).toEqual([
    ...CONTEXT,
    `GET ${REPO}/collaborators/${login}/permission`,
    `POST ${REPO}/issues/12/comments`,
  ]);
  return sent(reply);
}

/** Another goal PR of the stack (#15) in `state`, holding the stack's lock. */
async function otherPrHoldsTheLock(j: GoalPrJourney, state: "APPLYING" | "DONE") {
  const now = new Date(at("11:00:00"));
  await j.app.store.read.createPr(
    { repo: STACK.repo, pr: OTHER.pr },
    prState(state, { headSha: OTHER.sha }),
    now,
  );
  await j.app.store.read.tryLock(STACK.repo, STACK.stack, { pr: OTHER.pr, sha: OTHER.sha }, now);
}

describe("journey: /unlock", () => {
  it("after a failed rollback, /unlock releases the lock; the sticky comment and the Conductor check say who released it", async () => {
    const j = await failedRollback();
    j.app.advance(10);

    mockUnlockRequest(j);
    const check = M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.head, { existing: true, lookup: false });
    const sticky = j.expectSticky();
    const calls = await unlockRequest(j);

    expect(calls).toEqual([
      ...unlockCalls(),
      ...M.conductorCheckUpdateCalls(),
      `PATCH ${REPO}/issues/comments/9012`,
    ]);
    expect(await j.app.store.read.getLock(STACK.repo, STACK.stack)).toBeUndefined();
    expect(j.state()).toMatchObject({ state: "ROLLBACK", unlocked: { by: "bob", at: at("12:15:00") } });
    expect(sent(sticky)).toContain("@bob released the stack lock; `/rollback` runs it again.");
    expect(sent(sticky)).toContain("| Lock | released by @bob at 2026-11-27T12:15:00Z |");
    expect(sent(sticky)).not.toContain("held until `/unlock`");
    expect(sent(check, "output")).toMatchObject({ title: "Rollback failed; lock released" });
    expect(sent<{ summary: string }>(check, "output").summary).toContain("**Lock:** released by @bob");
    expect(sent(check, "actions")).toEqual([]);
  });

  it("after a failed rollback, /rollback waits for /unlock, then takes the lock anew and runs the rollback again", async () => {
    const j = await failedRollback();
    j.app.advance(5);
    M.mockPrContext(j.gh, j.onGitHub());
    M.mockPermission(j.gh, "bob");
    const refusal = M.mockComment(j.gh, J.pr, 9104);
    await j.deliver("issue_comment", prCommentPayload("bob", "/rollback", 8301));
    expect(sent(refusal)).toMatch(
      /^Rollback refused: the failed rollback still holds the stack lock\. Check what it left, `\/unlock`, then `\/rollback` runs it again\./,
    );

    mockUnlockRequest(j);
    M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.head, { existing: true, lookup: false });
    j.expectSticky();
    await unlockRequest(j);

    const { dispatch, said } = mockAcceptedRollback(j, "bob", 8302, { relabel: false });
    const calls = await j.deliver("issue_comment", prCommentPayload("bob", "/rollback", 8302));

    expect(calls).toEqual([
      ...CONTEXT,
      `GET ${REPO}/collaborators/bob/permission`,
      `POST ${REPO}/issues/comments/8302/reactions`,
      `POST ${REPO}/actions/workflows/infracrew-apply.yml/dispatches`,
      `POST ${REPO}/issues/12/comments`,
      ...M.conductorCheckUpdateCalls(),
      `PATCH ${REPO}/issues/comments/9012`,
    ]);
    expect(dispatch.called).toBe(true);
    expect(sent(said)).toMatch(/^Rolling back ddddddd to nothing/);
    const state = j.state();
    expect(state).toMatchObject({ state: "ROLLBACK", rollback: { trigger: "command", requestedBy: "bob" } });
    expect(state.unlocked).toBeUndefined();
    expect(state.rollback?.status).toBeUndefined();
    expect(await j.app.store.read.getLock(STACK.repo, STACK.stack)).toMatchObject({ pr: 12 });
  });

  it("a reader's /unlock is refused by the permission gate, with the reason, and the lock stays", async () => {
    const j = await failedRollback();
    expect(await refusedUnlock(j, "dave")).toMatch(
      /^Unlock refused: @dave has read permission; to unlock you need write or more\./,
    );
    expect(j.state().unlocked).toBeUndefined();
    expect(await j.app.store.read.getLock(STACK.repo, STACK.stack)).toMatchObject({ pr: 12 });
  });

  it("while the rollback runs, /unlock is refused: its run holds the lock", async () => {
    const { j } = await failedFirstApply();
    expect(await refusedUnlock(j, "erin")).toMatch(/^Unlock refused: the rollback is still running\./);
  });

  it("when another PR holds the lock for its apply, /unlock releases nothing and says which PR holds it", async () => {
    const j = await waitingForApproval();
    await otherPrHoldsTheLock(j, "APPLYING");
    mockUnlockRequest(j);
    const reply = M.mockComment(j.gh, J.pr, 9101);
    const calls = await unlockRequest(j);

    expect(calls).toEqual([...unlockCalls(), `POST ${REPO}/issues/12/comments`]);
    expect(sent(reply)).toMatch(
      /^Stack `checkout-api` is locked by #15 \(https:\/\/github\.com\/acme\/infra\/pull\/15\), not by this pull request: `\/unlock` on #15 releases it\./,
    );
    expect(await j.app.store.read.getLock(STACK.repo, STACK.stack)).toMatchObject({ pr: OTHER.pr });
  });

  it("when the stack is not locked, /unlock says there is nothing to release", async () => {
    const j = await waitingForApproval();
    mockUnlockRequest(j);
    const reply = M.mockComment(j.gh, J.pr, 9101);
    const calls = await unlockRequest(j);

    expect(calls).toEqual([...unlockCalls(), `POST ${REPO}/issues/12/comments`]);
    expect(sent(reply)).toMatch(/^Stack `checkout-api` is not locked: there is nothing to release\./);
  });

  it("a stale lock, held by a PR that is done, is released by /unlock from any goal PR of the stack", async () => {
    const j = await waitingForApproval();
    await otherPrHoldsTheLock(j, "DONE");
    mockUnlockRequest(j);
    M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.head, { existing: true, lookup: false });
    j.expectSticky();
    const calls = await unlockRequest(j);

    expect(calls).toEqual([
      ...unlockCalls(),
      ...M.conductorCheckUpdateCalls(),
      `PATCH ${REPO}/issues/comments/9012`,
    ]);
    expect(await j.app.store.read.getLock(STACK.repo, STACK.stack)).toBeUndefined();
    expect(j.state().unlocked).toEqual({ by: "bob", at: at("12:00:00") });
  });
});

describe("journey: a goal PR closed releases its lock", () => {
  it("closed after a failed rollback, the PR's lock is released without /unlock", async () => {
    const j = await failedRollback();
    M.mockPrContext(j.gh, j.onGitHub(), { pull: false });
    const calls = await j.deliver(
      "pull_request",
      closedPayload(j.head, j.labels, { merged: false, by: "erin" }),
    );

    expect(calls).toEqual(CONTEXT.slice(1));
    expect(await j.app.store.read.getLock(STACK.repo, STACK.stack)).toBeUndefined();
    expect(j.state().closed).toBe(true);
  });

  it("closed while its apply runs, the lock stays: the run's result releases it", async () => {
    const j = await waitingForApproval();
    await approveAndApply(j, "bob", 8101);
    M.mockPrContext(j.gh, j.onGitHub(), { pull: false });
    const calls = await j.deliver(
      "pull_request",
      closedPayload(j.head, j.labels, { merged: false, by: "carol" }),
    );

    expect(calls).toEqual(CONTEXT.slice(1));
    expect(await j.app.store.read.getLock(STACK.repo, STACK.stack)).toMatchObject({ pr: 12 });
  });
});
