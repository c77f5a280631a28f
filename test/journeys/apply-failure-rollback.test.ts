import { describe, expect, it } from "vitest";
import { expectGolden } from "../support/golden.js";
import * as M from "../support/journey-mocks.js";
import { applyRunPayload } from "../support/journey-payloads.js";
import { J, SHAS, sent } from "../support/journey-repo.js";
import type { GoalPrJourney } from "../support/journey-steps.js";
import {
  applyInputs,
  deliverApplyRun,
  failedFirstApply,
  mockApplyArtifact,
  mockReleaseLock,
} from "../support/journey-steps.js";

const { REPO, PR_CONTEXT_CALLS: CONTEXT } = M;
const CONDUCTOR_CHECK = M.conductorCheckUpdateCalls();
const at = (time: string) => `2026-11-27T${time}Z`;

/** The rollback run's completion at the clock's time: DONE, the applied ref forgotten, the lock released. */
function mockRollbackDone(j: GoalPrJourney, times: { startedAt: string; finishedAt: string }) {
  M.mockPrContext(j.gh, j.onGitHub());
  mockApplyArtifact(j, 402, applyInputs("rollback"), "success", times);
  j.expectLabel("DONE");
  j.gh.delete(`git/refs/infracrew/applied/${J.stack}`).reply(422, { message: "Reference does not exist" });
  mockReleaseLock(j, SHAS.head);
}

const opsEvents = (j: GoalPrJourney) =>
  j.app.logs
    .filter((l) => l.level === 40 && "opsEvent" in l)
    .map((l) => l.opsEvent as Record<string, unknown>);

describe("journey: an apply failure → automatic rollback → DONE", () => {
  it("dispatches the rollback to the known-good revision (none: a first apply), then records it done", async () => {
    const { j, calls, dispatch, rolling } = await failedFirstApply();
    expect(calls).toEqual([
      ...CONTEXT,
      `GET ${REPO}/actions/runs/401/artifacts?per_page=100`,
      `GET ${REPO}/actions/artifacts/4010/zip`,
      `PUT ${REPO}/issues/12/labels`,
      `POST ${REPO}/actions/workflows/infracrew-apply.yml/dispatches`,
      `POST ${REPO}/issues/12/comments`,
      ...CONDUCTOR_CHECK,
      `PATCH ${REPO}/issues/comments/9012`,
    ]);
    expect(dispatch.body).toEqual({
      ref: "main",
      inputs: applyInputs("rollback"),
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
    mockRollbackDone(j, { startedAt: at("12:01:00"), finishedAt: at("12:03:50") });
    const done = M.mockComment(j.gh, J.pr, 9102);
    j.expectSticky();
    const check = M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.head, { existing: true, lookup: false });
    const finished = await deliverApplyRun(j, 402, applyInputs("rollback"));

    expect(finished).toEqual([
      ...CONTEXT,
      `GET ${REPO}/actions/runs/402/artifacts?per_page=100`,
      `GET ${REPO}/actions/artifacts/4020/zip`,
      `PUT ${REPO}/issues/12/labels`,
      `DELETE ${REPO}/git/refs/infracrew/applied/checkout-api`,
      `GET ${REPO}/git/ref/infracrew/locks/checkout-api`,
      `DELETE ${REPO}/git/refs/infracrew/locks/checkout-api`,
      `POST ${REPO}/issues/12/comments`,
      ...CONDUCTOR_CHECK,
      `PATCH ${REPO}/issues/comments/9012`,
    ]);
    expectGolden("journeys/rollback-done.md", sent(done));
    expectGolden("journeys/sticky-rolled-back.md", j.sticky);
    expect(check.body).toMatchObject({ status: "completed", output: { title: "Rolled back" } });
    expect(j.state()).toMatchObject({ state: "DONE", rollback: { status: "success", breaches: [] } });
    expect(opsEvents(j)).toHaveLength(1);
  });
});

describe("journey: a rollback SLA breach", () => {
  it("reports a rollback not begun within 5 minutes and not finished within 15, once each, on the PR and as OpsEvents", async () => {
    const { j } = await failedFirstApply();

    // 12:06: the rollback has not begun. The SLA clock reports it once; the next tick finds nothing due.
    j.app.advance(6);
    M.mockPrContext(j.gh, j.onGitHub());
    const begin = M.mockComment(j.gh, J.pr, 9102);
    j.expectSticky();
    M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.head, { existing: true, lookup: false });
    expect(await j.tick()).toEqual({
      outcome: "ticked to ROLLBACK",
      calls: [
        ...CONTEXT,
        `POST ${REPO}/issues/12/comments`,
        ...CONDUCTOR_CHECK,
        `PATCH ${REPO}/issues/comments/9012`,
      ],
    });
    expect(sent(begin)).toBe(
      "⚠️ Rollback SLA breached: it did not begin within 5 min of the trigger (6.0 min).",
    );
    j.app.advance(1);
    M.mockPrContext(j.gh, j.onGitHub());
    expect(await j.tick()).toEqual({ outcome: "nothing due", calls: CONTEXT });

    // 12:07: the late workflow_run.in_progress of the rollback: when it began is recorded, nothing reported again.
    M.mockPrContext(j.gh, j.onGitHub());
    j.expectSticky();
    M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.head, { existing: true, lookup: false });
    const started = await j.deliver(
      "workflow_run",
      applyRunPayload(applyInputs("rollback"), { id: 402, action: "in_progress", startedAt: at("12:06:30") }),
    );
    expect(started).toEqual([...CONTEXT, ...CONDUCTOR_CHECK, `PATCH ${REPO}/issues/comments/9012`]);
    expect(j.state().rollback).toMatchObject({ startedAt: at("12:06:30"), breaches: ["begin"] });

    // 12:20: it finishes, 20 minutes after the trigger: DONE, with the finish breach reported.
    j.app.advance(13);
    mockRollbackDone(j, { startedAt: at("12:06:30"), finishedAt: at("12:19:40") });
    const replies = [M.mockComment(j.gh, J.pr, 9103), M.mockComment(j.gh, J.pr, 9104)];
    j.expectSticky();
    M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.head, { existing: true, lookup: false });
    await deliverApplyRun(j, 402, applyInputs("rollback"));
    expect(replies.map((r) => sent(r))).toEqual([
      "⚠️ Rollback SLA breached: it did not finish within 15 min of the trigger (20.0 min).",
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
  });

  it("judges a rollback whose start the app never saw (no in_progress, no tick) by its ApplyResult's startedAt", async () => {
    const { j } = await failedFirstApply();
    j.app.advance(10);
    mockRollbackDone(j, { startedAt: at("12:07:00"), finishedAt: at("12:09:40") });
    const replies = [M.mockComment(j.gh, J.pr, 9102), M.mockComment(j.gh, J.pr, 9103)];
    j.expectSticky();
    M.mockCheckRun(j.gh, "Infracrew / Conductor", SHAS.head, { existing: true, lookup: false });
    await deliverApplyRun(j, 402, applyInputs("rollback"));

    expect(sent(replies[0]!)).toBe(
      "⚠️ Rollback SLA breached: it did not begin within 5 min of the trigger (7.0 min).",
    );
    expect(j.state()).toMatchObject({
      state: "DONE",
      rollback: { startedAt: at("12:07:00"), status: "success", breaches: ["begin"] },
    });
    expect(opsEvents(j).map((e) => e.type)).toEqual(["apply-failed", "sla-breach"]);
  });
});
