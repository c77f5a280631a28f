import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { designGoal } from "../../../../app/agents/atlas/index.js";
import { pricedRegions } from "../../../../app/agents/pricing/index.js";
import type { GoalStatement } from "../../../../app/contracts/generated/index.js";
import type { ResolvedOrgPolicy } from "../../../../app/contracts/generated/org-policy.js";
import { validateArtifact } from "../../../../app/contracts/validator.js";
import { testPolicies } from "../../../support/atlas-policies.js";
import { goalArbitrary } from "../../../support/goal-arbitrary.js";

const now = new Date("2026-11-27T12:00:00Z");

/** The same goals, moved inside the policy (region, tags, budget cap, storage cap), so most reach the design. */
function fitted(policy: ResolvedOrgPolicy): fc.Arbitrary<GoalStatement> {
  const rules = policy.policy;
  const regions = pricedRegions().filter((r) => rules.allowedRegions?.includes(r) ?? true);
  return fc.tuple(goalArbitrary, fc.constantFrom(...regions)).map(([goal, region]) => {
    const tags = { ...goal.tags, ...Object.fromEntries(rules.requiredTags.map((k) => [k, "x"])) };
    const relational = goal.data?.relational;
    const cap = rules.maxMonthlyUsd ?? Infinity;
    return {
      ...goal,
      region,
      tags,
      budget: { monthlyUsd: Math.min(goal.budget.monthlyUsd, cap) },
      ...(goal.data
        ? {
            data: {
              ...goal.data,
              ...(relational
                ? {
                    relational: {
                      ...relational,
                      storageGb: Math.min(relational.storageGb, rules.sizeCaps.maxDbStorageGb ?? Infinity),
                    },
                  }
                : {}),
            },
          }
        : {}),
    };
  });
}

function check(goal: GoalStatement, policy: ResolvedOrgPolicy): void {
  const outcome = designGoal(goal, policy, { now });
  const checked = validateArtifact(outcome.kind, outcome.value);
  expect(checked.ok ? [] : checked.problems).toEqual([]);
  if (outcome.kind === "PlanSpec") {
    const plan = outcome.value;
    expect(plan.availability.composite).toBeGreaterThanOrEqual(goal.slo.availability);
    expect(plan.availability.target).toBe(goal.slo.availability);
    expect(plan.cost.monthlyUsd).toBeLessThan(policy.policy.budgetBrakeRatio * goal.budget.monthlyUsd);
    expect(plan.cost.monthlyUsd).toBeCloseTo(
      plan.cost.lines.reduce((s, l) => s + l.monthlyUsd, 0),
      2,
    );
    expect(plan.terraform.dir).toBe(`${policy.terraform.root}/${goal.name}`);
    const ids = plan.components.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of plan.components) for (const dep of c.dependsOn) expect(ids).toContain(dep);
    for (const c of plan.components) {
      if (c.kind === "container-service") {
        expect(c.params.maxCount).toBeLessThanOrEqual(policy.policy.sizeCaps.maxTasks ?? 5000);
        expect(c.params.cpu).toBeLessThanOrEqual(policy.policy.sizeCaps.maxTaskCpu ?? 4);
      }
      const families = policy.policy.sizeCaps.allowedInstanceFamilies;
      if (families && c.kind === "database")
        expect(families).toContain(c.params.instanceClass.replace(/\.[a-z0-9]+$/, ""));
      if (families && c.kind === "cache")
        expect(families).toContain(c.params.nodeType.replace(/\.[a-z0-9]+$/, ""));
    }
  } else {
    expect(outcome.value.suggestions.length).toBeGreaterThanOrEqual(1);
    expect(outcome.value.reasons.length).toBeGreaterThanOrEqual(1);
  }
}

describe("designGoal over any valid GoalStatement", () => {
  it.each(testPolicies())(
    "%s policy, any goal: a PlanSpec within SLO and brake, or a DesignBlocked with a suggestion",
    (_name, policy) => {
      fc.assert(
        fc.property(goalArbitrary, (goal) => check(goal, policy)),
        { numRuns: Number(process.env.ATLAS_RUNS ?? 150), seed: 20261127 },
      );
    },
  );

  it.each(testPolicies())(
    "%s policy, goals inside the policy: the same, through the design itself",
    (_name, policy) => {
      fc.assert(
        fc.property(fitted(policy), (goal) => check(goal, policy)),
        { numRuns: Number(process.env.ATLAS_RUNS ?? 150), seed: 20261128 },
      );
    },
  );
});
