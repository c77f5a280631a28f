import { describe, expect, it } from "vitest";
import { designGoal } from "../../../../app/agents/atlas/index.js";
import { readGoal } from "../../../../app/contracts/goal-intake.js";
import { readPolicy } from "../../../../app/contracts/policy-intake.js";
import { validateArtifact } from "../../../../app/contracts/validator.js";
import { examplePolicy } from "../../../support/atlas-policies.js";
import { expectGolden } from "../../../support/golden.js";
import { readRepoFile } from "../../../support/repo-files.js";

const now = new Date("2026-11-27T00:00:00Z");

describe("Atlas golden PlanSpecs for the shared example goals (reviewed by reading)", () => {
  it.each([
    ["goal-web-api.json", "checkout-api.plan-spec.json", undefined],
    ["goal-static-site.yaml", "docs-site.plan-spec.json", undefined],
    ["goal-worker.json", "invoice-worker.plan-spec.json", undefined],
    ["goal-kubernetes.json", "platform-eks.plan-spec.json", undefined],
    ["goal-gpu-api.json", "vision-api.plan-spec.json", undefined],
    [
      "goal-issue-form-body.md",
      "checkout-api-from-issue.plan-spec.json",
      { repo: "acme/platform-infra", number: 42 },
    ],
  ])("%s plans to test/golden/atlas/%s", (example, golden, issue) => {
    const read = readGoal(readRepoFile("schemas", "examples", example));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const outcome = designGoal(read.value.goal, examplePolicy(), { now, ...(issue ? { issue } : {}) });
    expect(outcome.kind).toBe("PlanSpec");
    expect(validateArtifact("PlanSpec", outcome.value).ok).toBe(true);
    expectGolden(`atlas/${golden}`, `${JSON.stringify(outcome.value, null, 2)}\n`);
  });

  it("examples/scheduled-job.json plans to test/golden/atlas/nightly-report.plan-spec.json", () => {
    const read = readGoal(readRepoFile("examples", "scheduled-job.json"));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const outcome = designGoal(read.value.goal, examplePolicy(), { now });
    expect(outcome.kind).toBe("PlanSpec");
    expect(validateArtifact("PlanSpec", outcome.value).ok).toBe(true);
    expectGolden("atlas/nightly-report.plan-spec.json", `${JSON.stringify(outcome.value, null, 2)}\n`);
  });
});

describe("Atlas golden PlanSpecs for examples/ goals under examples/infracrew.yml (reviewed by reading)", () => {
  it.each([
    ["static-site-domain.yaml", "brand-site.plan-spec.json"],
    ["checkout-global.json", "checkout-global.plan-spec.json"],
  ])("examples/%s plans to test/golden/atlas/%s", (example, golden) => {
    const read = readGoal(readRepoFile("examples", example));
    const policy = readPolicy(readRepoFile("examples", "infracrew.yml"));
    if (!read.ok || !policy.ok) throw new Error("the example goal or policy is invalid");
    const outcome = designGoal(read.value.goal, policy.value, { now });
    expect(outcome.kind).toBe("PlanSpec");
    expect(validateArtifact("PlanSpec", outcome.value).ok).toBe(true);
    expectGolden(`atlas/${golden}`, `${JSON.stringify(outcome.value, null, 2)}\n`);
  });
});

describe("Atlas golden DesignBlocked (reviewed by reading)", () => {
  it("the shared web-api goal on $800/month blocks with three ways out", () => {
    const read = readGoal(readRepoFile("schemas", "examples", "goal-web-api.json"));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const outcome = designGoal({ ...read.value.goal, budget: { monthlyUsd: 800 } }, examplePolicy(), { now });
    expect(outcome.kind).toBe("DesignBlocked");
    expect(validateArtifact("DesignBlocked", outcome.value).ok).toBe(true);
    expectGolden(
      "atlas/checkout-api-on-800.design-blocked.json",
      `${JSON.stringify(outcome.value, null, 2)}\n`,
    );
  });

  it("the shared web-api goal whose summary asks for what the design would not give blocks, naming each field", () => {
    const read = readGoal(readRepoFile("schemas", "examples", "goal-web-api.json"));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const summary =
      "Internal checkout tool on a shared EKS cluster with A10G GPUs, reachable only over the VPN at pay.example.com; HIPAA";
    const outcome = designGoal({ ...read.value.goal, summary }, examplePolicy(), { now });
    expect(outcome.kind).toBe("DesignBlocked");
    expect(validateArtifact("DesignBlocked", outcome.value).ok).toBe(true);
    expectGolden(
      "atlas/checkout-api-summary-asks.design-blocked.json",
      `${JSON.stringify(outcome.value, null, 2)}\n`,
    );
  });
});
