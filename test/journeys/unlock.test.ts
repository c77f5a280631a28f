import { describe, expect, it } from "vitest";
import { pullBody } from "../adapter/github-fixtures.js";
import * as M from "../support/journey-mocks.js";
import { closedPayload, prCommentPayload } from "../support/journey-payloads.js";
import { J, SHAS, sent } from "../support/journey-repo.js";
import type { GoalPrJourney } from "../support/journey-steps.js";
import {
  applyInputs,
  approveAndApply,
  deliverApplyRun,
  failedFirstApply,
  mockAcceptedRollback,
  mockApplyArtifact,
  mockReleaseLock,
  waitingForApproval,
} from "../support/journey-steps.js";

const { REPO, PR_CONTEXT_CALLS: CONTEXT } = M;
const OTHER = { pr: 15, sha: "7".repeat(40) };
const at = (time: string) => `2026-11-27T${time}Z`;
const LOCK = `${REPO}/git/ref/infracrew/locks/checkout-api`;
const RELEASE_CALLS = [`GET ${LOCK}`, `DELETE ${REPO}/git/refs/infracrew/locks/checkout-api`];

/** Goal PR #12's first apply failed and so did its rollback: ROLLBACK, the lock kept for a person (12:04:30). */
async function failedRollback(): Promise<GoalPrJourney> {
  const { j } = await failedFirstApply();
  j.app.advance(5);
  M.mockPrContext(j.gh, j.onGitHub());
  mockApplyArtifact(j, 402, applyInputs("rollback"), "failure", {
    startedAt: at("12:01:00"),
    finishedAt: at("12:04:30"),
  });
  const person = M.mockComment(j.gh, J.pr, 9102);
  j.expectSticky();
  M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.head, { existing: true, lookup: false });
  await deliverApplyRun(j, 402, applyInputs("rollback"));
  expect(sent(person)).toMatch(
    /^Rollback of ddddddd failed .*the lock stays held until `\/unlock`, and `\/rollback` then runs it again\.$/,
  );
  expect(j.state()).toMatchObject({ state: "ROLLBACK", rollback: { status: "failure" } });
  return j;
}

/** `/unlock` by `login` on goal PR #12: the context and the permission, then 👀 when the gate lets it through. */
function mockUnlockRequest(j: GoalPrJourney, login = "bob", accepted = true) {
  M.mockPrContext(j.gh, j.onGitHub());
  M.mockPermission(j.gh, login);
  if (accepted) M.mockReaction(j.gh, 8201);
  j.expectSticky();
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
    `PATCH ${REPO}/issues/comments/9012`,
  ]);
  return sent(reply);
}

describe("journey: /unlock", () => {
  it("after a failed rollback, /unlock deletes the lock ref; the sticky comment and the Conductor check say who released it", async () => {
    const j = await failedRollback();
    j.app.advance(10);

    mockUnlockRequest(j);
    const deleted = mockReleaseLock(j, SHAS.head);
    const check = M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.head, { existing: true, lookup: false });
    const calls = await unlockRequest(j);

    expect(calls).toEqual([
      ...unlockCalls(),
      ...RELEASE_CALLS,
      ...M.conductorCheckUpdateCalls(),
      `PATCH ${REPO}/issues/comments/9012`,
    ]);
    expect(deleted.called).toBe(true);
    expect(j.state()).toMatchObject({ state: "ROLLBACK", unlocked: { by: "bob", at: at("12:15:00") } });
    expect(j.sticky).toContain("@bob released the stack lock; `/rollback` runs it again.");
    expect(j.sticky).toContain("| Lock | released by @bob at 2026-11-27T12:15:00Z |");
    expect(j.sticky).not.toContain("held until `/unlock`");
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
    j.expectSticky();
    await j.deliver("issue_comment", prCommentPayload("bob", "/rollback", 8301));
    expect(sent(refusal)).toBe(
      "Rollback refused: the failed rollback still holds the stack lock. Check what it left, `/unlock`, then `/rollback` runs it again.",
    );

    mockUnlockRequest(j);
    mockReleaseLock(j, SHAS.head);
    M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.head, { existing: true, lookup: false });
    await unlockRequest(j);

    const { dispatch, said } = mockAcceptedRollback(j, "bob", 8302, { relabel: false });
    const calls = await j.deliver("issue_comment", prCommentPayload("bob", "/rollback", 8302));

    expect(calls).toEqual([
      ...CONTEXT,
      `GET ${REPO}/collaborators/bob/permission`,
      `POST ${REPO}/issues/comments/8302/reactions`,
      `POST ${REPO}/git/refs`,
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
  });

  it("a reader's /unlock is refused by the permission gate, with the reason, and the lock stays", async () => {
    const j = await failedRollback();
    expect(await refusedUnlock(j, "dave")).toBe(
      "Unlock refused: @dave has read permission; to unlock you need write or more.",
    );
    expect(j.state().unlocked).toBeUndefined();
  });

  it("while the rollback runs, /unlock is refused: its run holds the lock", async () => {
    const { j } = await failedFirstApply();
    expect(await refusedUnlock(j, "erin")).toBe("Unlock refused: the rollback is still running.");
  });

  it("when another PR holds the lock, /unlock deletes nothing and says which PR holds it", async () => {
    const j = await waitingForApproval();
    mockUnlockRequest(j);
    M.mockGetRef(j.gh, "locks", OTHER.sha);
    j.gh
      .get(`commits/${OTHER.sha}/pulls`)
      .reply(200, [pullBody(OTHER.pr, { headSha: OTHER.sha, branch: "infracrew/checkout-api-v2" })]);
    const reply = M.mockComment(j.gh, J.pr, 9101);
    const calls = await unlockRequest(j);

    expect(calls).toEqual([
      ...unlockCalls(),
      `GET ${LOCK}`,
      `GET ${REPO}/commits/${OTHER.sha}/pulls`,
      `POST ${REPO}/issues/12/comments`,
      `PATCH ${REPO}/issues/comments/9012`,
    ]);
    expect(sent(reply)).toBe(
      "Stack `checkout-api` is locked by #15 (https://github.com/acme/infra/pull/15), not by this pull request: `/unlock` on #15 releases it.",
    );
  });

  it("when the stack is not locked, /unlock says there is nothing to release", async () => {
    const j = await waitingForApproval();
    mockUnlockRequest(j);
    M.mockGetRef(j.gh, "locks", undefined);
    const reply = M.mockComment(j.gh, J.pr, 9101);
    const calls = await unlockRequest(j);

    expect(calls).toEqual([
      ...unlockCalls(),
      `GET ${LOCK}`,
      `POST ${REPO}/issues/12/comments`,
      `PATCH ${REPO}/issues/comments/9012`,
    ]);
    expect(sent(reply)).toBe("Stack `checkout-api` is not locked: there is nothing to release.");
  });

  it("a stale lock, at a commit no open PR has, is released by /unlock from any goal PR of the stack", async () => {
    const j = await waitingForApproval();
    mockUnlockRequest(j);
    M.mockGetRef(j.gh, "locks", OTHER.sha);
    j.gh
      .get(`commits/${OTHER.sha}/pulls`)
      .reply(200, [
        pullBody(9, { headSha: OTHER.sha, branch: "infracrew/checkout-api-old", state: "closed" }),
      ]);
    const deleted = j.gh.delete(`git/refs/infracrew/locks/${J.stack}`).reply(204);
    M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.head, { existing: true, lookup: false });
    const calls = await unlockRequest(j);

    expect(calls).toEqual([
      ...unlockCalls(),
      `GET ${LOCK}`,
      `GET ${REPO}/commits/${OTHER.sha}/pulls`,
      `DELETE ${REPO}/git/refs/infracrew/locks/checkout-api`,
      ...M.conductorCheckUpdateCalls(),
      `PATCH ${REPO}/issues/comments/9012`,
    ]);
    expect(deleted.called).toBe(true);
    expect(j.state().unlocked).toEqual({ by: "bob", at: at("12:00:00") });
  });
});

describe("journey: a goal PR closed releases its lock", () => {
  it("closed after a failed rollback, the PR's lock is released without /unlock", async () => {
    const j = await failedRollback();
    M.mockPrContext(j.gh, j.onGitHub(), { pull: false });
    const deleted = mockReleaseLock(j, SHAS.head);
    const calls = await j.deliver(
      "pull_request",
      closedPayload(j.head, j.labels, { merged: false, by: "erin" }),
    );

    expect(calls).toEqual([...CONTEXT.slice(1), ...RELEASE_CALLS]);
    expect(deleted.called).toBe(true);
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
  });
});
