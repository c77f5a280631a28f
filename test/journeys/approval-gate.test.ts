import { describe, expect, it } from "vitest";
import { expectGolden } from "../support/golden.js";
import * as M from "../support/journey-mocks.js";
import { prCommentPayload } from "../support/journey-payloads.js";
import { J, SHAS, sent } from "../support/journey-repo.js";
import { approveAlone, approveAndApply, waitingForApproval } from "../support/journey-steps.js";

const REPO = `/repos/${J.owner}/${J.repo}`;
const CONTEXT = M.PR_CONTEXT_CALLS;

describe("journey: /approve by a reader, by the goal's author alone, and by a bot", () => {
  it("refuses the reader with the reason, records the author but waits for someone else, ignores the bot", async () => {
    const j = await waitingForApproval();

    // dave can only read the repository: refused, with the reason, and remembered so a redelivery is quiet.
    M.mockPrContext(j.gh, j.onGitHub());
    M.mockPermission(j.gh, "dave");
    const refusal = M.mockComment(j.gh, J.pr, 9101);
    const reader = await j.deliver("issue_comment", prCommentPayload("dave", "/approve", 8101));
    // Nothing a view shows changed: the sticky comment and the check are not written again.
    expect(reader).toEqual([
      ...CONTEXT,
      `GET ${REPO}/collaborators/dave/permission`,
      `POST ${REPO}/issues/12/comments`,
    ]);
    expectGolden("journeys/approve-refused-reader.md", sent(refusal));
    expect(j.state()).toMatchObject({
      state: "WAIT_FOR_APPROVE",
      approvals: [],
      handled: ["run:301", "comment:8101"],
    });

    // carol filed the goal: her approval is recorded (👀), and it needs someone else's.
    const author = await approveAlone(j, "carol", 8102);
    expect(author.calls).toEqual([
      ...CONTEXT,
      `GET ${REPO}/collaborators/carol/permission`,
      `POST ${REPO}/issues/comments/8102/reactions`,
      `POST ${REPO}/issues/12/comments`,
      ...M.conductorCheckUpdateCalls(),
      `PATCH ${REPO}/issues/comments/9012`,
    ]);
    expect(author.reaction.called).toBe(true);
    expectGolden("journeys/approve-recorded-author-alone.md", sent(author.reply));
    expect(j.state()).toMatchObject({
      state: "WAIT_FOR_APPROVE",
      approvals: [{ login: "carol", sha: SHAS.head }],
    });

    // A bot's /approve (here Renovate's) is ignored before any request.
    expect(await j.deliver("issue_comment", prCommentPayload("renovate[bot]", "/approve", 8103))).toEqual([]);

    // bob's approval is the other person's: the apply is dispatched, approved by both.
    const applied = await approveAndApply(j, "bob", 8104);
    expect(applied.calls).toHaveLength(8);
    expect(j.state()).toMatchObject({ state: "APPLYING", apply: { approvedBy: ["carol", "bob"] } });
    const audit = await j.app.store.auditFor("acme/infra", 12);
    expect(
      audit.filter((a) => a.action === "approve (comment)").map((a) => `${a.actor} ${a.decision}`),
    ).toEqual(["dave refused", "carol accepted", "bob accepted"]);
    expect(audit.find((a) => a.actor === "dave")?.reason).toMatch(/dave has read permission/);
  });
});
