import type { SavedPlanRef } from "../conductor/dispatch-record.js";
import type { PrState } from "../conductor/pr-state.js";
import { recheckValidation } from "../conductor/sentinel-recheck.js";
import type { ValidationResult } from "../contracts/generated/index.js";
import type { ResolvedOrgPolicy } from "../contracts/generated/org-policy.js";
import type { WorkflowArtifact } from "../platform/platform.js";
import type { ConductorDeps } from "../runtime/deps.js";

/**
 * Sentinel's result, re-checked by the App with what it knows for itself (app/conductor/sentinel-recheck.ts): the
 * pull request's changed files are read from GitHub, the budget and brake from the store and the default branch.
 */
export async function judgeOnTheApp(
  deps: ConductorDeps,
  input: {
    readonly result: ValidationResult;
    readonly sha: string;
    readonly state: PrState;
    readonly policy: ResolvedOrgPolicy;
    readonly pr: number;
    readonly runId: number;
    readonly artifacts: readonly WorkflowArtifact[];
  },
): Promise<{ readonly result: ValidationResult; readonly plan?: SavedPlanRef }> {
  const named = input.result.savedPlan?.artifact;
  const artifact = named ? input.artifacts.find((a) => a.name === named && !a.expired) : undefined;
  return recheckValidation(input.result, {
    sha: input.sha,
    goalBudgetUsd: input.state.goal.budgetUsd,
    brakeRatio: input.policy.policy.budgetBrakeRatio,
    stackDir: input.state.dir,
    changedFiles: await deps.platform.listPullRequestFiles(input.pr),
    planRun: { runId: input.runId, artifactId: artifact?.id },
  });
}
