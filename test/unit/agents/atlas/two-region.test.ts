import { describe, expect, it } from "vitest";
import { designGoal } from "../../../../app/agents/atlas/index.js";
import type { DesignBlocked, GoalStatement, PlanSpec } from "../../../../app/contracts/generated/index.js";
import { validateArtifact } from "../../../../app/contracts/validator.js";
import { examplePolicy } from "../../../support/atlas-policies.js";
import { exampleGoal } from "../../../support/example-goals.js";

const now = new Date("2026-11-27T00:00:00Z");
const policy = examplePolicy();

const webApi = exampleGoal("goal-web-api.json");
const site = exampleGoal("goal-static-site.yaml");

function blocked(goal: GoalStatement): DesignBlocked {
  const outcome = designGoal(goal, policy, { now });
  if (outcome.kind !== "DesignBlocked") throw new Error("designed, not blocked");
  expect(validateArtifact("DesignBlocked", outcome.value).ok).toBe(true);
  return outcome.value;
}

/** The goal designed alone in one region, as Atlas designs it without `regions`. */
function alone(goal: GoalStatement, region: string): PlanSpec {
  const outcome = designGoal({ ...goal, region, regions: undefined }, policy, { now });
  if (outcome.kind !== "PlanSpec") throw new Error(`${region}: blocked`);
  return outcome.value;
}

describe("two regions block (Forge renders one region per stack), saying what the pair would give and cost", () => {
  it.each([
    ["eu-west-1", "eu-central-1"],
    ["eu-west-1", "us-east-1"],
  ])(
    "the web-api in %s and %s: parallel regions behind Route 53, twice the design plus health checks and replication",
    (r1, r2) => {
      const goal = { ...webApi, region: r1, regions: [r1, r2] };
      const b = blocked(goal);
      const [primary, secondary] = [alone(goal, r1), alone(goal, r2)];
      const a1 = primary.availability.composite / 100;
      const a2 = secondary.availability.composite / 100;
      const both = Math.floor(100 * (1 - (1 - a1) * (1 - a2)) * 10000 + 1e-6) / 10000;
      const replication = 100 * 0.1 * 0.02;
      const total =
        Math.round((primary.cost.monthlyUsd + secondary.cost.monthlyUsd + 2 * 0.5 + replication) * 100) / 100;
      expect(b.reasons).toHaveLength(1);
      expect(b.reasons[0]).toMatchObject({
        code: "not-in-catalog",
        field: "regions",
        figures: {
          primaryAvailability: primary.availability.composite,
          secondaryAvailability: secondary.availability.composite,
          twoRegionAvailability: both,
          primaryMonthlyUsd: primary.cost.monthlyUsd,
          secondaryMonthlyUsd: secondary.cost.monthlyUsd,
          healthChecksMonthlyUsd: 1,
          replicationMonthlyUsd: replication,
          twoRegionMonthlyUsd: total,
        },
      });
      expect(both).toBeGreaterThan(primary.availability.composite);
      expect(b.reasons[0]!.message).toMatch(/^Forge does not render a two-region design yet/);
      expect(b.reasons[0]!.message).toContain("10 GB of database changes a month × $0.02/GB");
      expect(b.suggestions).toEqual([
        {
          message: `remove regions: ${r1} alone designs at ${primary.availability.composite} % for $${primary.cost.monthlyUsd.toLocaleString("en-US", { minimumFractionDigits: 2 })}/month`,
          field: "regions",
        },
      ]);
    },
  );

  it("a static site: the path is CloudFront's, global already, so a second region adds cost and no availability", () => {
    const b = blocked({ ...site, regions: [site.region, "eu-west-1"] });
    const primary = alone(site, site.region);
    expect(b.reasons[0]!.figures).toMatchObject({
      twoRegionAvailability: primary.availability.composite,
      replicationMonthlyUsd: 0,
    });
    expect(b.reasons[0]!.message).toContain(
      "served from AWS's global edge, so a second region would not raise",
    );
    expect(b.reasons[0]!.message).toContain("no database to replicate");
  });

  it("a second region the policy does not allow: said of regions, with an allowed one to put there", () => {
    const b = blocked({ ...webApi, regions: ["eu-west-1", "us-west-2"] });
    expect(b.reasons.map((r) => [r.code, r.field])).toEqual([
      ["not-in-catalog", "regions"],
      ["region-not-allowed", "regions"],
    ]);
    expect(b.reasons[0]!.message).toContain("the design of us-west-2 alone is blocked too");
    expect(b.reasons[1]!.message).toMatch(/^the second region: region us-west-2 is not allowed/);
    expect(b.suggestions).toEqual([
      { message: "remove regions", field: "regions" },
      { message: "make eu-central-1 the second entry of regions", field: "regions" },
    ]);
  });

  it("a primary design that is blocked alone: its own reasons follow", () => {
    const b = blocked({ ...webApi, budget: { monthlyUsd: 300 }, regions: ["eu-west-1", "eu-central-1"] });
    expect(b.reasons.map((r) => r.code)).toEqual(["not-in-catalog", "budget-too-small"]);
    expect(b.attempts.length).toBeGreaterThan(0);
  });

  it("a multi-region ask in the summary is expressed by regions: no summary clash beside the regions block", () => {
    const b = blocked({
      ...webApi,
      summary: "Multi-region checkout API",
      regions: ["eu-west-1", "eu-central-1"],
    });
    expect(b.reasons.map((r) => r.code)).toEqual(["not-in-catalog"]);
  });
});
