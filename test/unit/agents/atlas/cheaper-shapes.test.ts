import { describe, expect, it } from "vitest";
import { designGoal } from "../../../../app/agents/atlas/index.js";
import type { DesignBlocked, GoalStatement, PlanSpec } from "../../../../app/contracts/generated/index.js";
import type { Component } from "../../../../app/contracts/generated/plan-spec.js";
import { defaultPolicy } from "../../../../app/contracts/policy-intake.js";
import { COST_GOALS } from "../../../support/cost-goals.js";

const now = new Date("2026-11-27T00:00:00Z");

function goalNamed(name: string, change: Partial<GoalStatement> = {}): GoalStatement {
  return { ...COST_GOALS.find((g) => g.name === name)!, ...change };
}

function find<K extends Component["kind"]>(
  plan: PlanSpec,
  kind: K,
): Extract<Component, { kind: K }> | undefined {
  return plan.components.find((c): c is Extract<Component, { kind: K }> => c.kind === kind);
}

describe("cheaper shapes where they fit, redundancy where the goal needs it", () => {
  it("designs the $100 marketing site: CloudFront's free allowance as its own line, the WAF dropped in a recorded retry", () => {
    const outcome = designGoal(goalNamed("marketing-site"), defaultPolicy(), { now });
    expect(outcome.kind).toBe("PlanSpec");
    const plan = outcome.value as PlanSpec;
    expect(plan.cost.monthlyUsd).toBe(48.07);
    expect(plan.cost.monthlyUsdWithoutFreeTier).toBe(143.07);
    expect(plan.cost.lines.find((l) => l.item === "cdn-free-tier")?.monthlyUsd).toBe(-95);
    expect(find(plan, "cdn")?.params).toMatchObject({ priceClass: "PriceClass_100", waf: false });
    expect(plan.relaxations).toEqual([
      expect.stringContaining("a WAF web ACL → no WAF web ACL; $88.15 → $48.07/month"),
    ]);
  });

  it("keeps the WAF on a static site whose budget carries it", () => {
    const plan = designGoal(goalNamed("docs-site"), defaultPolicy(), { now }).value as PlanSpec;
    expect(find(plan, "cdn")?.params).toMatchObject({ waf: true });
    expect(plan.cost.lines.map((l) => `${l.component} ${l.item}`)).toContain("cdn waf");
    expect(plan.relaxations).toBeUndefined();
  });

  it.each([
    ["us-east-1", "PriceClass_100"],
    ["eu-central-1", "PriceClass_100"],
  ] as const)("serves a site in %s from %s", (region, priceClass) => {
    const plan = designGoal(goalNamed("docs-site", { region }), defaultPolicy(), { now }).value as PlanSpec;
    expect(find(plan, "cdn")?.params?.priceClass).toBe(priceClass);
  });

  it.each([
    [99, 176],
    [98, 158],
  ])(
    "blocks a $50 dev API (Postgres, 5 rps) at %s %%: ALB, NAT and RDS cost more than the brake; the least budget is $%s",
    (availability, least) => {
      const goal = goalNamed("hobby-api", { slo: { availability }, budget: { monthlyUsd: 50 } });
      const blocked = designGoal(goal, defaultPolicy(), { now }).value as DesignBlocked;
      expect(blocked.reasons.map((r) => r.code)).toEqual(["budget-too-small"]);
      expect(blocked.suggestions[0]).toMatchObject({ field: "budget.monthlyUsd", value: least });
      const fitted = designGoal({ ...goal, budget: { monthlyUsd: least } }, defaultPolicy(), { now });
      expect(fitted.kind).toBe("PlanSpec");
      const plan = fitted.value as PlanSpec;
      expect(find(plan, "network")?.params?.natGateways).toBe(1);
      expect(find(plan, "database")?.params?.multiAz).toBe(availability >= 99);
    },
  );

  it("keeps prod redundant: a NAT gateway per AZ and a Multi-AZ database", () => {
    const plan = designGoal(goalNamed("card-api"), defaultPolicy(), { now }).value as PlanSpec;
    expect(find(plan, "network")?.params).toMatchObject({ azCount: 3, natGateways: 3 });
    expect(find(plan, "database")?.params?.multiAz).toBe(true);
  });
});
