import type { ValidationResult } from "../contracts/generated/index.js";
import { checkRunAnnotations, type Annotation } from "./sentinel/annotations.js";
import { checkRunConclusion, renderCheckRun } from "./sentinel/check-run.js";

export const SENTINEL_CHECK = "Infracrew / Sentinel";

/** The required check's output for a ValidationResult: Sentinel's report, its verdict, and its findings at file:line. */
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
