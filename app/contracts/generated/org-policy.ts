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
/**
 * The organisation's rules every design and plan must meet.
 */
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
  /**
   * Scanner rule ids (e.g. AVD-AWS-0104, CKV_AWS_260) whose inline skip comments (trivy:ignore:, tfsec:ignore:, checkov:skip=) Sentinel honours; any other inline skip in a stack's Terraform fails Sentinel. Forge's own exceptions are always honoured. Absent means none.
   *
   * @maxItems 500
   */
  allowedSkips?: string[];
  network?: NetworkPolicy;
  dns?: DnsPolicy;
  sizeCaps?: SizeCaps;
}
/**
 * Where stacks take their VPC ranges from, and the ranges none may overlap.
 */
export interface NetworkPolicy {
  /**
   * The ranges VPCs are carved from, a /16 each (or the whole range when it is smaller). Absent means 10.0.0.0/8.
   *
   * @minItems 1
   * @maxItems 50
   */
  cidrPool?: string[];
  /**
   * Ranges no stack's VPC may overlap: the corporate network, VPN pools, peered VPCs. Absent means none.
   *
   * @maxItems 200
   */
  reservedCidrs?: string[];
}
/**
 * The Route 53 hosted zones goals may take names in (workload.domain).
 */
export interface DnsPolicy {
  /**
   * @maxItems 100
   */
  hostedZones?: HostedZone[];
}
export interface HostedZone {
  domain: string;
  zoneId: string;
}
/**
 * Upper bounds on what a design may size, for the organisation to set. None by default: the budget brake already guards cost.
 */
export interface SizeCaps {
  /**
   * Most container tasks a service may scale to. Absent means no cap: the budget brake already guards cost.
   */
  maxTasks?: number;
  /**
   * Most vCPUs per container task. Absent means no cap.
   */
  maxTaskCpu?: number;
  /**
   * Most database storage in GB. Absent means no cap.
   */
  maxDbStorageGb?: number;
  /**
   * Database and cache instance families allowed, e.g. db.t4g, db.r6g, cache.t4g. Absent means any.
   */
  allowedInstanceFamilies?: string[];
}
/**
 * Who may approve an apply, and how many approvals it needs.
 */
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
/**
 * How approved plans are applied.
 */
export interface ApplySettings {
  /**
   * Merge the goal's pull request once its apply succeeds.
   */
  mergeAfterApply?: boolean;
  /**
   * An apply still running after this long is rolled back.
   */
  timeoutMinutes?: number;
  /**
   * An apply refuses a saved plan older than this.
   */
  maxPlanAgeMinutes?: number;
}
/**
 * The rollback SLA, measured from the trigger (a failed or timed-out apply, or /rollback).
 */
export interface RollbackSettings {
  /**
   * The rollback must begin within this many minutes.
   */
  beginWithinMinutes?: number;
  /**
   * The rollback must finish within this many minutes.
   */
  finishWithinMinutes?: number;
}
/**
 * Where the Terraform goes and where its state lives.
 */
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
/**
 * The S3 backend for every stack's state. Without it, the plan workflow cannot keep state between runs.
 */
export interface BackendSettings {
  /**
   * The backend type.
   */
  type: "s3";
  /**
   * The state bucket.
   */
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
/**
 * The Slack mirror of reviews and approvals (needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET). Who a Slack user is on GitHub comes from the App's environment (INFRACREW_SLACK_USERS), never from this file.
 */
export interface SlackSettings {
  /**
   * Where review messages go.
   */
  channel?: string;
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
/**
 * The organisation's rules every design and plan must meet.
 */
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
  /**
   * Scanner rule ids (e.g. AVD-AWS-0104, CKV_AWS_260) whose inline skip comments (trivy:ignore:, tfsec:ignore:, checkov:skip=) Sentinel honours; any other inline skip in a stack's Terraform fails Sentinel. Forge's own exceptions are always honoured. Absent means none.
   *
   * @maxItems 500
   */
  allowedSkips?: string[];
  network?: ResolvedNetworkPolicy;
  dns?: ResolvedDnsPolicy;
  sizeCaps: ResolvedSizeCaps;
}
/**
 * Where stacks take their VPC ranges from, and the ranges none may overlap.
 */
export interface ResolvedNetworkPolicy {
  /**
   * The ranges VPCs are carved from, a /16 each (or the whole range when it is smaller). Absent means 10.0.0.0/8.
   *
   * @minItems 1
   * @maxItems 50
   */
  cidrPool?: string[];
  /**
   * Ranges no stack's VPC may overlap: the corporate network, VPN pools, peered VPCs. Absent means none.
   *
   * @maxItems 200
   */
  reservedCidrs?: string[];
}
/**
 * The Route 53 hosted zones goals may take names in (workload.domain).
 */
export interface ResolvedDnsPolicy {
  /**
   * @maxItems 100
   */
  hostedZones?: ResolvedHostedZone[];
}
export interface ResolvedHostedZone {
  domain: string;
  zoneId: string;
}
/**
 * Upper bounds on what a design may size, for the organisation to set. None by default: the budget brake already guards cost.
 */
export interface ResolvedSizeCaps {
  /**
   * Most container tasks a service may scale to. Absent means no cap: the budget brake already guards cost.
   */
  maxTasks?: number;
  /**
   * Most vCPUs per container task. Absent means no cap.
   */
  maxTaskCpu?: number;
  /**
   * Most database storage in GB. Absent means no cap.
   */
  maxDbStorageGb?: number;
  /**
   * Database and cache instance families allowed, e.g. db.t4g, db.r6g, cache.t4g. Absent means any.
   */
  allowedInstanceFamilies?: string[];
}
/**
 * Who may approve an apply, and how many approvals it needs.
 */
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
/**
 * How approved plans are applied.
 */
export interface ResolvedApplySettings {
  /**
   * Merge the goal's pull request once its apply succeeds.
   */
  mergeAfterApply: boolean;
  /**
   * An apply still running after this long is rolled back.
   */
  timeoutMinutes: number;
  /**
   * An apply refuses a saved plan older than this.
   */
  maxPlanAgeMinutes: number;
}
/**
 * The rollback SLA, measured from the trigger (a failed or timed-out apply, or /rollback).
 */
export interface ResolvedRollbackSettings {
  /**
   * The rollback must begin within this many minutes.
   */
  beginWithinMinutes: number;
  /**
   * The rollback must finish within this many minutes.
   */
  finishWithinMinutes: number;
}
/**
 * Where the Terraform goes and where its state lives.
 */
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
/**
 * The S3 backend for every stack's state. Without it, the plan workflow cannot keep state between runs.
 */
export interface ResolvedBackendSettings {
  /**
   * The backend type.
   */
  type: "s3";
  /**
   * The state bucket.
   */
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
/**
 * The Slack mirror of reviews and approvals (needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET). Who a Slack user is on GitHub comes from the App's environment (INFRACREW_SLACK_USERS), never from this file.
 */
export interface ResolvedSlackSettings {
  /**
   * Where review messages go.
   */
  channel?: string;
}
