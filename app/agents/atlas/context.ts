import type { GoalStatement } from "../../contracts/generated/index.js";
import type { ResolvedOrgPolicy } from "../../contracts/generated/org-policy.js";
import type { TakenCidr } from "../../contracts/taken-cidr.js";
import { TRAFFIC } from "./assumptions.js";
import { parseSchedule } from "./schedule.js";

export type Pattern = GoalStatement["workload"]["type"];

/** The goal and policy, with the figures every step derives from them worked out once. */
export interface DesignContext {
  readonly goal: GoalStatement;
  readonly policy: ResolvedOrgPolicy;
  /** The design's date (the injected clock): engine versions are chosen in standard support on it. */
  readonly now: Date;
  readonly pattern: Pattern;
  readonly region: string;
  readonly prod: boolean;
  readonly target: number;
  readonly peakRps: number;
  readonly avgRps: number;
  readonly avgAssumed: boolean;
  readonly compliance: readonly string[];
  readonly budget: number;
  readonly brakeRatio: number;
  /** The brake line: a design must cost strictly less than this. */
  readonly limit: number;
  /** VPC ranges the repository's other goals hold: a range from the pool avoids them, the goal's own may not overlap. */
  readonly takenCidrs: readonly TakenCidr[];
  /** One region of a two-region design: its database must be an Aurora global database's cluster. */
  readonly globalDatabase?: boolean;
}

/** What a two-region design changes in each region's own design. */
export interface ContextOverrides {
  readonly region?: string;
  readonly target?: number;
  /** The region's own share of the average traffic (the passive region of a pair serves health checks only). */
  readonly avgRps?: number;
  readonly globalDatabase?: boolean;
  readonly takenCidrs?: readonly TakenCidr[];
}

/**
 * The average as a share of the peak when the goal gives none: the pattern's figure, or for a scheduled job the
 * share of the month its runs take (it makes requests only while it runs).
 */
function averageShare(goal: GoalStatement): number {
  if (goal.workload.type !== "scheduled-job") return TRAFFIC.avgToPeak[goal.workload.type];
  const parsed = parseSchedule(goal.workload.schedule ?? "");
  const runMinutes = goal.workload.runMinutes ?? (goal.workload.timeoutMinutes ?? 0) / 2;
  return parsed.ok ? Math.min(1, (parsed.schedule.runsPerMonth * runMinutes) / (730 * 60)) : 0;
}

/** The goal's average traffic, or the share of its peak assumed when it gives none. */
export function averageRps(goal: GoalStatement): number {
  return goal.traffic.avgRps ?? goal.traffic.peakRps * averageShare(goal);
}

export function designContext(
  goal: GoalStatement,
  policy: ResolvedOrgPolicy,
  now: Date,
  overrides: ContextOverrides = {},
): DesignContext {
  const pattern = goal.workload.type;
  const avgAssumed = goal.traffic.avgRps === undefined && overrides.avgRps === undefined;
  const avgRps = overrides.avgRps ?? averageRps(goal);
  const brakeRatio = policy.policy.budgetBrakeRatio;
  return {
    goal,
    policy,
    now,
    pattern,
    region: overrides.region ?? goal.region,
    prod: goal.environment === "prod",
    target: overrides.target ?? goal.slo.availability,
    peakRps: goal.traffic.peakRps,
    avgRps,
    avgAssumed,
    compliance: goal.compliance ?? [],
    budget: goal.budget.monthlyUsd,
    brakeRatio,
    limit: brakeRatio * goal.budget.monthlyUsd,
    takenCidrs: overrides.takenCidrs ?? [],
    ...(overrides.globalDatabase ? { globalDatabase: true } : {}),
  };
}

/** Requests (or messages) in a month at the average rate. */
export function monthlyRequests(ctx: DesignContext): number {
  return ctx.avgRps * TRAFFIC.secondsPerMonth;
}
