import { describe, expect, it } from "vitest";
import { expectGolden } from "../support/golden.js";
import * as M from "../support/journey-mocks.js";
import { checkRunActionPayload, prCommentPayload } from "../support/journey-payloads.js";
import { J, SHAS, sent } from "../support/journey-repo.js";
import {
  LOCK_AND_DISPATCH_CALLS,
  mockLockAndDispatch,
  waitingForApproval,
} from "../support/journey-steps.js";

const REPO = `/repos/${J.owner}/${J.repo}`;
const CONTEXT = M.PR_CONTEXT_CALLS;

describe("journey: commands on the goal PR", () => {
  it.each([
    ["/help", "help", "journeys/reply-help.md"],
    ["/aprove", "a typo", "journeys/reply-typo.md"],
  ])("%s (%s) gets a reply, and nothing else changes", async (command, _, golden) => {
    const j = await waitingForApproval();
    const before = j.state();
    M.mockPrContext(j.gh, j.onGitHub());
    const reply = M.mockComment(j.gh, J.pr, 9101);
    const calls = await j.deliver("issue_comment", prCommentPayload("dave", command, 8101));
    expect(calls).toEqual([...CONTEXT, `POST ${REPO}/issues/12/comments`]);
    expectGolden(golden, sent(reply));
    // Only remembered as answered, so a redelivery does not answer twice.
    expect(j.state()).toEqual({ ...before, handled: ["run:301", "comment:8101"] });
  });

  it("the Conductor check's Approve button goes through the same gate: a reader is refused", async () => {
    const j = await waitingForApproval();
    M.mockPrContext(j.gh, j.onGitHub());
    M.mockPermission(j.gh, "dave");
    const refusal = M.mockComment(j.gh, J.pr, 9101);
    const calls = await j.deliver("check_run", checkRunActionPayload("approve", "dave"));
    expect(calls).toEqual([
      ...CONTEXT,
      `GET ${REPO}/collaborators/dave/permission`,
      `POST ${REPO}/issues/12/comments`,
    ]);
    expect(sent(refusal)).toMatch(
      /^Approval refused: @dave has read permission; to approve you need write or more\.\n\n<!-- infracrew:effect [0-9a-f]{16} -->$/,
    );
    expect(j.state().approvals).toEqual([]);
  });

  it("the Approve button clicked by a writer applies, recorded as an approval via the check run", async () => {
    const j = await waitingForApproval();
    M.mockPrContext(j.gh, j.onGitHub());
    M.mockPermission(j.gh, "bob");
    const { dispatch } = mockLockAndDispatch(j);
    const calls = await j.deliver("check_run", checkRunActionPayload("approve", "bob"));
    expect(calls).toEqual([
      ...CONTEXT,
      `GET ${REPO}/collaborators/bob/permission`,
      ...LOCK_AND_DISPATCH_CALLS,
    ]);
    expect(dispatch.called).toBe(true);
    expect(j.state()).toMatchObject({ state: "APPLYING", approvals: [{ login: "bob", via: "check-run" }] });
  });

  it("the Approve button of an older commit's check approves nothing: the click is for the commit it was shown on", async () => {
    const j = await waitingForApproval();
    M.mockPrContext(j.gh, j.onGitHub());
    M.mockPermission(j.gh, "bob");
    const refusal = M.mockComment(j.gh, J.pr, 9101);
    const calls = await j.deliver("check_run", checkRunActionPayload("approve", "bob", SHAS.knownGood));
    expect(calls).toEqual([
      ...CONTEXT,
      `GET ${REPO}/collaborators/bob/permission`,
      `POST ${REPO}/issues/12/comments`,
    ]);
    expect(sent(refusal)).toContain(
      "Approval refused: the button was for fffffff, but the head is now ddddddd; approve the new commit once Sentinel passes it.",
    );
    expect(j.state()).toMatchObject({ state: "WAIT_FOR_APPROVE", approvals: [] });
  });
});
