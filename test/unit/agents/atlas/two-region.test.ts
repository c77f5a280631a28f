import { describe, expect, it } from "vitest";
import { designGoal } from "../../../../app/agents/atlas/index.js";
import type { DesignBlocked, GoalStatement, PlanSpec } from "../../../../app/contracts/generated/index.js";
import { validateArtifact } from "../../../../app/contracts/validator.js";
import { exampleGoal } from "../../../support/example-goals.js";
import { designedPlan, domainPolicy, examplesGoal, regionsNow } from "../../../support/two-region.js";

const now = regionsNow;
const policy = domainPolicy();
const global = examplesGoal("checkout-global.json");
const site = exampleGoal("goal-static-site.yaml");

function blocked(goal: GoalStatement, under = policy): DesignBlocked {
  const outcome = designGoal(goal, under, { now });
  if (outcome.kind !== "DesignBlocked") throw new Error("designed, not blocked");
  expect(validateArtifact("DesignBlocked", outcome.value).ok).toBe(true);
  return outcome.value;
}

const planned = (goal: GoalStatement): PlanSpec => designedPlan(goal, policy);

/** The goal designed alone in one region, as Atlas designs it without `regions`. */
function alone(goal: GoalStatement, region: string): PlanSpec {
  return planned({ ...goal, region, regions: undefined });
}

describe("regions stay blocked where the pair cannot be designed, naming the field and giving the figures", () => {
  it("a static site: only web-api and serverless-api design two regions; the pair would add cost and no availability (CloudFront is global)", () => {
    const b = blocked({ ...site, regions: [site.region, "eu-west-1"] });
    const primary = alone(site, site.region);
    expect(b.reasons).toHaveLength(1);
    expect(b.reasons[0]).toMatchObject({ code: "not-in-catalog", field: "regions" });
    expect(b.reasons[0]!.message).toMatch(
      /^Atlas designs two regions for web-api, serverless-api only, not a static-site\. /,
    );
    expect(b.reasons[0]!.figures).toMatchObject({
      twoRegionAvailability: primary.availability.composite,
      replicationMonthlyUsd: 0,
      healthChecksMonthlyUsd: 3,
    });
    expect(b.reasons[0]!.message).toContain(
      "served from AWS's global edge, so a second region would not raise",
    );
    expect(b.suggestions[0]!.message).toBe(
      `remove regions: ${site.region} alone designs at ${primary.availability.composite} % for $${primary.cost.monthlyUsd.toLocaleString("en-US", { minimumFractionDigits: 2 })}/month`,
    );
  });

  it("a web-api without workload.domain: Route 53 needs a name to fail over", () => {
    const { domain: _domain, ...workload } = global.workload;
    const b = blocked({ ...global, workload });
    expect(b.reasons.map((r) => [r.code, r.field])).toEqual([["not-in-catalog", "workload.domain"]]);
    expect(b.suggestions.map((s) => s.field)).toEqual(["workload.domain", "regions"]);
  });

  it.each<[string, GoalStatement, string]>([
    [
      "a serverless-api with a relational database (only a web-api's is designed as a global database)",
      {
        ...global,
        workload: { type: "serverless-api", runtime: "nodejs22.x", domain: "orders.example.com" },
      },
      "data.relational",
    ],
    [
      "buckets (S3 Cross-Region Replication is not designed)",
      { ...global, data: { ...global.data, objectStorage: { buckets: ["receipts"] } } },
      "data.objectStorage",
    ],
  ])("%s: blocked, naming the field", (_name, goal, field) => {
    const b = blocked(goal);
    expect(b.reasons.map((r) => [r.code, r.field])).toEqual([["not-in-catalog", field]]);
    expect(b.suggestions.map((s) => s.field)).toEqual([field, "regions"]);
  });

  it("a second region the policy does not allow: said of regions, with an allowed one to put there", () => {
    const b = blocked({ ...global, regions: ["eu-west-1", "us-west-2"] });
    expect(b.reasons.map((r) => [r.code, r.field])).toEqual([
      ["not-in-catalog", "regions"],
      ["region-not-allowed", "regions"],
    ]);
    expect(b.reasons[0]!.message).toContain("the design of us-west-2 alone is blocked (below)");
    expect(b.reasons[1]!.message).toMatch(/^the second region: region us-west-2 is not allowed/);
    expect(b.suggestions[0]).toEqual({ message: "remove regions", field: "regions" });
    expect(b.suggestions).toContainEqual({
      message: "make eu-central-1 the second entry of regions",
      field: "regions",
    });
  });

  it("a primary region blocked alone ($300): its own reasons and attempts follow", () => {
    const b = blocked({ ...global, budget: { monthlyUsd: 300 } });
    expect(b.reasons.map((r) => r.code)).toEqual(["not-in-catalog", "budget-too-small"]);
    expect(b.attempts.length).toBeGreaterThan(0);
  });

  it("a policy allowing only burstable database classes: an Aurora global database needs memory-optimized ones", () => {
    const families = { ...policy.policy.sizeCaps, allowedInstanceFamilies: ["db.t4g", "db.m7g"] };
    const strict = { ...policy, policy: { ...policy.policy, sizeCaps: families } };
    const b = blocked(global, strict);
    expect(b.reasons[0]!.message).toContain("Aurora global database: memory-optimized classes, no db.t*");
    expect(b.reasons.map((r) => r.code)).toContain("instance-family-not-allowed");
  });

  it("a budget one region fits but the pair does not: the pair's figure, the budget it needs, the primary alone", () => {
    const pair = planned(global);
    const b = blocked({ ...global, budget: { monthlyUsd: 2000 } });
    expect(b.reasons).toEqual([
      expect.objectContaining({
        code: "budget-too-small",
        field: "budget.monthlyUsd",
        figures: {
          twoRegionMonthlyUsd: pair.cost.monthlyUsd,
          twoRegionAvailability: pair.availability.composite,
          brakeUsd: 1600,
        },
      }),
    ]);
    const needed = Math.floor(pair.cost.monthlyUsd / 0.8) + 1;
    const single = planned({ ...global, regions: undefined, slo: { ...global.slo, availability: 99.95 } });
    expect(b.suggestions).toEqual([
      {
        message: `raise budget.monthlyUsd to $${needed.toLocaleString("en-US")} for the two regions`,
        field: "budget.monthlyUsd",
        value: needed,
      },
      {
        message: `remove regions and lower slo.availability to 99.95: eu-west-1 alone designs at ${single.availability.composite} % for $${single.cost.monthlyUsd.toLocaleString("en-US", { minimumFractionDigits: 2 })}/month`,
        field: "regions",
      },
    ]);
    expect(single.cost.monthlyUsd).toBeLessThan(1600);
  });

  it("a multi-region ask in the summary is what regions expresses: the pair designs, no summary clash", () => {
    const spec = planned({ ...global, summary: "Multi-region checkout API" });
    expect(spec.regions).toEqual(["eu-west-1", "eu-central-1"]);
  });
});
