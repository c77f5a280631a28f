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
 * The apply workflow's `run-name` (templates/workflows/infracrew-apply.yml) is
 * `infracrew apply <stack> pr-<n> <apply|rollback> <sha>`: a workflow_dispatch run lists no pull request, so its
 * title names the PR, the mode and the commit (the approved one, or the one being rolled back). Read from the end,
 * so a stack named like `rollback-drill` or `pr-3-api` cannot be mistaken for them.
 */
export function parseRunName(name: string): { pr?: number; sha?: string; mode?: "apply" | "rollback" } {
  const tokens = name.trim().split(/\s+/);
  const [pr = "", mode = "", sha = ""] = tokens.slice(-3);
  if (tokens[0] !== "infracrew" || tokens.length < 5 || !/^pr-\d+$/.test(pr)) return {};
  if ((mode !== "apply" && mode !== "rollback") || !/^[0-9a-f]{40}$/.test(sha)) return {};
  return { pr: Number(pr.slice(3)), sha, mode };
}
