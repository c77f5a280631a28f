import type { ValidationResult } from "../contracts/generated/index.js";
import { formatUsd } from "../format/money.js";
import type { SavedPlanRef } from "./dispatch-record.js";

/** What the App knows for itself about a plan that Sentinel judged in the governed repository's workflow. */
export interface RecheckFacts {
  /** The commit the run planned (the PR head the store knows, or the /plan dispatch's). */
  readonly sha: string;
  /** The goal's budget as the App recorded it when it planned the goal. */
  readonly goalBudgetUsd: number;
  /** The brake ratio of the default branch's policy. */
  readonly brakeRatio: number;
  /** The stack directory, `infra/<stack>`. */
  readonly stackDir: string;
  /** Every path the pull request changes. */
  readonly changedFiles: readonly string[];
  /** The plan run, and the id of the saved-plan artifact its result names (undefined when it uploaded none). */
  readonly planRun: { readonly runId: number; readonly artifactId: number | undefined };
}

const LISTED = 10;

/**
 * Sentinel's verdict, checked against what the pull request cannot decide for itself: the commit, the goal's
 * budget and the policy's brake (both from the App's record and the default branch, never from the PR), that the PR
 * changes its stack only, and that a pass names the saved plan an apply will use. Each failed check is a failing
 * reason put first; the plan is given only for a PASS that survives. Pure.
 */
export function recheckValidation(
  result: ValidationResult,
  facts: RecheckFacts,
): { readonly result: ValidationResult; readonly plan?: SavedPlanRef } {
  const extra: string[] = [];
  if (result.sha !== undefined && result.sha !== facts.sha)
    extra.push(
      `Sentinel's result is for ${result.sha.slice(0, 7)}, but the run planned ${facts.sha.slice(0, 7)}.`,
    );
  if (result.budget.monthlyUsd !== facts.goalBudgetUsd)
    extra.push(
      `Sentinel judged against a budget of ${formatUsd(result.budget.monthlyUsd)}, but the goal's recorded budget is ${formatUsd(facts.goalBudgetUsd)}: a pull request cannot change its own budget; edit the goal.`,
    );
  if (result.budget.brakeRatio !== facts.brakeRatio)
    extra.push(
      `Sentinel braked at ${result.budget.brakeRatio} of the budget, but the default branch's policy says ${facts.brakeRatio}.`,
    );
  const outside = facts.changedFiles.filter((f) => !f.startsWith(`${facts.stackDir}/`));
  if (outside.length > 0) {
    const shown = outside.slice(0, LISTED).map((f) => `\`${f}\``);
    const more = outside.length > LISTED ? ` and ${outside.length - LISTED} more` : "";
    extra.push(
      `This pull request changes files outside \`${facts.stackDir}/\` (${shown.join(", ")}${more}): a goal's pull request changes its stack only, so nothing else is merged unreviewed.`,
    );
  }
  const saved = result.savedPlan;
  if (result.verdict === "PASS" && (!saved || facts.planRun.artifactId === undefined))
    extra.push(
      saved
        ? `Sentinel passed a saved plan \`${saved.artifact}\` that the run did not upload: there is nothing to apply.`
        : "Sentinel passed, but names no saved plan (update the Infracrew workflows): there is nothing to apply.",
    );
  if (extra.length === 0) {
    return result.verdict === "PASS" && saved && facts.planRun.artifactId !== undefined
      ? {
          result,
          plan: { runId: facts.planRun.runId, artifactId: facts.planRun.artifactId, sha256: saved.sha256 },
        }
      : { result };
  }
  const failing = result.verdict === "FAIL" ? (result.failingReasons ?? result.reasons.length) : 0;
  return {
    result: {
      ...result,
      verdict: "FAIL",
      reasons: [...extra, ...result.reasons],
      failingReasons: extra.length + failing,
    },
  };
}
