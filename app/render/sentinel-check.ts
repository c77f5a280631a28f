import type { ValidationResult } from "../contracts/generated/index.js";
import type { CheckOutput } from "./conductor-check.js";

export const SENTINEL_CHECK = "Infracrew / Sentinel";

/** The required check's output for a ValidationResult. */
export function renderSentinelCheck(result: ValidationResult): Omit<CheckOutput, "actions"> {
  return {
    status: "completed",
    conclusion: result.verdict === "PASS" ? "success" : "failure",
    title: result.verdict === "PASS" ? "Sentinel passed" : "Sentinel failed",
    summary: result.reasons.map((r) => `- ${r}`).join("\n"),
  };
}
