import { describe, expect, it } from "vitest";
import type { DesignBlocked, PlanSpec } from "../../../app/contracts/generated/index.js";
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
import { SHA_A, SHA_GOOD, prState } from "../../support/pr-states.js";
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
  it.each(STATES.map((s) => [s]))(
    "in %s matches its golden file and carries no state to read back",
    (state) => {
      const pr = prState(state);
      const body = renderSticky(pr, policy);
      expectGolden(`conductor/sticky-${state.toLowerCase().replace(/_/g, "-")}.md`, body);
      // The sticky comment is a view: nothing in it is the state of record (it lives in the store).
      expect(body).not.toContain("infracrew:state");
      expect(body).not.toContain(pr.goal.hash);
    },
  );
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

  it.each([
    ["a failed apply", "failure" as const, "failure" as const],
    ["a /rollback of a successful apply", "success" as const, "neutral" as const],
  ])(
    "after %s rolled back, says Rolled back (%s apply → %s), never Applied",
    (_, applyStatus, conclusion) => {
      const done = prState("DONE");
      const state = {
        ...done,
        apply: { ...done.apply!, status: applyStatus },
        rollback: {
          trigger: applyStatus === "failure" ? ("apply-failed" as const) : ("command" as const),
          requestedBy: "bob",
          triggeredAt: "2026-11-27T12:10:00Z",
          fromSha: SHA_A,
          toSha: SHA_GOOD,
          finishedAt: "2026-11-27T12:14:00Z",
          status: "success" as const,
          breaches: [],
        },
      };
      expect(renderConductorCheck(state, policy)).toMatchObject({
        conclusion,
        title: "Rolled back",
        actions: [],
      });
      const sticky = renderSticky(state, policy);
      expect(sticky).toContain("· ↩️ Rolled back\n\nRolled back to the known-good revision 9999999.");
      expect(sticky).not.toContain("Applied.");
    },
  );
});

describe("the goal PR body's availability", () => {
  const specs = ["checkout-api", "docs-site", "invoice-worker"].map(
    (name) => JSON.parse(readRepoFile(`test/golden/atlas/${name}.plan-spec.json`)) as PlanSpec,
  );
  it.each(specs.map((s) => [s.name, s]))("of %s shows the product once", (_, planSpec) => {
    const body = renderPrBody(planSpec, { issueNumber: 7 });
    const line = body.split("\n").find((l) => l.startsWith("- **Availability** of the request path:"))!;
    expect(line.split(" = ")).toHaveLength(2);
    expect(line).toContain(`= **${planSpec.availability.composite} %** against a target of`);
  });
});
