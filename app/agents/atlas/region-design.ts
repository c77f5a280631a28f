import type { GoalStatement, PlanSpec } from "../../contracts/generated/index.js";
import { formatUsd } from "../../format/money.js";
import { budgetFor, type Blocked } from "./blocked.js";
import { averageRps, type ContextOverrides } from "./context.js";
import { pairClash } from "./region-check.js";
import type { PairMode } from "./region-components.js";
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
export const TWO_REGION_TYPES: readonly GoalStatement["workload"]["type"][] = ["web-api", "serverless-api"];

/** What each region's own design is asked: the tier, and its database and traffic in the pair. */
interface RegionAsk {
  readonly mode: PairMode;
  readonly primary: ContextOverrides;
  readonly secondary: ContextOverrides;
}

/**
 * active-passive (a web-api on an Aurora global database): the standby serves health checks only. active-active (a
 * serverless API on a DynamoDB global table): each region serves half the average.
 */
function regionAsk(goal: GoalStatement, target: number): RegionAsk {
  if (goal.workload.type === "serverless-api") {
    const half = { target, avgRps: averageRps(goal) / 2 };
    return { mode: "active-active", primary: half, secondary: half };
  }
  const standby = Math.min(STANDBY.avgRps, averageRps(goal));
  return {
    mode: "active-passive",
    primary: { target, globalDatabase: true },
    secondary: { target, globalDatabase: true, avgRps: standby },
  };
}

export type PairOutcome =
  | { readonly kind: "PlanSpec"; readonly value: PlanSpec; readonly regionTarget: number }
  | { readonly kind: "blocked"; readonly blocked: Blocked };

const blocked = (b: Blocked): PairOutcome => ({ kind: "blocked", blocked: b });

/**
 * Each region at the goal's target, or at the highest SLO tier one region reaches below it (the single-region
 * ceiling): the pair in parallel then reaches more than either alone.
 */
function regionTier(goal: GoalStatement, designer: RegionDesigner): number {
  const target = goal.slo.availability;
  const tiers = [target, ...SLO_TIERS.filter((t) => t < target)];
  return tiers.find((t) => !designer.sloOnly(goal.region, regionAsk(goal, t).primary)) ?? target;
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
 * A goal with `regions`, as Atlas designs it: each region designed on its own, then composed into one PlanSpec behind Route 53: a web-api
 * active-passive (an Aurora global database, the passive region serving health checks only), a serverless API
 * active-active (a DynamoDB global table). Blocks, with the pair's figures where it can give them, when the pair
 * asks what it cannot give (pairClash), a region alone is blocked, the pair misses the target, or the pair is over
 * the budget's brake.
 */
export function designTwoRegions(goal: GoalStatement, designer: RegionDesigner): PairOutcome {
  const { design } = designer;
  const [p, s] = goal.regions as [string, string];
  if (!TWO_REGION_TYPES.includes(goal.workload.type)) {
    const outcomes = [design(p, {}), design(s, {})] as const;
    const base = `Atlas designs two regions for ${TWO_REGION_TYPES.join(", ")} only, not a ${goal.workload.type}`;
    return blocked(twoRegionBlocked(goal, outcomes, base));
  }
  const clash = pairClash(goal);
  if (clash) return blocked(clash);
  const regionTarget = regionTier(goal, designer);
  const ask = regionAsk(goal, regionTarget);
  const primary = design(p, ask.primary);
  const secondary = design(s, ask.secondary);
  if (primary.kind === "DesignBlocked" || secondary.kind === "DesignBlocked") {
    const why =
      ask.mode === "active-passive"
        ? "its database a cluster of an Aurora global database: memory-optimized classes, no db.t*"
        : "each serving half the traffic";
    return blocked(
      twoRegionBlocked(
        goal,
        [primary, secondary],
        `The two regions cannot be designed (each region is designed on its own first, ${why})`,
      ),
    );
  }
  const single = design(p, { target: regionTarget });
  const plan = pairPlan(
    {
      primary: primary.value,
      secondary: secondary.value,
      regionTarget,
      target: goal.slo.availability,
      mode: ask.mode,
      avgRps: averageRps(goal),
      healthCheckPath: goal.workload.healthCheckPath ?? "/",
    },
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
  return { kind: "PlanSpec", value: plan, regionTarget };
}
