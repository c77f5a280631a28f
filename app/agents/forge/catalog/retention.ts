/**
 * CloudWatch Logs retention: the service accepts only certain day counts. The list is the PlanSpec contract's
 * (logGroupParams.retentionDays), so a PlanSpec's other retention figures round up to the next allowed one.
 */
import { SCHEMAS } from "../../../contracts/generated/index.js";

interface PlanSpecSchema {
  $defs: { logGroupParams: { properties: { retentionDays: { enum: number[] } } } };
}

export const LOG_RETENTION_DAYS: readonly number[] = (SCHEMAS.PlanSpec as PlanSpecSchema).$defs.logGroupParams
  .properties.retentionDays.enum;

/** Logs Forge keeps a year when nothing says otherwise (Checkov CKV_AWS_338 asks for at least 365 days). */
export const DEFAULT_LOG_RETENTION_DAYS = 365;

/** The smallest allowed retention of at least `days` (the longest there is, for more than ten years). */
export function logRetention(days: number | undefined): number {
  const wanted = days ?? DEFAULT_LOG_RETENTION_DAYS;
  return LOG_RETENTION_DAYS.find((allowed) => allowed >= wanted) ?? LOG_RETENTION_DAYS.at(-1)!;
}
