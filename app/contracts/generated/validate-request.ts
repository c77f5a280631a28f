// Generated from schemas/ by scripts/gen-types.ts. Do not edit; run `npm run gen`.
/**
 * Forge's request to Sentinel: a planned stack at a commit, with where its plan and files are.
 */
export interface ValidateRequest {
  /**
   * The contract version. Every artifact carries it.
   */
  schemaVersion: "0.1";
  kind: "ValidateRequest";
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
   * The stack directory, relative to the repository root.
   */
  dir: string;
  /**
   * A full git commit SHA.
   */
  sha: string;
  /**
   * An amount in US dollars.
   */
  budgetMonthlyUsd: number;
  plan?: PlanLocation;
  planCounts?: PlanCounts;
  terraformVersion?: string;
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
 * Where the saved plan is: the artifact and the files in it (sealed with AES-256-GCM, see actions/forge-common/src/plan-crypto.ts), and the sha256 of the plaintext plan file, which the apply must match.
 */
export interface PlanLocation {
  artifact: string;
  planFile: string;
  planJsonFile: string;
  /**
   * sha256 (lowercase hex) of the plaintext tfplan file that was planned and validated.
   */
  sha256: string;
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
