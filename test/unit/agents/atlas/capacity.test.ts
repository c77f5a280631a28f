import { describe, expect, it } from "vitest";
import { designGoal } from "../../../../app/agents/atlas/index.js";
import type { GoalStatement, PlanSpec } from "../../../../app/contracts/generated/index.js";
import type { ResolvedOrgPolicy } from "../../../../app/contracts/generated/org-policy.js";
import { defaultPolicy } from "../../../../app/contracts/policy-intake.js";

const now = new Date("2026-11-27T00:00:00Z");

function api(
  workload: Partial<GoalStatement["workload"]>,
  traffic: GoalStatement["traffic"],
  slo: GoalStatement["slo"],
): GoalStatement {
  return {
    schemaVersion: "0.1",
    kind: "GoalStatement",
    name: "capacity-api",
    summary: "Capacity table",
    cloud: "aws",
    region: "us-east-1",
    environment: "staging",
    workload: { type: "web-api", image: "ghcr.io/acme/api:1.0.0", ...workload },
    traffic,
    slo,
    budget: { monthlyUsd: 100000 },
  };
}

function withCaps(maxTasks: number, maxTaskCpu: number): ResolvedOrgPolicy {
  const policy = defaultPolicy();
  return {
    ...policy,
    policy: { ...policy.policy, sizeCaps: { ...policy.policy.sizeCaps, maxTasks, maxTaskCpu } },
  };
}

type Row = [
  string,
  GoalStatement,
  ResolvedOrgPolicy,
  Partial<PlanSpec["capacity"]> & { cpu?: number; memoryMb?: number },
];

const ROWS: Row[] = [
  [
    "defaults: 1 vCPU at 100 rps, 30 % headroom",
    api({}, { peakRps: 400, avgRps: 80 }, { availability: 99.5 }),
    defaultPolicy(),
    {
      perTaskRps: 100,
      headroom: 0.3,
      tasksForPeak: 6,
      minTasksPerAz: 1,
      minTasks: 2,
      maxTasks: 12,
      cpu: 1,
      memoryMb: 2048,
    },
  ],
  [
    "a p95 of 80 ms keeps 40 % spare",
    api({}, { peakRps: 400, avgRps: 80 }, { availability: 99.5, p95LatencyMs: 80 }),
    defaultPolicy(),
    { headroom: 0.4, tasksForPeak: 7, maxTasks: 14 },
  ],
  [
    "the goal's load-tested figure",
    api({ perTaskRps: 250, cpu: 2, memoryMb: 4096 }, { peakRps: 1000 }, { availability: 99.5 }),
    defaultPolicy(),
    { perTaskRps: 250, tasksForPeak: 6, cpu: 2, memoryMb: 4096 },
  ],
  [
    "99.95 % keeps 2 tasks in each of 3 AZs",
    api({}, { peakRps: 50 }, { availability: 99.95 }),
    defaultPolicy(),
    { azCount: 3, minTasksPerAz: 2, minTasks: 6, tasksForPeak: 1 },
  ],
  [
    "a low SLO outside prod runs a single task",
    api({}, { peakRps: 10 }, { availability: 95 }),
    defaultPolicy(),
    { minTasksPerAz: 0, minTasks: 1, tasksForPeak: 1, maxTasks: 2 },
  ],
  [
    "tasks grow to 2 vCPU to fit maxTasks 10",
    api({}, { peakRps: 1000 }, { availability: 99.5 }),
    withCaps(10, 4),
    { perTaskRps: 200, tasksForPeak: 8, maxTasks: 10, cpu: 2, memoryMb: 4096 },
  ],
  [
    "maxTaskCpu 0.5 keeps tasks small",
    api({}, { peakRps: 100 }, { availability: 99.5 }),
    withCaps(50, 0.5),
    { perTaskRps: 50, tasksForPeak: 3, cpu: 0.5, memoryMb: 1024 },
  ],
  [
    "memory alone picks the smallest CPU that allows it",
    api({ memoryMb: 6144 }, { peakRps: 100 }, { availability: 99.5 }),
    defaultPolicy(),
    { cpu: 1, memoryMb: 6144 },
  ],
];

describe("capacity: tasks from peak rps, per-task throughput and headroom, floors per AZ, bounds from policy", () => {
  it.each(ROWS)("%s", (_name, goal, policy, expected) => {
    const outcome = designGoal(goal, policy, { now });
    expect(outcome.kind).toBe("PlanSpec");
    const plan = outcome.value as PlanSpec;
    const service = plan.components.find((c) => c.kind === "container-service");
    if (service?.kind !== "container-service") throw new Error("no service");
    const { cpu, memoryMb, ...capacity } = expected;
    expect(plan.capacity).toMatchObject(capacity);
    if (cpu !== undefined) expect(service.params.cpu).toBe(cpu);
    if (memoryMb !== undefined) expect(service.params.memoryMb).toBe(memoryMb);
    expect(service.params.minCount).toBe(plan.capacity.minTasks);
    expect(service.params.maxCount).toBe(plan.capacity.maxTasks);
    expect(service.params.maxCount).toBeGreaterThanOrEqual(plan.capacity.tasksForPeak!);
    expect(service.params.maxCount).toBeLessThanOrEqual(policy.policy.sizeCaps.maxTasks ?? 5000);
  });
});

describe("the built-in policy's caps never block a design the budget brake allows", () => {
  const big = api({}, { peakRps: 50000 }, { availability: 99.9 });

  it("a 50,000 rps API on $100,000/month is designed under the built-in policy, sized up to ECS's quota", () => {
    const outcome = designGoal(big, defaultPolicy(), { now });
    expect(outcome.kind).toBe("PlanSpec");
    const plan = outcome.value as PlanSpec;
    expect(plan.capacity.tasksForPeak).toBe(715);
    expect(plan.capacity.maxTasks).toBe(1430);
    expect(plan.cost.monthlyUsd).toBeLessThan(80000);
  });

  it("an organisation's own maxTasks still holds, and the refusal names the policy field", () => {
    const outcome = designGoal(big, withCaps(50, 4), { now });
    expect(outcome.kind).toBe("DesignBlocked");
    expect(outcome.value).toMatchObject({
      reasons: [{ code: "size-cap-exceeded", field: "traffic.peakRps" }],
      suggestions: [{ field: "policy.sizeCaps.maxTasks", value: 179 }],
    });
  });
});
