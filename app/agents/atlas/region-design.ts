import type { GoalStatement, PlanSpec } from "../../contracts/generated/index.js";
import { formatUsd } from "../../format/money.js";
import { budgetFor, type Blocked } from "./blocked.js";
import type { ContextOverrides } from "./context.js";
import { pct } from "./format.js";
import { pairPlan } from "./region-plan.js";
import { STANDBY } from "./region-words.js";
import { SLO_TIERS } from "./sla.js";
import { twoRegionBlocked, type RegionOutcome } from "./two-region.js";

/** The goal designed in one region, with what a two-region design changes there. */
export interface RegionDesigner {
  readonly design: (region: string, overrides: ContextOverrides) => RegionOutcome;
  /** Whether the only thing in the way is the SLO (no policy clash, and no design reaches the target). */
  readonly sloOnly: (region: string, overrides: ContextOverrides) => boolean;
}

/** The workload types Atlas designs in two regions. */
export const TWO_REGION_TYPES: readonly GoalStatement["workload"]["type"][] = ["web-api"];

export type PairOutcome =
  | { readonly kind: "PlanSpec"; readonly value: PlanSpec }
  | { readonly kind: "blocked"; readonly blocked: Blocked };

const blocked = (b: Blocked): PairOutcome => ({ kind: "blocked", blocked: b });

function noDomain(): Blocked {
  return {
    reasons: [
      {
        code: "not-in-catalog",
        message:
          "a two-region design needs workload.domain: Route 53 fails a name over between the two regions' load balancers, and the goal names none",
        field: "workload.domain",
      },
    ],
    attempts: [],
    suggestions: [
      { message: "set workload.domain to a name in one of policy.dns.hostedZones", field: "workload.domain" },
      { message: "remove regions", field: "regions" },
    ],
  };
}

/**
 * Each region at the goal's target, or at the highest SLO tier one region reaches below it (the single-region
 * ceiling): the pair in parallel then reaches more than either alone.
 */
function primaryDesign(goal: GoalStatement, designer: RegionDesigner): [RegionOutcome, number] {
  const target = goal.slo.availability;
  const tiers = [target, ...SLO_TIERS.filter((t) => t < target)];
  const tier =
    tiers.find((t) => !designer.sloOnly(goal.region, { target: t, globalDatabase: true })) ?? target;
  return [designer.design(goal.region, { target: tier, globalDatabase: true }), tier];
}

/** The primary alone, as the way out of a pair that does not fit: at the goal's target, else at the region's tier. */
function aloneSuggestion(goal: GoalStatement, { design }: RegionDesigner, regionTarget: number) {
  const atGoal = design(goal.region, {});
  if (atGoal.kind === "PlanSpec") {
    return {
      message: `remove regions: ${goal.region} alone designs at ${pct(atGoal.value.availability.composite)} for ${formatUsd(atGoal.value.cost.monthlyUsd)}/month`,
      field: "regions",
    };
  }
  const atTier = design(goal.region, { target: regionTarget });
  return {
    message:
      atTier.kind === "PlanSpec"
        ? `remove regions and lower slo.availability to ${regionTarget}: ${goal.region} alone designs at ${pct(atTier.value.availability.composite)} for ${formatUsd(atTier.value.cost.monthlyUsd)}/month`
        : "remove regions",
    field: "regions",
  };
}

function overBrake(
  goal: GoalStatement,
  plan: PlanSpec,
  primary: PlanSpec,
  secondary: PlanSpec,
): Blocked["reasons"][number] {
  const limit = (plan.cost.brakeRatio ?? 1) * plan.cost.budgetMonthlyUsd;
  const sum = (spec: PlanSpec) =>
    plan.cost.lines
      .filter((l) => l.basis.startsWith(`${spec.region}: `))
      .reduce((x, l) => x + l.monthlyUsd, 0);
  return {
    code: "budget-too-small",
    message: `the two regions cost ${formatUsd(plan.cost.monthlyUsd)}/month (${primary.region} ${formatUsd(sum(primary))}, ${secondary.region} ${formatUsd(sum(secondary))}, with the health checks and the replication), at or over the brake line ${formatUsd(limit)} (${Math.round((plan.cost.brakeRatio ?? 1) * 100)} % of the ${formatUsd(goal.budget.monthlyUsd)} budget)`,
    field: "budget.monthlyUsd",
    figures: {
      twoRegionMonthlyUsd: plan.cost.monthlyUsd,
      twoRegionAvailability: plan.availability.composite,
      brakeUsd: limit,
    },
  };
}

/**
 * A goal with `regions`: each region designed on its own (an Aurora global database's cluster, the passive region
 * serving health checks only), then composed into one active-passive PlanSpec behind Route 53 failover. Blocks,
 * with the pair's figures where it can give them, when a region alone is blocked, the goal names no domain, the pair
 * misses the target, or the pair is over the budget's brake.
 */
export function designTwoRegions(goal: GoalStatement, designer: RegionDesigner): PairOutcome {
  const { design } = designer;
  const [p, s] = goal.regions as [string, string];
  if (!TWO_REGION_TYPES.includes(goal.workload.type)) {
    const outcomes = [design(p, {}), design(s, {})] as const;
    const base = `Atlas designs two regions for ${TWO_REGION_TYPES.join(", ")} only, not a ${goal.workload.type}`;
    return blocked(twoRegionBlocked(goal, outcomes, base));
  }
  if (!goal.workload.domain) return blocked(noDomain());
  const [primary, regionTarget] = primaryDesign(goal, designer);
  const avgRps = Math.min(STANDBY.avgRps, goal.traffic.avgRps ?? goal.traffic.peakRps);
  const secondary = design(s, { target: regionTarget, globalDatabase: true, avgRps });
  if (primary.kind === "DesignBlocked" || secondary.kind === "DesignBlocked") {
    return blocked(
      twoRegionBlocked(
        goal,
        [primary, secondary],
        "The two regions cannot be designed (each region is designed on its own first, its database a cluster of an Aurora global database: memory-optimized classes, no db.t*)",
      ),
    );
  }
  const single = design(p, { target: regionTarget });
  const plan = pairPlan(
    goal.workload.healthCheckPath ?? "/",
    { primary: primary.value, secondary: secondary.value, regionTarget, target: goal.slo.availability },
    single.kind === "PlanSpec" ? single.value : undefined,
  );
  if (plan.availability.composite < goal.slo.availability) {
    const tier = SLO_TIERS.find((t) => t <= plan.availability.composite);
    return blocked({
      reasons: [
        {
          code: "slo-unreachable",
          message: `two regions reach ${pct(plan.availability.composite)}, below the ${goal.slo.availability} % target: ${plan.availability.explanation ?? ""}`,
          field: "slo.availability",
          figures: { twoRegionAvailability: plan.availability.composite },
        },
      ],
      attempts: [],
      suggestions: tier
        ? [{ message: `lower slo.availability to ${tier}`, field: "slo.availability", value: tier }]
        : [],
    });
  }
  if (plan.cost.monthlyUsd >= (plan.cost.brakeRatio ?? 1) * plan.cost.budgetMonthlyUsd) {
    const budget = budgetFor(plan.cost.monthlyUsd, plan.cost.brakeRatio ?? 1);
    return blocked({
      reasons: [overBrake(goal, plan, primary.value, secondary.value)],
      attempts: [],
      suggestions: [
        {
          message: `raise budget.monthlyUsd to ${formatUsd(budget)} for the two regions`,
          field: "budget.monthlyUsd",
          value: budget,
        },
        aloneSuggestion(goal, designer, regionTarget),
      ],
    });
  }
  return { kind: "PlanSpec", value: plan };
}
