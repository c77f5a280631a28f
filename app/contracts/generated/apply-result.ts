// Generated from schemas/ by scripts/gen-types.ts. Do not edit; run `npm run gen`.
/**
 * What an apply or rollback did: its status, timing and outputs (sensitive ones redacted).
 */
export interface ApplyResult {
  /**
   * The contract version. Every artifact carries it.
   */
  schemaVersion: "0.1";
  kind: "ApplyResult";
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
   * A GitHub repository as owner/name.
   */
  repo?: string;
  pr?: number;
  /**
   * A goal or stack name: lowercase letters, digits and dashes. It names the branch, the stack directory and the resources.
   */
  stack: string;
  /**
   * The revision applied: the approved SHA, or the last known-good one on rollback.
   */
  sha: string;
  mode: "apply" | "rollback";
  status: "success" | "failure" | "timeout";
  /**
   * An RFC 3339 date-time in UTC.
   */
  startedAt: string;
  /**
   * An RFC 3339 date-time in UTC.
   */
  finishedAt: string;
  durationSeconds: number;
  /**
   * Terraform outputs; sensitive values are replaced by the text (sensitive).
   */
  outputs: {
    [k: string]: ApplyOutput;
  };
  changes?: PlanCounts;
  /**
   * On a first-apply rollback: the resource addresses destroyed.
   */
  destroyed?: string[];
  /**
   * On a first-apply rollback: deletion-protected data stores kept for a person to decide.
   */
  retained?: string[];
  error?: ApplyError;
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
export interface ApplyOutput {
  value: unknown;
  sensitive: boolean;
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
export interface ApplyError {
  phase: "download" | "init" | "plan" | "apply" | "destroy" | "output" | "timeout" | "refused";
  message: string;
}
