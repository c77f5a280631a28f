import { describe, expect, it } from "vitest";
import * as M from "../support/journey-mocks.js";
import { prCommentPayload } from "../support/journey-payloads.js";
import { J, SHAS } from "../support/journey-repo.js";
import { mockLockAndDispatch, waitingForApproval } from "../support/journey-steps.js";

const REPO = `/repos/${J.owner}/${J.repo}`;

describe("journey: two /approve at once", () => {
  it("gives exactly one dispatch: the second delivery finds the lock taken by this PR and stops", async () => {
    const j = await waitingForApproval();

    // Both deliveries read the same state and both pass the gate (bob: write, erin: admin).
    for (const login of ["bob", "erin"]) {
      M.mockPrContext(j.gh, j.onGitHub());
      M.mockPermission(j.gh, login);
    }
    M.mockReaction(j.gh, 8101);
    M.mockReaction(j.gh, 8102);
    // Only the creation of the lock ref wins; GitHub answers the other 422 "Reference already exists", and that
    // delivery finds the lock at this PR's head. The winner re-reads the PR, dispatches once, and shows APPLYING.
    const { dispatch } = mockLockAndDispatch(j);
    M.mockCreateLock(j.gh, SHAS.head, true);
    M.mockGetRef(j.gh, "locks", SHAS.head);

    const from = j.gh.calls.length;
    await Promise.all([
      j.deliver("issue_comment", prCommentPayload("bob", "/approve", 8101)),
      j.deliver("issue_comment", prCommentPayload("erin", "/approve", 8102)),
    ]);
    const calls = j.gh.calls.slice(from);

    expect(calls.filter((c) => c.endsWith("/dispatches"))).toEqual([
      `POST ${REPO}/actions/workflows/infracrew-apply.yml/dispatches`,
    ]);
    expect(dispatch.called).toBe(true);
    expect(calls.filter((c) => c === `POST ${REPO}/git/refs`)).toHaveLength(2);
    expect(calls.filter((c) => c === `PATCH ${REPO}/issues/comments/9012`)).toHaveLength(1);
    expect(calls).toHaveLength(19);
    expect(j.state()).toMatchObject({ state: "APPLYING", apply: { sha: SHAS.head } });
    expect(j.app.logs.filter((l) => l.msg?.startsWith("abandoned: another delivery"))).toHaveLength(1);
  });
});
