import { describe, expect, it } from "vitest";
import { designGoal } from "../../../../app/agents/atlas/index.js";
import type { DesignBlocked, GoalStatement, PlanSpec } from "../../../../app/contracts/generated/index.js";
import type { Component } from "../../../../app/contracts/generated/plan-spec.js";
import { defaultPolicy } from "../../../../app/contracts/policy-intake.js";

const now = new Date("2026-11-27T00:00:00Z");
const policy = defaultPolicy();

const WORKLOADS = {
  "web-api": {
    workload: { type: "web-api", image: "ghcr.io/acme/api:1.0.0" },
    traffic: { peakRps: 400 },
    data: { relational: { engine: "postgres", storageGb: 100 }, cache: { engine: "redis", memoryGb: 1 } },
  },
  worker: {
    workload: { type: "worker", image: "ghcr.io/acme/jobs:1.0.0" },
    traffic: { peakRps: 20 },
    data: { objectStorage: { buckets: ["results"] } },
  },
  "static-site": { workload: { type: "static-site" }, traffic: { peakRps: 50 } },
} as const;
type Workload = keyof typeof WORKLOADS;

const BUDGETS = { tight: 60, medium: 600, ample: 6000 } as const;
type BudgetTier = keyof typeof BUDGETS;

function goal(workload: Workload, availability: number, budget: BudgetTier): GoalStatement {
  return {
    schemaVersion: "0.1",
    kind: "GoalStatement",
    name: `matrix-${workload}`,
    summary: "A goal of the design matrix",
    cloud: "aws",
    region: "eu-west-1",
    environment: "prod",
    ...(WORKLOADS[workload] as Pick<GoalStatement, "workload" | "traffic" | "data">),
    slo: { availability },
    budget: { monthlyUsd: BUDGETS[budget] },
    tags: { team: "platform" },
  };
}

type Expected =
  | { plan: { db?: string; azCount?: number; nat?: number; cacheNodes?: number; tasksPerAz?: number } }
  | { blocked: DesignBlocked["reasons"][number]["code"]; suggest: [string, number] };

function find<K extends Component["kind"]>(
  plan: PlanSpec,
  kind: K,
): Extract<Component, { kind: K }> | undefined {
  return plan.components.find((c): c is Extract<Component, { kind: K }> => c.kind === kind);
}

const ROWS: [Workload, number, BudgetTier, Expected][] = [
  [
    "web-api",
    99,
    "ample",
    { plan: { db: "rds Multi-AZ", azCount: 2, nat: 2, cacheNodes: 2, tasksPerAz: 1 } },
  ],
  [
    "web-api",
    99.5,
    "ample",
    { plan: { db: "rds Multi-AZ", azCount: 2, nat: 2, cacheNodes: 2, tasksPerAz: 1 } },
  ],
  [
    "web-api",
    99.9,
    "ample",
    { plan: { db: "rds Multi-AZ", azCount: 2, nat: 2, cacheNodes: 2, tasksPerAz: 2 } },
  ],
  [
    "web-api",
    99.95,
    "ample",
    { plan: { db: "aurora Multi-AZ", azCount: 3, nat: 3, cacheNodes: 2, tasksPerAz: 2 } },
  ],
  ["web-api", 99.99, "ample", { blocked: "slo-unreachable", suggest: ["slo.availability", 99.95] }],
  ["web-api", 99.9, "medium", { blocked: "budget-too-small", suggest: ["budget.monthlyUsd", 994] }],
  ["web-api", 99.95, "medium", { blocked: "budget-too-small", suggest: ["budget.monthlyUsd", 1184] }],
  ["web-api", 99, "tight", { blocked: "budget-too-small", suggest: ["budget.monthlyUsd", 915] }],
  ["web-api", 99.99, "tight", { blocked: "slo-unreachable", suggest: ["slo.availability", 99.95] }],
  ["worker", 99, "medium", { plan: { azCount: 2, nat: 2, tasksPerAz: 1 } }],
  ["worker", 99.5, "ample", { plan: { azCount: 2, nat: 2, tasksPerAz: 1 } }],
  ["worker", 99.9, "ample", { plan: { azCount: 2, nat: 2, tasksPerAz: 2 } }],
  ["worker", 99.95, "ample", { blocked: "slo-unreachable", suggest: ["slo.availability", 99.9] }],
  ["worker", 99.5, "tight", { blocked: "budget-too-small", suggest: ["budget.monthlyUsd", 148] }],
  ["static-site", 99, "tight", { plan: {} }],
  ["static-site", 99.9, "tight", { plan: {} }],
  ["static-site", 99.9, "ample", { plan: {} }],
  ["static-site", 99.95, "medium", { blocked: "slo-unreachable", suggest: ["slo.availability", 99.9] }],
];

describe("Atlas over workload × SLO tier × budget tier (prod, eu-west-1, default policy)", () => {
  it.each(ROWS)("%s at %s %% on a %s budget", (workload, slo, tier, expected) => {
    const outcome = designGoal(goal(workload, slo, tier), policy, { now });
    if ("plan" in expected) {
      expect(outcome.kind).toBe("PlanSpec");
      const plan = outcome.value as PlanSpec;
      expect(plan.pattern).toBe(workload);
      expect(plan.availability.composite).toBeGreaterThanOrEqual(slo);
      expect(plan.cost.monthlyUsd).toBeLessThan(0.8 * BUDGETS[tier]);
      const db = find(plan, "database");
      expect(db && `${db.params.flavor} ${db.params.multiAz ? "Multi-AZ" : "Single-AZ"}`).toBe(
        expected.plan.db,
      );
      expect(find(plan, "network")?.params.azCount).toBe(expected.plan.azCount);
      expect(find(plan, "network")?.params.natGateways).toBe(expected.plan.nat);
      expect(find(plan, "cache")?.params.nodes).toBe(expected.plan.cacheNodes);
      expect(plan.capacity.minTasksPerAz).toBe(expected.plan.tasksPerAz);
      if (workload === "static-site") expect(plan.components.map((c) => c.id)).toEqual(["site", "cdn"]);
      if (workload === "worker") expect(plan.components.some((c) => c.kind === "load-balancer")).toBe(false);
      return;
    }
    expect(outcome.kind).toBe("DesignBlocked");
    const blocked = outcome.value as DesignBlocked;
    expect(blocked.reasons.map((r) => r.code)).toEqual([expected.blocked]);
    const [field, value] = expected.suggest;
    expect(blocked.suggestions[0]).toMatchObject({ field, value });
  });

  it.each(ROWS.filter(([, , , e]) => "blocked" in e))(
    "%s at %s %% on a %s budget: the first suggestion unblocks, and it is the least that does",
    (workload, slo, tier) => {
      const blocked = designGoal(goal(workload, slo, tier), policy, { now }).value as DesignBlocked;
      const { field, value } = blocked.suggestions[0]!;
      const base = goal(workload, slo, tier);
      if (field === "budget.monthlyUsd") {
        const withBudget = (monthlyUsd: number): GoalStatement => ({ ...base, budget: { monthlyUsd } });
        expect(designGoal(withBudget(value as number), policy, { now }).kind).toBe("PlanSpec");
        expect(designGoal(withBudget((value as number) - 1), policy, { now }).kind).toBe("DesignBlocked");
      } else {
        expect(field).toBe("slo.availability");
        const lowered = {
          ...base,
          slo: { availability: value as number },
          budget: { monthlyUsd: BUDGETS.ample },
        };
        expect(designGoal(lowered, policy, { now }).kind).toBe("PlanSpec");
      }
    },
  );
});
