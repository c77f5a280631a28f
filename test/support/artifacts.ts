import type { ApplyResult, ValidationResult } from "../../app/contracts/generated/index.js";
import { readRepoFile } from "./repo-files.js";

/** The sha256 of the plaintext plan every test's plan run saved. */
export const PLAN_SHA256 = "5d41402abc4b2a76b9719d911017c592ae8c2e0d38ab8a4a6ea6e0f3b2c1d4e5";

/** The artifact forge-plan saves a plan in (actions/forge-common/src/stack.ts). */
export const planArtifactName = (stack: string, sha: string): string => `infracrew-plan-${stack}-${sha}`;

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
    savedPlan: { artifact: planArtifactName("checkout-api", sha), sha256: PLAN_SHA256 },
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
