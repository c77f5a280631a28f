import type { DesignBlocked, GoalStatement, PlanSpec } from "../contracts/generated/index.js";
import type { ResolvedOrgPolicy } from "../contracts/generated/org-policy.js";
import type { TakenCidr } from "../contracts/taken-cidr.js";

export type DesignOutcome =
  | { readonly kind: "PlanSpec"; readonly value: PlanSpec }
  | { readonly kind: "DesignBlocked"; readonly value: DesignBlocked };

export interface RenderedFile {
  readonly path: string;
  readonly content: string;
}

/** The agents the Conductor calls: pure functions, passed in so the Conductor does not depend on their modules. */
export interface Crew {
  design(
    goal: GoalStatement,
    policy: ResolvedOrgPolicy,
    options: {
      readonly now: Date;
      readonly issue: { readonly repo: string; readonly number: number };
      /** VPC ranges the repository's other goals hold, so the new stack's range is clear of them. */
      readonly takenCidrs: readonly TakenCidr[];
    },
  ): DesignOutcome;
  render(spec: PlanSpec, policy: ResolvedOrgPolicy): { readonly files: readonly RenderedFile[] };
}
