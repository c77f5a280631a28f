// Generated from schemas/ by scripts/gen-types.ts. Do not edit; run `npm run gen`.
/**
 * Forge's report on a stack: rendered onto a branch, planned, or failed to plan.
 */
export interface BuildStatus {
  /**
   * The contract version. Every artifact carries it.
   */
  schemaVersion: "0.1";
  kind: "BuildStatus";
  /**
   * A stable identifier of this artifact, derived from its content.
   */
  id: string;
  /**
   * An RFC 3339 date-time in UTC.
   */
  createdAt: string;
  goalRef: GoalRef;
  /**
   * A goal or stack name: lowercase letters, digits and dashes. It names the branch, the stack directory and the resources.
   */
  stack: string;
  stage: "rendered" | "planned" | "plan-failed";
  branch?: string;
  /**
   * A full git commit SHA.
   */
  sha?: string;
  /**
   * The files written, relative to the repository root.
   */
  files?: string[];
  planCounts?: PlanCounts;
  message?: string;
  runUrl?: string;
}
/**
 * The goal an artifact was produced for.
 */
export interface GoalRef {
  /**
   * A goal or stack name: lowercase letters, digits and dashes. It names the branch, the stack directory and the resources.
   */
  name: string;
  /**
   * sha256 of the goal's canonical JSON.
   */
  hash: string;
  /**
   * The GitHub issue the goal was filed as, when it came from one.
   */
  issue?: {
    /**
     * A GitHub repository as owner/name.
     */
    repo: string;
    number: number;
  };
}
/**
 * How many resources a Terraform plan creates, updates, deletes and replaces.
 */
export interface PlanCounts {
  create: number;
  update: number;
  delete: number;
  replace: number;
}
