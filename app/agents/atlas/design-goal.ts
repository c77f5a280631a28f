import { artifactId, contentHash } from "../../contracts/canonical.js";
import type { DesignBlocked, GoalStatement, PlanSpec } from "../../contracts/generated/index.js";
import type { ResolvedOrgPolicy } from "../../contracts/generated/org-policy.js";
import type { TakenCidr } from "../../contracts/taken-cidr.js";
import { runAttempts } from "./attempts.js";
import { explainBlock, type Blocked } from "./blocked.js";
import { designContext, type ContextOverrides } from "./context.js";
import { planSpec } from "./plan-spec.js";
import { policyClashes } from "./policy-check.js";
import { designTwoRegions, type RegionDesigner } from "./region-design.js";

export interface DesignOptions {
  /** The clock, injected: it stamps createdAt and picks engine versions in standard support on that day. */
  readonly now: Date;
  /** The issue the goal was filed as, when it came from one. */
  readonly issue?: { readonly repo: string; readonly number: number };
  /** VPC ranges the repository's other goals hold (from the store). */
  readonly takenCidrs?: readonly TakenCidr[];
}

export type DesignOutcome =
  | { readonly kind: "PlanSpec"; readonly value: PlanSpec }
  | { readonly kind: "DesignBlocked"; readonly value: DesignBlocked };

function timestamp(now: Date): string {
  if (Number.isNaN(now.getTime())) throw new Error("designGoal needs a valid `now`");
  return now.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** What every artifact of one design carries: its time, the goal it answers, and the seed of its id. */
function stamp(goal: GoalStatement, policy: ResolvedOrgPolicy, options: DesignOptions) {
  const createdAt = timestamp(options.now);
  const goalRef = {
    name: goal.name,
    hash: contentHash(goal),
    ...(options.issue ? { issue: { ...options.issue } } : {}),
  };
  return { createdAt, goalRef, seed: { goal: goalRef.hash, policy: contentHash(policy), createdAt } };
}

function blockedOutcome(
  goal: GoalStatement,
  policy: ResolvedOrgPolicy,
  options: DesignOptions,
  b: Blocked,
): DesignOutcome {
  const { createdAt, goalRef, seed } = stamp(goal, policy, options);
  return {
    kind: "DesignBlocked",
    value: {
      schemaVersion: "0.1",
      kind: "DesignBlocked",
      id: artifactId(`blocked-${goal.name}`, seed),
      createdAt,
      goalRef,
      reasons: [...b.reasons],
      attempts: [...b.attempts],
      suggestions: [...b.suggestions],
    },
  };
}

/**
 * Atlas: designs the goal under the policy. Returns a PlanSpec that meets the SLO with its cost strictly under
 * the budget brake, or a DesignBlocked with the clashes and the cheapest changes that would unblock it.
 * Pure and deterministic; it never throws for a schema-valid goal and policy.
 */
export function designGoal(
  goal: GoalStatement,
  policy: ResolvedOrgPolicy,
  options: DesignOptions,
): DesignOutcome {
  if (goal.regions === undefined) return designIn(goal, policy, options, { region: goal.region });
  const pair = designTwoRegions(goal, regionDesigner(goal, policy, options));
  return pair.kind === "PlanSpec" ? pair : blockedOutcome(goal, policy, options, pair.blocked);
}

/** Each region of a two-region goal, designed on its own. */
function regionDesigner(
  goal: GoalStatement,
  policy: ResolvedOrgPolicy,
  options: DesignOptions,
): RegionDesigner {
  return {
    design: (region, overrides) => designIn(goal, policy, options, { ...overrides, region }),
    sloOnly: (region, overrides) => {
      const ctx = designContext(goal, policy, options.now, { ...overrides, region });
      return policyClashes(ctx).length === 0 && runAttempts(ctx).kind === "slo";
    },
  };
}

/** The goal designed in one region (each region of a two-region goal is first designed on its own). */
function designIn(
  goal: GoalStatement,
  policy: ResolvedOrgPolicy,
  options: DesignOptions,
  overrides: ContextOverrides & { readonly region: string },
): DesignOutcome {
  const { createdAt, goalRef, seed } = stamp(goal, policy, options);
  const ctx = designContext(goal, policy, options.now, { ...overrides, takenCidrs: options.takenCidrs });
  const block = (b: Blocked): DesignOutcome => blockedOutcome(goal, policy, options, b);
  const clashes = policyClashes(ctx);
  if (clashes.length > 0) {
    return block({
      reasons: clashes.map((c) => c.reason),
      attempts: [],
      suggestions: clashes.flatMap((c) => c.suggestions),
    });
  }
  const run = runAttempts(ctx);
  if (run.kind !== "fits") return block(explainBlock(ctx, run));
  const header = {
    id: artifactId(`plan-${goal.name}`, seed),
    createdAt,
    goalRef,
    terraformDir: `${policy.terraform.root}/${goal.name}`,
  };
  return { kind: "PlanSpec", value: planSpec(header, run.chosen, run.preferred, run.relaxations) };
}
