import { describe, expect, it } from "vitest";
import { expectGolden } from "../support/golden.js";
import { journeyApp } from "../support/journey-app.js";
import * as M from "../support/journey-mocks.js";
import { goalIssuePayload } from "../support/journey-payloads.js";
import { GOAL_FORM_BODY, J, commentBody, sent } from "../support/journey-repo.js";

const REPO = `/repos/${J.owner}/${J.repo}`;
const OVER_BUDGET = GOAL_FORM_BODY.replace(
  "### Monthly budget (USD)\n\n1600",
  "### Monthly budget (USD)\n\n500",
);

describe("journey: a goal Atlas cannot design (DesignBlocked)", () => {
  it("answers the issue with the reasons and the smallest change, labels it infracrew:blocked, and opens nothing", async () => {
    expect(OVER_BUDGET).not.toBe(GOAL_FORM_BODY);
    const app = await journeyApp();
    M.mockConfig(app.gh);
    M.mockComments(app.gh, J.issue, []);
    const reply = M.mockComment(app.gh, J.issue, J.goalCommentId);
    const label = M.mockLabels(app.gh, J.issue, ["infracrew:blocked"]);

    const calls = await app.deliver("issues", goalIssuePayload("opened", OVER_BUDGET));

    expect(calls).toEqual([
      `GET ${REPO}/contents/.github/infracrew.yml`,
      `GET ${REPO}/issues/7/comments?per_page=100&page=1`,
      `POST ${REPO}/issues/7/comments`,
      `PUT ${REPO}/issues/7/labels`,
    ]);
    expect(label.called).toBe(true);
    const body = sent(reply);
    expect(body).toContain("### ⛔ Atlas cannot design this goal as written");
    expect(body).toContain("**The smallest change that would unblock it**");
    expectGolden("journeys/goal-blocked-issue-comment.md", body);
  });

  it("once the budget is raised, plans the PR and takes infracrew:blocked off the issue", async () => {
    const app = await journeyApp();
    const planned = M.mockGoalToPr(app.gh);
    M.mockComments(app.gh, J.issue, [
      { id: J.goalCommentId, body: "<!-- infracrew:goal -->\n### ⛔ Atlas cannot…" },
    ]);
    const answer = app.gh
      .patch(`issues/comments/${J.goalCommentId}`)
      .reply(200, commentBody(J.goalCommentId, "x"));
    const unlabelled = app.gh
      .put(`issues/${J.issue}/labels`, { labels: ["goal"] })
      .reply(200, [{ name: "goal" }]);

    const calls = await app.deliver(
      "issues",
      goalIssuePayload("edited", GOAL_FORM_BODY, { labels: ["goal", "infracrew:blocked"] }),
    );

    expect(calls).toHaveLength(12);
    expect(calls).not.toContain(`GET ${REPO}/pulls?head=acme:infracrew/checkout-api&state=open`);
    expect(calls.slice(-3)).toEqual([
      `GET ${REPO}/issues/7/comments?per_page=100&page=1`,
      `PATCH ${REPO}/issues/comments/9007`,
      `PUT ${REPO}/issues/7/labels`,
    ]);
    expect(planned.pull.called && unlabelled.called).toBe(true);
    expect(sent(answer)).toContain("### ✅ Planned: #12");
  });
});
