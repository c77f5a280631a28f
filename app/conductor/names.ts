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

export type RunMode = "plan" | "apply" | "rollback";

/**
 * The plan and apply workflows' `run-name` (templates/workflows/infracrew-{plan,apply}.yml) is
 * `infracrew plan <stack> pr-<n> plan <sha>` or `infracrew apply <stack> pr-<n> <apply|rollback> <sha>`: a
 * workflow_dispatch run lists no pull request, so its title names the PR, the mode and the commit (the one planned,
 * the approved one, or the one being rolled back). Read from the end, so a stack named like `rollback-drill` or
 * `pr-3-api` cannot be mistaken for them.
 */
export function parseRunName(name: string): { pr?: number; sha?: string; mode?: RunMode } {
  const tokens = name.trim().split(/\s+/);
  const [pr = "", mode = "", sha = ""] = tokens.slice(-3);
  if (tokens[0] !== "infracrew" || tokens.length < 5 || !/^pr-\d+$/.test(pr)) return {};
  const workflow = tokens[1] === "plan" ? ["plan"] : tokens[1] === "apply" ? ["apply", "rollback"] : [];
  if (!workflow.includes(mode) || !/^[0-9a-f]{40}$/.test(sha)) return {};
  return { pr: Number(pr.slice(3)), sha, mode: mode as RunMode };
}

/** The inputs the Conductor dispatches the plan workflow with (`/plan`): the PR, its head and the stack. */
export function planDispatchInputs(pr: number, sha: string, stack: string): Record<string, string> {
  return { pr: String(pr), sha, stack };
}

/** The inputs the Conductor dispatches the apply workflow with: an apply, or a rollback to the known-good revision. */
export function applyDispatchInputs(
  pr: number,
  sha: string,
  stack: string,
  mode: "apply" | "rollback",
  knownGood: string | null,
): Record<string, string> {
  return { pr: String(pr), sha, stack, mode, known_good_sha: knownGood ?? "" };
}
