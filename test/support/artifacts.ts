import type { ApplyResult, ValidationResult } from "../../app/contracts/generated/index.js";
import { readRepoFile } from "./repo-files.js";

/** A ValidationResult like the Sentinel workflow uploads, for the given head and verdict. */
export function validationResult(
  sha: string,
  verdict: "PASS" | "FAIL" = "PASS",
  over: Partial<ValidationResult> = {},
): ValidationResult {
  const base = JSON.parse(readRepoFile("schemas/examples/validation-result-pass.json")) as ValidationResult;
  return {
    ...base,
    sha,
    stack: "checkout-api",
    verdict,
    reasons:
      verdict === "PASS"
        ? base.reasons
        : ["Forecast $1,300.00/month is 87 % of the $1,500.00 budget; the brake is at 80 %."],
    ...over,
  };
}

export function applyResult(
  sha: string,
  mode: "apply" | "rollback",
  status: ApplyResult["status"],
  over: Partial<ApplyResult> = {},
): ApplyResult {
  const base = JSON.parse(readRepoFile("schemas/examples/apply-result-success.json")) as ApplyResult;
  return { ...base, stack: "checkout-api", sha, mode, status, pr: 1, ...over };
}
