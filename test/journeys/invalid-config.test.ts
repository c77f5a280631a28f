import { describe, expect, it } from "vitest";
import { expectGolden } from "../support/golden.js";
import { journeyApp } from "../support/journey-app.js";
import * as M from "../support/journey-mocks.js";
import { goalIssuePayload, prCommentPayload } from "../support/journey-payloads.js";
import { GoalPrJourney, planGoal } from "../support/journey-steps.js";
import { J, sent } from "../support/journey-repo.js";

const REPO = `/repos/${J.owner}/${J.repo}`;
const INVALID_CONFIG = [
  "approvals:",
  "  required: 0",
  "  minPermission: owner",
  "apply:",
  "  mergeAfterApply: yes please",
  "",
].join("\n");

describe("journey: an invalid .github/infracrew.yml", () => {
  it("tells the goal issue what to fix in the config, and does nothing else (no design, no branch, no PR)", async () => {
    const app = await journeyApp();
    M.mockConfig(app.gh, INVALID_CONFIG);
    M.mockComments(app.gh, J.issue, []);
    const answer = M.mockComment(app.gh, J.issue, J.goalCommentId);

    const calls = await app.deliver("issues", goalIssuePayload("opened"));

    expect(calls).toEqual([
      `GET ${REPO}/contents/.github/infracrew.yml`,
      `GET ${REPO}/issues/7/comments?per_page=100&page=1`,
      `POST ${REPO}/issues/7/comments`,
    ]);
    expectGolden("journeys/config-invalid-issue-comment.md", sent(answer));
  });

  it("on a goal PR, a command is answered once with what to fix in the config, and nothing else happens", async () => {
    const j = new GoalPrJourney(await journeyApp());
    await planGoal(j);
    M.mockPrContext(j.gh, j.onGitHub(), { config: INVALID_CONFIG });
    M.mockComments(j.gh, J.pr, [{ id: J.stickyId, body: "<!-- infracrew:sticky -->" }]);
    const told = M.mockComment(j.gh, J.pr, 9100);

    const calls = await j.deliver("issue_comment", prCommentPayload("bob", "/approve", 8001));

    expect(calls).toEqual([
      `GET ${REPO}/pulls/12`,
      `GET ${REPO}/contents/.github/infracrew.yml`,
      `GET ${REPO}/issues/12/comments?per_page=100&page=1`,
      `POST ${REPO}/issues/12/comments`,
    ]);
    expect(sent(told)).toMatch(
      /^<!-- infracrew:config-error -->\n### ❌ `.github\/infracrew.yml` is invalid/,
    );
  });
});
