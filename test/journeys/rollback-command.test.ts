import { describe, expect, it } from "vitest";
import * as M from "../support/journey-mocks.js";
import { prCommentPayload } from "../support/journey-payloads.js";
import { SHAS, sent } from "../support/journey-repo.js";
import {
  approveAndApply,
  completePlan,
  deliverApplyRun,
  mockAcceptedRollback,
  mockApplyDone,
  planGoal,
  GoalPrJourney,
} from "../support/journey-steps.js";
import { journeyApp } from "../support/journey-app.js";
import { REST_CALLS, REST_CALL_BUDGET, readBenchTable } from "../support/rest-calls.js";

const { REPO } = M;

describe("journey: /rollback on an applied PR", () => {
  it("takes the lock and dispatches the rollback to the known-good revision (none: a first apply)", async () => {
    const j = new GoalPrJourney(await journeyApp());
    const planned = await planGoal(j);
    await completePlan(j, 301, "PASS");
    const approved = await approveAndApply(j, "bob", 8001);
    mockApplyDone(j, sent(planned.reply), approved.inputs);
    await deliverApplyRun(j, 401, approved.inputs);
    expect(j.state()).toMatchObject({ state: "DONE", apply: { status: "success" } });

    const { dispatch, said } = mockAcceptedRollback(j, "erin", 8401, { relabel: true });
    const calls = await j.deliver("issue_comment", prCommentPayload("erin", "/rollback", 8401));

    expect(calls).toEqual([
      ...M.PR_CONTEXT_CALLS,
      `GET ${REPO}/collaborators/erin/permission`,
      `POST ${REPO}/issues/comments/8401/reactions`,
      `POST ${REPO}/actions/workflows/infracrew-apply.yml/dispatches`,
      `POST ${REPO}/issues/12/comments`,
      `PUT ${REPO}/issues/12/labels`,
      ...M.conductorCheckUpdateCalls(),
      `PATCH ${REPO}/issues/comments/9012`,
    ]);
    expect(calls).toHaveLength(REST_CALLS.rollback);
    // The target is the stack's applied history before this PR: none (a first apply), so destroy what it created.
    expect(j.dispatched(dispatch)).toMatchObject({ mode: "rollback", sha: SHAS.head, target_sha: "" });
    expect(sent(said)).toMatch(/^Rolling back ddddddd to nothing/);
    expect(j.state()).toMatchObject({
      state: "ROLLBACK",
      rollback: { trigger: "command", requestedBy: "erin" },
    });
  });
});

describe("bench/README.md's Conductor table", () => {
  it("records the REST calls the journeys count, each within its budget", () => {
    expect(readBenchTable()).toEqual(REST_CALLS);
    for (const [step, calls] of Object.entries(REST_CALLS))
      expect(calls, step).toBeLessThanOrEqual(REST_CALL_BUDGET[step as keyof typeof REST_CALLS]);
  });
});
