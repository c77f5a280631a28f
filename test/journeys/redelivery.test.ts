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
import { GOAL_FORM_BODY, J, SHAS, commentBody, sent } from "../support/journey-repo.js";
import {
  GoalPrJourney,
  approveAlone,
  approveAndApply,
  completePlan,
  deliverApplyRun,
  mockApplyArtifact,
  planGoal,
} from "../support/journey-steps.js";

const { REPO } = M;
const WRITES = /^(POST|PUT|PATCH|DELETE) /;

describe("journey: every webhook delivered twice", () => {
  it("a redelivery with the same delivery id is stored once and handled once: no call at all", async () => {
    const app = await journeyApp();
    const invalid = GOAL_FORM_BODY.replace("### Region\n\neu-west-1", "### Region\n\nmars-north-1");
    const payload = goalIssuePayload("opened", invalid);
    M.mockConfig(app.gh);
    M.mockComments(app.gh, J.issue, []);
    M.mockComment(app.gh, J.issue, J.goalCommentId);
    await app.deliver("issues", payload, "d-opened");
    expect(await app.deliver("issues", payload, "d-opened")).toEqual([]);
    expect(app.logs.filter((l) => l.msg === "redelivery of a stored webhook: nothing to do")).toHaveLength(1);
  });

  it("an invalid goal: the same event under another delivery id finds the answer there and posts no second one", async () => {
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
    const again = await app.deliver("issues", payload, "d-opened-again");

    expect(again).toEqual([
      `GET ${REPO}/contents/.github/infracrew.yml`,
      `GET ${REPO}/issues/7/comments?per_page=100&page=1`,
    ]);
  });

  it("a blocked goal: the same event again writes nothing (the same answer, the label already there)", async () => {
    const app = await journeyApp();
    const payload = goalIssuePayload(
      "opened",
      GOAL_FORM_BODY.replace("### Monthly budget (USD)\n\n1600", "### Monthly budget (USD)\n\n500"),
    );
    M.mockConfig(app.gh);
    M.mockComments(app.gh, J.issue, []);
    const answer = M.mockComment(app.gh, J.issue, J.goalCommentId);
    M.mockLabels(app.gh, J.issue, ["infracrew:blocked"]);
    await app.deliver("issues", payload, "d-opened");

    M.mockConfig(app.gh);
    M.mockComments(app.gh, J.issue, [{ id: J.goalCommentId, body: sent(answer) }]);
    const redelivered = {
      ...payload,
      issue: {
        ...(payload.issue as object),
        labels: [{ id: 1, name: "infracrew:blocked", color: "b60205" }],
      },
    };
    const again = await app.deliver("issues", redelivered, "d-opened-again");

    expect(again.filter((c) => WRITES.test(c))).toEqual([]);
    expect(again).toHaveLength(2);
  });

  it("the whole journey, every event twice under another delivery id: each second one makes reads only", async () => {
    const j = new GoalPrJourney(await journeyApp());
    const again = async (mock: () => void): Promise<string[]> => {
      const before = j.state();
      mock();
      const calls = await j.duplicate();
      expect(calls.filter((c) => WRITES.test(c))).toEqual([]);
      expect(j.state()).toEqual(before);
      return calls;
    };
    const context = () => M.mockPrContext(j.gh, j.onGitHub());

    // issues.opened: the store knows this goal, planned with the same hash.
    await planGoal(j);
    expect(await again(() => M.mockConfig(j.gh))).toEqual([`GET ${REPO}/contents/.github/infracrew.yml`]);

    // workflow_run.completed of the plan: the run is already handled; its artifact is not read again.
    await completePlan(j, 301, "PASS");
    expect(await again(context)).toEqual(M.PR_CONTEXT_CALLS);

    // /approve by the goal's author: recorded once, answered once.
    await approveAlone(j, "carol", 8101);
    expect(await again(context)).toEqual(M.PR_CONTEXT_CALLS);

    // /help: answered once.
    context();
    M.mockComment(j.gh, J.pr, 9200);
    await j.deliver("issue_comment", prCommentPayload("dave", "/help", 8100));
    expect(await again(context)).toEqual(M.PR_CONTEXT_CALLS);

    // A reader's click on the Approve button: refused once. (A click is known by its delivery: the same click
    // redelivered is stored once; another delivery would be another click.)
    context();
    M.mockPermission(j.gh, "dave");
    M.mockComment(j.gh, J.pr, 9202);
    await j.deliver("check_run", checkRunActionPayload("approve", "dave"));
    expect(await j.redeliver()).toEqual([]);

    // A push: approvals voided once, said once.
    M.mockPrContext(j.gh, j.onGitHub(), { pull: false });
    j.expectLabel("VALIDATING");
    M.mockComment(j.gh, J.pr, 9103);
    j.expectSticky();
    M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.pushed, { lookup: false });
    await j.deliver("pull_request", synchronizePayload(SHAS.pushed, j.labels));
    j.head = SHAS.pushed;
    expect(await again(() => M.mockPrContext(j.gh, j.onGitHub(), { pull: false }))).toHaveLength(1);

    // The new head passes; bob approves: one lock, one dispatch.
    await completePlan(j, 302, "PASS");
    expect(await again(context)).toEqual(M.PR_CONTEXT_CALLS);
    const approved = await approveAndApply(j, "bob", 8102);
    expect(await again(context)).toEqual(M.PR_CONTEXT_CALLS);

    // The apply run starting is not the Conductor's business; its completion is handled once.
    const inputs = approved.inputs;
    expect(
      await j.deliver("workflow_run", applyRunPayload(inputs, { id: 401, action: "in_progress" })),
    ).toEqual([]);
    expect(await again(() => undefined)).toEqual([]);
    context();
    mockApplyArtifact(j, 401, inputs, "success", {
      startedAt: "2026-11-27T12:00:10Z",
      finishedAt: "2026-11-27T12:00:50Z",
    });
    j.gh
      .put("pulls/12/merge", { sha: SHAS.pushed, merge_method: "squash" })
      .reply(200, { merged: true, message: "Merged" });
    M.mockComments(j.gh, J.issue, [{ id: J.goalCommentId, body: "<!-- infracrew:goal -->\nplanned" }]);
    j.gh.patch(`issues/comments/${J.goalCommentId}`).reply(200, commentBody(J.goalCommentId, "done"));
    j.gh
      .patch(`issues/${J.issue}`, { state: "closed", state_reason: "completed" })
      .reply(200, { number: J.issue });
    j.expectLabel("DONE");
    M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.pushed, { existing: true, lookup: false });
    j.expectSticky();
    await deliverApplyRun(j, 401, inputs);
    expect(j.state().state).toBe("DONE");
    expect(await again(context)).toEqual(M.PR_CONTEXT_CALLS);

    // The merge's pull_request.closed: nothing to do, the first time or the second.
    M.mockPrContext(j.gh, j.onGitHub(), { pull: false });
    expect(await j.deliver("pull_request", mergedPayload(SHAS.pushed, j.labels))).toHaveLength(1);
    expect(await again(() => M.mockPrContext(j.gh, j.onGitHub(), { pull: false }))).toHaveLength(1);
  });
});
