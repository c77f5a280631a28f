import { describe, expect, it } from "vitest";
import { expectGolden } from "../support/golden.js";
import * as M from "../support/journey-mocks.js";
import { applyRunPayload } from "../support/journey-payloads.js";
import { J, SHAS, sent } from "../support/journey-repo.js";
import type { GoalPrJourney } from "../support/journey-steps.js";
import { deliverApplyRun, failedFirstApply, mockApplyArtifact } from "../support/journey-steps.js";
import { applyRunName, type ApplyInputs } from "../support/workflow-run-name.js";

const { REPO, PR_CONTEXT_CALLS: CONTEXT } = M;
const CONDUCTOR_CHECK = M.conductorCheckUpdateCalls();
const at = (time: string) => `2026-11-27T${time}Z`;

/** The rollback run's completion: the context, its ApplyResult, then DONE's views. */
function mockRollbackDone(
  j: GoalPrJourney,
  inputs: ApplyInputs,
  times: { startedAt: string; finishedAt: string },
) {
  M.mockPrContext(j.gh, j.onGitHub());
  mockApplyArtifact(j, 501, inputs, "success", times);
  j.expectLabel("DONE");
}

const opsEvents = (j: GoalPrJourney) =>
  j.app.logs
    .filter((l) => l.level === 40 && "opsEvent" in l)
    .map((l) => l.opsEvent as Record<string, unknown>);

describe("journey: an apply failure → automatic rollback → DONE", () => {
  it("dispatches the rollback to the known-good revision (none: a first apply), then records it done", async () => {
    const { j, calls, dispatch, rolling, rollback } = await failedFirstApply();
    expect(calls).toEqual([
      ...CONTEXT,
      `GET ${REPO}/actions/runs/401/artifacts?per_page=100`,
      `GET ${REPO}/actions/artifacts/4010/zip`,
      `POST ${REPO}/actions/workflows/infracrew-apply.yml/dispatches`,
      `POST ${REPO}/issues/12/comments`,
      `PUT ${REPO}/issues/12/labels`,
      ...CONDUCTOR_CHECK,
      `PATCH ${REPO}/issues/comments/9012`,
    ]);
    // The target comes from the App's applied history (none yet), never from the run or the PR.
    expect(dispatch.body).toEqual({
      ref: "main",
      return_run_details: true,
      inputs: {
        pr: "12",
        stack: "checkout-api",
        mode: "rollback",
        sha: SHAS.head,
        target_sha: "",
        nonce: rollback.nonce,
        plan_run_id: "",
        plan_artifact_id: "",
        plan_sha256: "",
      },
    });
    expectGolden("journeys/rollback-started.md", sent(rolling));
    expect(j.state()).toMatchObject({
      state: "ROLLBACK",
      apply: { status: "failure" },
      rollback: { trigger: "apply-failed", requestedBy: "infracrew[bot]", fromSha: SHAS.head, toSha: null },
    });
    expect(opsEvents(j)).toMatchObject([
      { kind: "OpsEvent", type: "apply-failed", severity: "critical", pr: 12 },
    ]);

    // The rollback run began a minute after the trigger and ends 4 minutes after it: the failed first apply's
    // resources destroyed, its database kept for a person to decide.
    j.app.advance(4);
    mockRollbackDone(j, rollback, { startedAt: at("12:01:00"), finishedAt: at("12:03:50") });
    const done = M.mockComment(j.gh, J.pr, 9102);
    const check = M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.head, { existing: true, lookup: false });
    const sticky = j.expectSticky();
    const finished = await deliverApplyRun(j, 501, rollback);

    expect(finished).toEqual([
      ...CONTEXT,
      `GET ${REPO}/actions/runs/501/artifacts?per_page=100`,
      `GET ${REPO}/actions/artifacts/5010/zip`,
      `POST ${REPO}/issues/12/comments`,
      `PUT ${REPO}/issues/12/labels`,
      ...CONDUCTOR_CHECK,
      `PATCH ${REPO}/issues/comments/9012`,
    ]);
    expectGolden("journeys/rollback-done.md", sent(done));
    expectGolden("journeys/sticky-rolled-back.md", sent(sticky));
    expect(check.body).toMatchObject({ status: "completed", output: { title: "Rolled back" } });
    expect(j.state()).toMatchObject({ state: "DONE", rollback: { status: "success", breaches: [] } });
    expect(await j.app.store.read.getLock("acme/infra", J.stack)).toBeUndefined();
    expect(opsEvents(j)).toHaveLength(1);
  });
});

describe("journey: a rollback SLA breach", () => {
  it("reports a rollback not begun within 5 minutes and not finished within 15, once each, on the PR and as OpsEvents", async () => {
    const { j, rollback } = await failedFirstApply();
    const title = applyRunName(rollback);

    // 12:06: the rollback's timers are due. The reconciler asks GitHub about the run first (queued: not begun),
    // then the SLA clock reports the breach, once.
    j.app.advance(6);
    M.mockGetRun(j.gh, 501, { status: "queued", title });
    M.mockPrContext(j.gh, j.onGitHub());
    const begin = M.mockComment(j.gh, J.pr, 9102);
    j.expectSticky();
    // The breach shows in the sticky comment; the Conductor check says nothing new.
    expect(await j.fireTimers()).toEqual({
      fired: 1,
      calls: [
        `GET ${REPO}/actions/runs/501`,
        ...CONTEXT,
        `POST ${REPO}/issues/12/comments`,
        `PATCH ${REPO}/issues/comments/9012`,
      ],
    });
    expect(sent(begin)).toMatch(
      /^⚠️ Rollback SLA breached: it did not begin within 5 min of the trigger \(6\.0 min\)\./,
    );
    // A minute later nothing is due: the breach is not reported twice.
    j.app.advance(1);
    expect(await j.fireTimers()).toEqual({ fired: 0, calls: [] });

    // 12:07: the late workflow_run.in_progress of the rollback: when it began is recorded, nothing reported again.
    M.mockPrContext(j.gh, j.onGitHub());
    const started = await j.deliver(
      "workflow_run",
      applyRunPayload(rollback, { id: 501, action: "in_progress", startedAt: at("12:06:30") }),
    );
    // No view shows when it began: the state records it, nothing is written.
    expect(started).toEqual([...CONTEXT]);
    expect(j.state().rollback).toMatchObject({ startedAt: at("12:06:30"), breaches: ["begin"] });

    // 12:20: it finishes, 20 minutes after the trigger: DONE, with the finish breach reported.
    j.app.advance(13);
    mockRollbackDone(j, rollback, { startedAt: at("12:06:30"), finishedAt: at("12:19:40") });
    const replies = [M.mockComment(j.gh, J.pr, 9103), M.mockComment(j.gh, J.pr, 9104)];
    M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.head, { existing: true, lookup: false });
    j.expectSticky();
    await deliverApplyRun(j, 501, rollback);
    expect(replies.map((r) => sent(r))).toEqual([
      expect.stringMatching(
        /^⚠️ Rollback SLA breached: it did not finish within 15 min of the trigger \(20\.0 min\)\./,
      ),
      expect.stringMatching(/^Rolled back to nothing: .* in 20\.0 min/),
    ]);
    expect(j.state()).toMatchObject({ state: "DONE", rollback: { breaches: ["begin", "finish"] } });
    expect(opsEvents(j).map((e) => [e.type, (e.details as { phase?: string }).phase])).toEqual([
      ["apply-failed", undefined],
      ["sla-breach", "begin"],
      ["sla-breach", "finish"],
    ]);
    expect(
      j.app.logs.filter(
        (l) => l.msg === "Rollback on checkout-api did not begin within 5 minutes of the trigger",
      ),
    ).toHaveLength(1);
    // The breaches are in the audit log too.
    const audit = await j.app.store.auditFor("acme/infra", 12);
    expect(audit.filter((a) => a.action === "sla-breach").map((a) => a.reason)).toEqual([
      "Rollback on checkout-api did not begin within 5 minutes of the trigger",
      "Rollback on checkout-api did not finish within 15 minutes of the trigger",
    ]);
  });

  it("judges a rollback whose start the app never saw (no in_progress, no timer) by its ApplyResult's startedAt", async () => {
    const { j, rollback } = await failedFirstApply();
    j.app.advance(10);
    mockRollbackDone(j, rollback, { startedAt: at("12:07:00"), finishedAt: at("12:09:40") });
    const replies = [M.mockComment(j.gh, J.pr, 9102), M.mockComment(j.gh, J.pr, 9103)];
    M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.head, { existing: true, lookup: false });
    j.expectSticky();
    await deliverApplyRun(j, 501, rollback);

    expect(sent(replies[0]!)).toMatch(
      /^⚠️ Rollback SLA breached: it did not begin within 5 min of the trigger \(7\.0 min\)\./,
    );
    expect(j.state()).toMatchObject({
      state: "DONE",
      rollback: { startedAt: at("12:07:00"), status: "success", breaches: ["begin"] },
    });
    expect(opsEvents(j).map((e) => e.type)).toEqual(["apply-failed", "sla-breach"]);
  });
});
