import { describe, expect, it } from "vitest";
import { pullBody } from "../adapter/github-fixtures.js";
import * as M from "../support/journey-mocks.js";
import { prCommentPayload } from "../support/journey-payloads.js";
import { J, SHAS, sent } from "../support/journey-repo.js";
import type { GoalPrJourney } from "../support/journey-steps.js";
import {
  applyInputs,
  deliverApplyRun,
  failedFirstApply,
  mockApplyArtifact,
  waitingForApproval,
} from "../support/journey-steps.js";

const { REPO, PR_CONTEXT_CALLS: CONTEXT } = M;
const OTHER = { pr: 15, sha: "7".repeat(40) };
const at = (time: string) => `2026-11-27T${time}Z`;

/** `/unlock` by bob on goal PR #12: the context, his permission, 👀, then what the lock needs. */
function mockUnlockRequest(j: GoalPrJourney) {
  M.mockPrContext(j.gh, j.onGitHub());
  M.mockPermission(j.gh, "bob");
  M.mockReaction(j.gh, 8201);
  j.expectSticky();
}
const unlockRequest = (j: GoalPrJourney) =>
  j.deliver("issue_comment", prCommentPayload("bob", "/unlock", 8201));
const UNLOCK_CALLS = [
  ...CONTEXT,
  `GET ${REPO}/collaborators/bob/permission`,
  `POST ${REPO}/issues/comments/8201/reactions`,
];

describe("journey: /unlock", () => {
  it("after a failed rollback, which keeps the lock for a person, /unlock on the PR deletes the lock ref", async () => {
    const { j } = await failedFirstApply();
    j.app.advance(5);
    M.mockPrContext(j.gh, j.onGitHub());
    mockApplyArtifact(j, 402, applyInputs("rollback"), "failure", {
      startedAt: at("12:01:00"),
      finishedAt: at("12:04:30"),
    });
    const person = M.mockComment(j.gh, J.pr, 9102);
    j.expectSticky();
    M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.head, { existing: true });
    await deliverApplyRun(j, 402, applyInputs("rollback"));
    expect(sent(person)).toMatch(/^Rollback of ddddddd failed .*the lock stays held until `\/unlock`\.$/);
    expect(j.state()).toMatchObject({ state: "ROLLBACK", rollback: { status: "failure" } });

    mockUnlockRequest(j);
    M.mockGetRef(j.gh, "locks", SHAS.head);
    M.mockPullsForCommit(j.gh, SHAS.head, j.labels);
    const deleted = j.gh.delete(`git/refs/infracrew/locks/${J.stack}`).reply(204);
    const calls = await unlockRequest(j);

    expect(calls).toEqual([
      ...UNLOCK_CALLS,
      `GET ${REPO}/git/ref/infracrew/locks/checkout-api`,
      `GET ${REPO}/commits/${SHAS.head}/pulls`,
      `DELETE ${REPO}/git/refs/infracrew/locks/checkout-api`,
      `PATCH ${REPO}/issues/comments/9012`,
    ]);
    expect(deleted.called).toBe(true);
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
      ...UNLOCK_CALLS,
      `GET ${REPO}/git/ref/infracrew/locks/checkout-api`,
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
      ...UNLOCK_CALLS,
      `GET ${REPO}/git/ref/infracrew/locks/checkout-api`,
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
    const calls = await unlockRequest(j);

    expect(calls).toEqual([
      ...UNLOCK_CALLS,
      `GET ${REPO}/git/ref/infracrew/locks/checkout-api`,
      `GET ${REPO}/commits/${OTHER.sha}/pulls`,
      `DELETE ${REPO}/git/refs/infracrew/locks/checkout-api`,
      `PATCH ${REPO}/issues/comments/9012`,
    ]);
    expect(deleted.called).toBe(true);
  });
});
