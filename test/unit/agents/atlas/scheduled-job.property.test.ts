import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { designGoal } from "../../../../app/agents/atlas/index.js";
import { checkPlanSpecForRender, renderStack } from "../../../../app/agents/forge/index.js";
import { pricedRegions } from "../../../../app/agents/pricing/index.js";
import type { GoalStatement } from "../../../../app/contracts/generated/index.js";
import type { ResolvedOrgPolicy } from "../../../../app/contracts/generated/org-policy.js";
import { validateArtifact } from "../../../../app/contracts/validator.js";
import { testPolicies } from "../../../support/atlas-policies.js";

const now = new Date("2026-12-05T00:00:00Z");

const list = (min: number, max: number) =>
  fc.uniqueArray(fc.integer({ min, max }), { minLength: 1, maxLength: 4 }).map((v) => v.join(","));

/** Schedules as people write them: rates, and crons on every day, some weekdays or some days of the month. */
const schedule: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: 120 }), fc.constantFrom("minute", "hour", "day"))
    .map(([n, unit]) => `rate(${n} ${n === 1 ? unit : `${unit}s`})`),
  fc
    .tuple(list(0, 59), list(0, 23), fc.constantFrom("* ?", "? MON-FRI", "1,15 ?", "L ?", "? SUN"))
    .map(([m, h, days]) => {
      const [dom, dow] = days.split(" ");
      return `cron(${m} ${h} ${dom} * ${dow} *)`;
    }),
);

const goal: fc.Arbitrary<GoalStatement> = fc
  .record({
    schedule,
    timeoutMinutes: fc.integer({ min: 1, max: 600 }),
    runShare: fc.option(fc.double({ min: 0.01, max: 1, noNaN: true }), { nil: undefined }),
    retries: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
    cpu: fc.option(fc.constantFrom(0.25, 0.5, 1, 2, 4), { nil: undefined }),
    memoryMb: fc.option(fc.constantFrom(512, 1024, 2048, 8192, 30720), { nil: undefined }),
    arm: fc.boolean(),
    environment: fc.constantFrom("dev", "staging", "prod"),
    availability: fc.constantFrom(95, 99, 99.5, 99.9),
    budget: fc.integer({ min: 5, max: 3000 }),
    region: fc.constantFrom(...pricedRegions()),
    bucket: fc.boolean(),
    database: fc.boolean(),
  })
  .map((r) => ({
    schemaVersion: "0.1",
    kind: "GoalStatement",
    name: "prop-job",
    summary: "A nightly export",
    cloud: "aws",
    region: r.region,
    environment: r.environment as GoalStatement["environment"],
    workload: {
      type: "scheduled-job",
      image: "ghcr.io/example/job:1.0.0",
      schedule: r.schedule,
      timeoutMinutes: r.timeoutMinutes,
      ...(r.runShare !== undefined ? { runMinutes: Number((r.timeoutMinutes * r.runShare).toFixed(2)) } : {}),
      ...(r.retries !== undefined ? { retries: r.retries } : {}),
      ...(r.cpu !== undefined ? { cpu: r.cpu as 0.25 | 0.5 | 1 | 2 | 4 } : {}),
      ...(r.memoryMb !== undefined ? { memoryMb: r.memoryMb } : {}),
      ...(r.arm ? { architecture: "arm64" as const } : {}),
    },
    traffic: { peakRps: 5 },
    slo: { availability: r.availability },
    budget: { monthlyUsd: r.budget },
    tags: { team: "x" },
    ...(r.bucket || r.database
      ? {
          data: {
            ...(r.bucket ? { objectStorage: { buckets: ["out"] } } : {}),
            ...(r.database ? { relational: { engine: "postgres" as const, storageGb: 20 } } : {}),
          },
        }
      : {}),
  }));

function check(g: GoalStatement, policy: ResolvedOrgPolicy): void {
  const outcome = designGoal(g, policy, { now });
  const checked = validateArtifact(outcome.kind, outcome.value);
  expect(checked.ok ? [] : checked.problems).toEqual([]);
  if (outcome.kind === "DesignBlocked") {
    expect(outcome.value.reasons.length).toBeGreaterThanOrEqual(1);
    expect(outcome.value.suggestions.length).toBeGreaterThanOrEqual(1);
    return;
  }
  const plan = outcome.value;
  expect(plan.availability.composite).toBeGreaterThanOrEqual(g.slo.availability);
  expect(plan.cost.monthlyUsd).toBeLessThan(policy.policy.budgetBrakeRatio * g.budget.monthlyUsd);
  expect(plan.cost.monthlyUsd).toBeCloseTo(
    plan.cost.lines.reduce((s, l) => s + l.monthlyUsd, 0),
    2,
  );
  const job = plan.components.find((c) => c.kind === "scheduled-task");
  if (job?.kind !== "scheduled-task") throw new Error("a scheduled-job plan without its task");
  expect(job.params.cpu).toBeLessThanOrEqual(policy.policy.sizeCaps.maxTaskCpu ?? 4);
  expect(job.params.avgDurationMinutes).toBeLessThanOrEqual(job.params.timeoutMinutes);
  expect(checkPlanSpecForRender(plan)).toEqual([]);
  expect(() => renderStack(plan, { policy })).not.toThrow();
}

describe("designGoal over scheduled jobs", () => {
  it.each(testPolicies())(
    "%s policy: a PlanSpec within the SLO and the brake that Forge renders, or a DesignBlocked with a way out",
    (_name, policy) => {
      fc.assert(
        fc.property(goal, (g) => check(g, policy)),
        { numRuns: 60 },
      );
    },
  );
});
