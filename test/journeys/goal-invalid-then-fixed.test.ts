import { describe, expect, it } from "vitest";
import { expectGolden } from "../support/golden.js";
import { journeyApp } from "../support/journey-app.js";
import * as M from "../support/journey-mocks.js";
import { goalIssuePayload } from "../support/journey-payloads.js";
import { GOAL_FORM_BODY, J, commentBody, sent } from "../support/journey-repo.js";

const REPO = `/repos/${J.owner}/${J.repo}`;
const INVALID = GOAL_FORM_BODY.replace("### Region\n\neu-west-1", "### Region\n\nmars-north-1").replace(
  "### Peak requests per second\n\n400",
  "### Peak requests per second\n\nlots",
);

describe("journey: an invalid goal, then an edit that fixes it", () => {
  it("answers in one comment with every problem, updates that same comment in place, then opens the PR", async () => {
    expect(INVALID).not.toBe(GOAL_FORM_BODY);
    const app = await journeyApp();

    M.mockConfig(app.gh);
    M.mockComments(app.gh, J.issue, []);
    const invalid = M.mockComment(app.gh, J.issue, J.goalCommentId);
    const opened = await app.deliver("issues", goalIssuePayload("opened", INVALID));
    expect(opened).toEqual([
      `GET ${REPO}/contents/.github/infracrew.yml`,
      `GET ${REPO}/issues/7/comments?per_page=100&page=1`,
      `POST ${REPO}/issues/7/comments`,
    ]);
    expectGolden("journeys/goal-invalid-issue-comment.md", sent(invalid));

    const planned = M.mockGoalToPr(app.gh);
    app.gh
      .get(`issues/${J.issue}/comments?per_page=100&page=1`)
      .reply(200, [
        commentBody(3, "Looks good to me", J.author),
        commentBody(J.goalCommentId, sent(invalid)),
      ]);
    const updated = app.gh
      .patch(`issues/comments/${J.goalCommentId}`)
      .reply(200, commentBody(J.goalCommentId, "x"));
    const edited = await app.deliver("issues", goalIssuePayload("edited"));

    expect(edited).toEqual([
      ...M.GOAL_TO_PR_CALLS,
      `GET ${REPO}/issues/7/comments?per_page=100&page=1`,
      `PATCH ${REPO}/issues/comments/9007`,
    ]);
    expect(planned.pull.called).toBe(true);
    expect(sent(updated)).toMatch(/^<!-- infracrew:goal -->\n### ✅ Planned: #12\n/);
  });
});
