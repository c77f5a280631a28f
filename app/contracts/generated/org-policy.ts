// Generated from schemas/ by scripts/gen-types.ts. Do not edit; run `npm run gen`.
/**
 * The organisation's policy and the app's settings, read from .github/infracrew.yml. Every key is optional; the defaults here apply.
 */
export interface OrgPolicy {
  /**
   * The contract version. Every artifact carries it.
   */
  schemaVersion?: "0.1";
  kind?: "OrgPolicy";
  policy?: PolicyRules;
  approvals?: ApprovalRules;
  apply?: ApplySettings;
  rollback?: RollbackSettings;
  terraform?: TerraformSettings;
  slack?: SlackSettings;
}
export interface PolicyRules {
  /**
   * Regions goals may deploy to. Absent means any.
   *
   * @minItems 1
   */
  allowedRegions?: string[];
  /**
   * Tag keys every goal and every taggable resource must carry.
   */
  requiredTags?: string[];
  /**
   * A cap over any single goal's budget.
   */
  maxMonthlyUsd?: number;
  /**
   * Sentinel fails when the cost forecast is at or above this ratio of the budget.
   */
  budgetBrakeRatio?: number;
  /**
   * Scanner findings at or above this severity fail Sentinel.
   */
  failOnSeverity?: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "INFO";
  /**
   * Allow plans that delete or replace a database, bucket or queue.
   */
  allowStatefulDeletes?: boolean;
  /**
   * Scanners that must run and succeed; a missing or failed one fails Sentinel.
   */
  requiredTools?: ("trivy" | "tfsec" | "checkov" | "conftest" | "infracost")[];
  sizeCaps?: SizeCaps;
}
/**
 * Upper bounds on what a design may size.
 */
export interface SizeCaps {
  /**
   * Most container tasks a service may scale to.
   */
  maxTasks?: number;
  /**
   * Most vCPUs per container task.
   */
  maxTaskCpu?: number;
  /**
   * Most database storage in GB.
   */
  maxDbStorageGb?: number;
  /**
   * Database and cache instance families allowed, e.g. db.t4g, db.r6g, cache.t4g. Absent means any.
   */
  allowedInstanceFamilies?: string[];
}
export interface ApprovalRules {
  /**
   * The least repository permission that may approve.
   */
  minPermission?: "read" | "triage" | "write" | "maintain" | "admin";
  /**
   * Teams (org/team) any member of which may approve, in addition to minPermission.
   */
  teams?: string[];
  /**
   * How many approvals apply needs.
   */
  required?: number;
  /**
   * Whether the goal's author may approve alone.
   */
  allowSelfApproval?: boolean;
}
export interface ApplySettings {
  mergeAfterApply?: boolean;
  timeoutMinutes?: number;
  /**
   * An apply refuses a saved plan older than this.
   */
  maxPlanAgeMinutes?: number;
}
export interface RollbackSettings {
  beginWithinMinutes?: number;
  finishWithinMinutes?: number;
}
export interface TerraformSettings {
  /**
   * The directory goals are written under: <root>/<name>/.
   */
  root?: string;
  /**
   * The Terraform version constraint.
   */
  version?: string;
  backend?: BackendSettings;
}
export interface BackendSettings {
  type: "s3";
  bucket: string;
  /**
   * An AWS region code.
   */
  region: string;
  /**
   * State keys are <keyPrefix>/<name>/terraform.tfstate.
   */
  keyPrefix?: string;
  /**
   * A DynamoDB lock table; without it, S3 native locking (use_lockfile) is used.
   */
  dynamodbTable?: string;
}
export interface SlackSettings {
  channel?: string;
  /**
   * Slack user id to GitHub login, for approvals from Slack.
   */
  users?: {
    /**
     * A GitHub login.
     */
    [k: string]: string;
  };
}
/** OrgPolicy after the schema's defaults are applied. */

/**
 * The organisation's policy and the app's settings, read from .github/infracrew.yml. Every key is optional; the defaults here apply.
 */
export interface ResolvedOrgPolicy {
  /**
   * The contract version. Every artifact carries it.
   */
  schemaVersion?: "0.1";
  kind?: "OrgPolicy";
  policy: ResolvedPolicyRules;
  approvals: ResolvedApprovalRules;
  apply: ResolvedApplySettings;
  rollback: ResolvedRollbackSettings;
  terraform: ResolvedTerraformSettings;
  slack?: ResolvedSlackSettings;
}
export interface ResolvedPolicyRules {
  /**
   * Regions goals may deploy to. Absent means any.
   *
   * @minItems 1
   */
  allowedRegions?: string[];
  /**
   * Tag keys every goal and every taggable resource must carry.
   */
  requiredTags: string[];
  /**
   * A cap over any single goal's budget.
   */
  maxMonthlyUsd?: number;
  /**
   * Sentinel fails when the cost forecast is at or above this ratio of the budget.
   */
  budgetBrakeRatio: number;
  /**
   * Scanner findings at or above this severity fail Sentinel.
   */
  failOnSeverity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "INFO";
  /**
   * Allow plans that delete or replace a database, bucket or queue.
   */
  allowStatefulDeletes: boolean;
  /**
   * Scanners that must run and succeed; a missing or failed one fails Sentinel.
   */
  requiredTools: ("trivy" | "tfsec" | "checkov" | "conftest" | "infracost")[];
  sizeCaps: ResolvedSizeCaps;
}
/**
 * Upper bounds on what a design may size.
 */
export interface ResolvedSizeCaps {
  /**
   * Most container tasks a service may scale to.
   */
  maxTasks: number;
  /**
   * Most vCPUs per container task.
   */
  maxTaskCpu: number;
  /**
   * Most database storage in GB.
   */
  maxDbStorageGb: number;
  /**
   * Database and cache instance families allowed, e.g. db.t4g, db.r6g, cache.t4g. Absent means any.
   */
  allowedInstanceFamilies?: string[];
}
export interface ResolvedApprovalRules {
  /**
   * The least repository permission that may approve.
   */
  minPermission: "read" | "triage" | "write" | "maintain" | "admin";
  /**
   * Teams (org/team) any member of which may approve, in addition to minPermission.
   */
  teams: string[];
  /**
   * How many approvals apply needs.
   */
  required: number;
  /**
   * Whether the goal's author may approve alone.
   */
  allowSelfApproval: boolean;
}
export interface ResolvedApplySettings {
  mergeAfterApply: boolean;
  timeoutMinutes: number;
  /**
   * An apply refuses a saved plan older than this.
   */
  maxPlanAgeMinutes: number;
}
export interface ResolvedRollbackSettings {
  beginWithinMinutes: number;
  finishWithinMinutes: number;
}
export interface ResolvedTerraformSettings {
  /**
   * The directory goals are written under: <root>/<name>/.
   */
  root: string;
  /**
   * The Terraform version constraint.
   */
  version: string;
  backend?: ResolvedBackendSettings;
}
export interface ResolvedBackendSettings {
  type: "s3";
  bucket: string;
  /**
   * An AWS region code.
   */
  region: string;
  /**
   * State keys are <keyPrefix>/<name>/terraform.tfstate.
   */
  keyPrefix: string;
  /**
   * A DynamoDB lock table; without it, S3 native locking (use_lockfile) is used.
   */
  dynamodbTable?: string;
}
export interface ResolvedSlackSettings {
  channel?: string;
  /**
   * Slack user id to GitHub login, for approvals from Slack.
   */
  users: {
    /**
     * A GitHub login.
     */
    [k: string]: string;
  };
}
