/** Names other parts rely on (issue 6): branches, refs, workflows, artifacts and check runs. */
export const NAMES = {
  branchPrefix: "infracrew/",
  configPath: ".github/infracrew.yml",
  planWorkflow: "infracrew-plan.yml",
  applyWorkflow: "infracrew-apply.yml",
  validationArtifact: "infracrew-validation-result",
  validationFile: "validation-result.json",
  applyArtifact: "infracrew-apply-result",
  applyFile: "apply-result.json",
  sentinelCheck: "Infracrew / Sentinel",
  conductorCheck: "Infracrew / Conductor",
  goalLabel: "goal",
  onboardingBranch: "infracrew/configure",
} as const;

export const branchFor = (stack: string): string => `${NAMES.branchPrefix}${stack}`;

/**
 * What the workflows' `run-name` carries (templates/workflows): `infracrew <plan|apply|rollback> … pr-<n> … <sha>`,
 * so a workflow_run event names its PR even when it was dispatched.
 */
export function parseRunName(name: string): { pr?: number; sha?: string; mode?: "apply" | "rollback" } {
  const pr = /\bpr-(\d+)\b/.exec(name)?.[1];
  const sha = /\b([0-9a-f]{40})\b/.exec(name)?.[1];
  const mode = /\b(apply|rollback)\b/.exec(name.replace(/^infracrew apply\b/, "infracrew"))?.[1] as
    "apply" | "rollback" | undefined;
  return { ...(pr ? { pr: Number(pr) } : {}), ...(sha ? { sha } : {}), ...(mode ? { mode } : {}) };
}
