import { describe, expect, it } from "vitest";
import { designGoal } from "../../../../app/agents/atlas/index.js";
import type { DesignBlocked, GoalStatement, PlanSpec } from "../../../../app/contracts/generated/index.js";
import { readGoal } from "../../../../app/contracts/goal-intake.js";
import { examplePolicy } from "../../../support/atlas-policies.js";
import { readRepoFile } from "../../../support/repo-files.js";

const now = new Date("2026-11-27T00:00:00Z");
const policy = examplePolicy();

function checkoutApi(monthlyUsd: number): GoalStatement {
  const read = readGoal(readRepoFile("schemas", "examples", "goal-web-api.json"));
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return { ...read.value.goal, budget: { monthlyUsd } };
}

describe("relaxed retries on the shared checkout-api goal as its budget shrinks", () => {
  it.each([
    [1600, 0, []],
    [
      1400,
      1,
      [
        "at least 2 tasks per AZ → at least 1 task per AZ",
        "cache.m6g.large → Redis primary + replica cache.t4g.small",
      ],
    ],
    [1100, 2, ["RDS Multi-AZ db.r6g.large → RDS Multi-AZ db.t4g.large"]],
  ] as const)("on $%s/month: %s relaxed retries, each keeping 99.9 %", (budget, count, changes) => {
    const outcome = designGoal(checkoutApi(budget), policy, { now });
    expect(outcome.kind).toBe("PlanSpec");
    const plan = outcome.value as PlanSpec;
    expect(plan.relaxations ?? []).toHaveLength(count);
    const text = (plan.relaxations ?? []).join("\n");
    for (const change of changes) expect(text).toContain(change);
    expect(plan.availability.composite).toBeGreaterThanOrEqual(99.9);
    expect(plan.cost.monthlyUsd).toBeLessThan(0.8 * budget);
    const db = plan.components.find((c) => c.kind === "database");
    expect(db?.kind === "database" && db.params.multiAz).toBe(true);
    expect(text).not.toMatch(/Graviton|ARM64/);
    const service = plan.components.find((c) => c.kind === "container-service");
    expect(service?.kind === "container-service" && service.params.cpuArchitecture).toBe("X86_64");
  });

  it("on $1000/month: blocked after the preferred design and two retries, with three ways out that each work", () => {
    const outcome = designGoal(checkoutApi(1000), policy, { now });
    expect(outcome.kind).toBe("DesignBlocked");
    const blocked = outcome.value as DesignBlocked;
    expect(blocked.attempts.map((a) => a.monthlyUsd)).toEqual([1244.82, 979.49, 824.73]);
    expect(blocked.reasons[0]).toMatchObject({
      code: "budget-too-small",
      figures: { cheapestMonthlyUsd: 824.73, budgetMonthlyUsd: 1000, brakeRatio: 0.8 },
    });
    expect(blocked.suggestions.map((s) => [s.field, s.value])).toEqual([
      ["budget.monthlyUsd", 1031],
      ["slo.availability", 99.5],
      ["region", "us-east-1"],
    ]);
    const base = checkoutApi(1000);
    const fixes: GoalStatement[] = [
      { ...base, budget: { monthlyUsd: 1031 } },
      { ...base, slo: { ...base.slo, availability: 99.5 } },
      { ...base, region: "us-east-1" },
    ];
    for (const fixed of fixes) expect(designGoal(fixed, policy, { now }).kind).toBe("PlanSpec");
  });
});
