import { describe, expect, it } from "vitest";
import { journeyApp } from "../support/journey-app.js";
import * as M from "../support/journey-mocks.js";
import { goalIssuePayload } from "../support/journey-payloads.js";
import { GOAL_FORM_BODY, J, commentBody, sent } from "../support/journey-repo.js";

const REPO = `/repos/${J.owner}/${J.repo}`;
const WRITES = /^(POST|PUT|PATCH|DELETE) /;

describe("journey: every webhook delivered twice (GitHub redelivers with the same delivery id)", () => {
  it("an invalid goal: the second issues.opened finds the answer already there and posts no second one", async () => {
    const app = await journeyApp();
    const invalid = GOAL_FORM_BODY.replace("### Region\n\neu-west-1", "### Region\n\nmars-north-1");
    const payload = goalIssuePayload("opened", invalid);

    M.mockConfig(app.gh);
    M.mockComments(app.gh, J.issue, []);
    const answer = M.mockComment(app.gh, J.issue, J.goalCommentId);
    await app.deliver("issues", payload, "d-opened");

    M.mockConfig(app.gh);
    app.gh
      .get(`issues/${J.issue}/comments?per_page=100&page=1`)
      .reply(200, [commentBody(J.goalCommentId, sent(answer))]);
    const again = await app.deliver("issues", payload, "d-opened");

    expect(again).toEqual([
      `GET ${REPO}/contents/.github/infracrew.yml`,
      `GET ${REPO}/issues/7/comments?per_page=100&page=1`,
    ]);
  });

  it("a blocked goal: the second issues.opened writes nothing (the same answer, the label already there)", async () => {
    const app = await journeyApp();
    const payload = goalIssuePayload(
      "opened",
      GOAL_FORM_BODY.replace("### Monthly budget (USD)\n\n1500", "### Monthly budget (USD)\n\n500"),
    );
    M.mockConfig(app.gh);
    app.gh.get(`pulls?head=${J.owner}:${J.branch}&state=open`).reply(200, []);
    M.mockComments(app.gh, J.issue, []);
    const answer = M.mockComment(app.gh, J.issue, J.goalCommentId);
    M.mockLabels(app.gh, J.issue, ["infracrew:blocked"]);
    await app.deliver("issues", payload, "d-opened");

    M.mockConfig(app.gh);
    app.gh.get(`pulls?head=${J.owner}:${J.branch}&state=open`).reply(200, []);
    M.mockComments(app.gh, J.issue, [{ id: J.goalCommentId, body: sent(answer) }]);
    const redelivered = {
      ...payload,
      issue: {
        ...(payload.issue as object),
        labels: [{ id: 1, name: "infracrew:blocked", color: "b60205" }],
      },
    };
    const again = await app.deliver("issues", redelivered, "d-opened");

    expect(again.filter((c) => WRITES.test(c))).toEqual([]);
    expect(again).toHaveLength(3);
  });
});
