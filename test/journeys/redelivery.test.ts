import { describe, expect, it } from "vitest";
import { journeyApp } from "../support/journey-app.js";
import * as M from "../support/journey-mocks.js";
import {
  applyRunPayload,
  checkRunActionPayload,
  goalIssuePayload,
  mergedPayload,
  prCommentPayload,
  synchronizePayload,
} from "../support/journey-payloads.js";
import { pullBody } from "../adapter/github-fixtures.js";
import { GOAL_FORM_BODY, J, SHAS, commentBody, sent } from "../support/journey-repo.js";
import {
  GoalPrJourney,
  applyInputs,
  approveAlone,
  approveAndApply,
  completePlan,
  deliverApplyRun,
  mockApplyArtifact,
  mockRecordFirstApplied,
  mockReleaseLock,
  planGoal,
} from "../support/journey-steps.js";

const { REPO } = M;
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

  it("the whole journey, every webhook twice: each second delivery makes reads only and changes nothing", async () => {
    const j = new GoalPrJourney(await journeyApp());
    const again = async (mock: () => void): Promise<string[]> => {
      const sticky = j.sticky;
      mock();
      const calls = await j.redeliver();
      expect(calls.filter((c) => WRITES.test(c))).toEqual([]);
      expect(j.sticky).toBe(sticky);
      return calls;
    };
    const context = () => M.mockPrContext(j.gh, j.onGitHub());

    // issues.opened: the PR for this goal exists with the same goal hash.
    await planGoal(j);
    expect(
      await again(() => {
        M.mockConfig(j.gh);
        j.gh
          .get(`pulls?head=${J.owner}:${J.branch}&state=open`)
          .reply(200, [
            pullBody(J.pr, { headSha: j.head, branch: J.branch, labels: j.labels, body: j.body }),
          ]);
      }),
    ).toEqual([
      `GET ${REPO}/contents/.github/infracrew.yml`,
      `GET ${REPO}/pulls?head=acme:infracrew/checkout-api&state=open`,
    ]);

    // workflow_run.completed of the plan: the run is already handled; its artifact is not read again.
    await completePlan(j, 301, "PASS");
    expect(await again(context)).toEqual(M.PR_CONTEXT_CALLS);

    // /approve by the goal's author: recorded once, answered once.
    await approveAlone(j, "carol", 8101);
    expect(await again(context)).toEqual(M.PR_CONTEXT_CALLS);

    // /help: answered once.
    context();
    M.mockComment(j.gh, J.pr, 9200);
    j.expectSticky();
    await j.deliver("issue_comment", prCommentPayload("dave", "/help", 8100));
    expect(await again(context)).toEqual(M.PR_CONTEXT_CALLS);

    // A reader's click on the Approve button: refused once.
    context();
    M.mockPermission(j.gh, "dave");
    M.mockComment(j.gh, J.pr, 9202);
    j.expectSticky();
    await j.deliver("check_run", checkRunActionPayload("approve", "dave"));
    expect(await again(context)).toEqual(M.PR_CONTEXT_CALLS);

    // A push: approvals voided once, said once.
    M.mockPrContext(j.gh, j.onGitHub(), { pull: false });
    j.expectLabel("VALIDATING");
    M.mockComment(j.gh, J.pr, 9103);
    j.expectSticky();
    M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.pushed);
    await j.deliver("pull_request", synchronizePayload(SHAS.pushed, j.labels));
    j.head = SHAS.pushed;
    expect(await again(() => M.mockPrContext(j.gh, j.onGitHub(), { pull: false }))).toHaveLength(2);

    // The new head passes; bob approves: one lock, one dispatch.
    await completePlan(j, 302, "PASS", { conductorCheckKnown: true });
    expect(await again(context)).toEqual(M.PR_CONTEXT_CALLS);
    await approveAndApply(j, "bob", 8102);
    expect(await again(context)).toEqual(M.PR_CONTEXT_CALLS);

    // The apply run starting is not the Conductor's business; its completion is handled once.
    const inputs = applyInputs("apply", SHAS.pushed);
    expect(
      await j.deliver("workflow_run", applyRunPayload(inputs, { id: 401, action: "in_progress" })),
    ).toEqual([]);
    expect(await again(() => undefined)).toEqual([]);
    context();
    mockApplyArtifact(j, 401, inputs, "success", {
      startedAt: "2026-11-27T12:00:10Z",
      finishedAt: "2026-11-27T12:00:50Z",
    });
    j.expectLabel("DONE");
    mockRecordFirstApplied(j, SHAS.pushed);
    mockReleaseLock(j, SHAS.pushed);
    j.gh
      .put("pulls/12/merge", { sha: SHAS.pushed, merge_method: "squash" })
      .reply(200, { merged: true, message: "Merged" });
    M.mockComments(j.gh, J.issue, [{ id: J.goalCommentId, body: "<!-- infracrew:goal -->\nplanned" }]);
    j.gh.patch(`issues/comments/${J.goalCommentId}`).reply(200, commentBody(J.goalCommentId, "done"));
    j.gh
      .patch(`issues/${J.issue}`, { state: "closed", state_reason: "completed" })
      .reply(200, { number: J.issue });
    j.expectSticky();
    M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.pushed, { existing: true, lookup: false });
    await deliverApplyRun(j, 401, inputs);
    expect(j.state().state).toBe("DONE");
    expect(await again(context)).toEqual(M.PR_CONTEXT_CALLS);

    // The merge's pull_request.closed: nothing to do, the first time or the second.
    M.mockPrContext(j.gh, j.onGitHub(), { pull: false });
    expect(await j.deliver("pull_request", mergedPayload(SHAS.pushed, j.labels))).toHaveLength(2);
    expect(await again(() => M.mockPrContext(j.gh, j.onGitHub(), { pull: false }))).toHaveLength(2);
  });
});
