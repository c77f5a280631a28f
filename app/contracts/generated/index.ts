// Generated from schemas/ by scripts/gen-types.ts. Do not edit; run `npm run gen`.

import type { ApplyRequest } from "./apply-request.js";
import type { ApplyResult } from "./apply-result.js";
import type { BuildStatus } from "./build-status.js";
import type { DesignBlocked } from "./design-blocked.js";
import type { GoalStatement } from "./goal-statement.js";
import type { OpsEvent } from "./ops-event.js";
import type { OrgPolicy } from "./org-policy.js";
import type { PlanSpec } from "./plan-spec.js";
import type { RollbackRequest } from "./rollback-request.js";
import type { ValidateRequest } from "./validate-request.js";
import type { ValidationResult } from "./validation-result.js";
import applyRequestSchema from "../../../schemas/apply-request.schema.json" with { type: "json" };
import applyResultSchema from "../../../schemas/apply-result.schema.json" with { type: "json" };
import buildStatusSchema from "../../../schemas/build-status.schema.json" with { type: "json" };
import designBlockedSchema from "../../../schemas/design-blocked.schema.json" with { type: "json" };
import goalStatementSchema from "../../../schemas/goal-statement.schema.json" with { type: "json" };
import opsEventSchema from "../../../schemas/ops-event.schema.json" with { type: "json" };
import orgPolicySchema from "../../../schemas/org-policy.schema.json" with { type: "json" };
import planSpecSchema from "../../../schemas/plan-spec.schema.json" with { type: "json" };
import rollbackRequestSchema from "../../../schemas/rollback-request.schema.json" with { type: "json" };
import validateRequestSchema from "../../../schemas/validate-request.schema.json" with { type: "json" };
import validationResultSchema from "../../../schemas/validation-result.schema.json" with { type: "json" };
import commonSchema from "../../../schemas/common.schema.json" with { type: "json" };

export type {
  ApplyRequest,
  ApplyResult,
  BuildStatus,
  DesignBlocked,
  GoalStatement,
  OpsEvent,
  OrgPolicy,
  PlanSpec,
  RollbackRequest,
  ValidateRequest,
  ValidationResult,
};

/** Every artifact kind and its TypeScript type. */
export interface ArtifactTypes {
  ApplyRequest: ApplyRequest;
  ApplyResult: ApplyResult;
  BuildStatus: BuildStatus;
  DesignBlocked: DesignBlocked;
  GoalStatement: GoalStatement;
  OpsEvent: OpsEvent;
  OrgPolicy: OrgPolicy;
  PlanSpec: PlanSpec;
  RollbackRequest: RollbackRequest;
  ValidateRequest: ValidateRequest;
  ValidationResult: ValidationResult;
}

export type ArtifactKind = keyof ArtifactTypes;

export const ARTIFACT_KINDS = [
  "ApplyRequest",
  "ApplyResult",
  "BuildStatus",
  "DesignBlocked",
  "GoalStatement",
  "OpsEvent",
  "OrgPolicy",
  "PlanSpec",
  "RollbackRequest",
  "ValidateRequest",
  "ValidationResult",
] as const satisfies readonly ArtifactKind[];

/** Each kind's file name stem, as in schemas/<stem>.schema.json. */
export const KIND_FILE_STEMS: Record<ArtifactKind, string> = {
  ApplyRequest: "apply-request",
  ApplyResult: "apply-result",
  BuildStatus: "build-status",
  DesignBlocked: "design-blocked",
  GoalStatement: "goal-statement",
  OpsEvent: "ops-event",
  OrgPolicy: "org-policy",
  PlanSpec: "plan-spec",
  RollbackRequest: "rollback-request",
  ValidateRequest: "validate-request",
  ValidationResult: "validation-result",
};

export const SCHEMAS: Record<ArtifactKind, object> = {
  ApplyRequest: applyRequestSchema,
  ApplyResult: applyResultSchema,
  BuildStatus: buildStatusSchema,
  DesignBlocked: designBlockedSchema,
  GoalStatement: goalStatementSchema,
  OpsEvent: opsEventSchema,
  OrgPolicy: orgPolicySchema,
  PlanSpec: planSpecSchema,
  RollbackRequest: rollbackRequestSchema,
  ValidateRequest: validateRequestSchema,
  ValidationResult: validationResultSchema,
};

export const COMMON_SCHEMA: object = commonSchema;
