import { describe, expect, it } from "vitest";
import type { DesignBlocked, PlanSpec } from "../../../app/contracts/generated/index.js";
import { decodeState } from "../../../app/conductor/pr-state.js";
import { STATES } from "../../../app/conductor/states.js";
import { renderConductorCheck } from "../../../app/render/conductor-check.js";
import {
  renderConfigInvalid,
  renderGoalAccepted,
  renderGoalBlocked,
  renderGoalInvalid,
} from "../../../app/render/goal-comment.js";
import { readHiddenValue } from "../../../app/render/markers.js";
import { prTitle, renderPrBody } from "../../../app/render/pr-body/render-pr-body.js";
import { renderSticky } from "../../../app/render/sticky-comment.js";
import { expectGolden } from "../../support/golden.js";
import { policyWith } from "../../support/policies.js";
import { prState } from "../../support/pr-states.js";
import { readRepoFile } from "../../support/repo-files.js";

const spec = JSON.parse(readRepoFile("schemas/examples/plan-spec-invoice-worker.json")) as PlanSpec;
const blocked = JSON.parse(readRepoFile("schemas/examples/design-blocked-budget.json")) as DesignBlocked;
const policy = policyWith({ approvals: { required: 2 } });

describe("the goal PR body", () => {
  it("matches its golden file", () => {
    expect(prTitle(spec)).toBe("infra(invoice-worker): worker in eu-central-1");
    expectGolden("conductor/pr-body-invoice-worker.md", renderPrBody(spec, { issueNumber: 42 }));
  });

  it("carries the goal hash, issue and plan id in hidden markers", () => {
    const body = renderPrBody(spec, { issueNumber: 42 });
    expect(readHiddenValue(body, "goal-hash")).toBe(spec.goalRef.hash);
    expect(readHiddenValue(body, "goal-issue")).toBe("42");
    expect(readHiddenValue(body, "plan-id")).toBe(spec.id);
  });

  it("keeps hostile goal text out of the markdown structure", () => {
    const hostile = { ...spec, summary: "pwn <img src=x onerror=alert(1)> @everyone | --> `x`" };
    const body = renderPrBody(hostile, { issueNumber: 1 });
    expect(body).not.toContain("<img");
    expect(body).not.toContain("@everyone");
    expect(body).toContain("&lt;img src=x onerror=alert(1)&gt; @\u200beveryone");
  });
});

describe("the goal issue comment", () => {
  it.each([
    [
      "invalid",
      renderGoalInvalid([
        { path: "traffic.peakRps", message: "must be ≥ 1 (got -5)" },
        { path: "regoin", message: 'unknown field (did you mean "region"?)' },
      ]),
    ],
    [
      "config-invalid",
      renderConfigInvalid([{ path: "policy.budgetBrakeRatio", message: "must be ≤ 1 (got 1.5)" }]),
    ],
    ["blocked", renderGoalBlocked(blocked)],
    [
      "accepted",
      renderGoalAccepted(spec, { number: 43, url: "https://github.com/acme/platform-infra/pull/43" }),
    ],
  ])("%s matches its golden file", (name, body) => {
    expectGolden(`conductor/goal-comment-${name}.md`, body);
  });
});

describe("the sticky comment", () => {
  it.each(STATES.map((s) => [s]))("in %s matches its golden file and round-trips the state", (state) => {
    const pr = prState(state);
    const body = renderSticky(pr, policy);
    expectGolden(`conductor/sticky-${state.toLowerCase().replace(/_/g, "-")}.md`, body);
    expect(decodeState(body)).toEqual(pr);
  });
});

describe("the Conductor check run", () => {
  it.each(STATES.map((s) => [s]))("in %s offers at most 3 buttons within GitHub's limits", (state) => {
    const check = renderConductorCheck(prState(state), policy);
    expect(check.actions.length).toBeLessThanOrEqual(3);
    for (const a of check.actions) {
      expect(a.label.length).toBeLessThanOrEqual(20);
      expect(a.description.length).toBeLessThanOrEqual(40);
      expect(a.identifier.length).toBeLessThanOrEqual(20);
    }
    expect(check.status === "completed").toBe(check.conclusion !== undefined);
  });

  it("offers Approve while waiting for approval", () => {
    const check = renderConductorCheck(prState("WAIT_FOR_APPROVE"), policy);
    expect(check).toMatchObject({
      status: "completed",
      conclusion: "neutral",
      title: "Waiting for approval",
    });
    expect(check.actions.map((a) => a.identifier)).toEqual(["approve", "plan"]);
  });
});
