import type { ValidationResult } from "../contracts/generated/index.js";
import { checkRunAnnotations, type Annotation } from "./sentinel/annotations.js";
import { checkRunConclusion, renderCheckRun } from "./sentinel/check-run.js";

export { limitValidation, type LimitOptions } from "./sentinel/limit-validation.js";

export const SENTINEL_CHECK = "Infracrew / Sentinel";

/**
 * The required check's output for a ValidationResult: Sentinel's report, its verdict, and its first 50 findings at
 * file:line (one request; the summary counts the rest and links to `detailsUrl`). Within GitHub's limits for any
 * number of findings and reasons.
 */
export function renderSentinelCheck(
  result: ValidationResult,
  detailsUrl?: string,
): {
  status: "completed";
  conclusion: "success" | "failure";
  title: string;
  summary: string;
  text: string;
  annotations: Annotation[];
} {
  return {
    status: "completed",
    conclusion: checkRunConclusion(result),
    ...renderCheckRun(result, detailsUrl ? { detailsUrl } : {}),
    annotations: checkRunAnnotations(result),
  };
}
