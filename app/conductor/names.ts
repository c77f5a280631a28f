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

/** A stack name as the workflows accept it; its directory is always `infra/<stack>`. */
export const STACK_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
/** A dispatch nonce: 128 random bits as 32 lowercase hex digits, recorded by the App before it dispatches. */
export const NONCE_PATTERN = /^[0-9a-f]{32}$/;

const SHA = /^[0-9a-f]{40}$/;
const NONCE_TOKEN = /^n-([0-9a-f]{32})$/;

/** What a run's title says: the PR, the commit, the mode and, for a run the App dispatched, its nonce. */
export interface RunName {
  readonly pr?: number;
  readonly sha?: string;
  readonly mode?: RunMode;
  readonly nonce?: string;
}

/**
 * The plan and apply workflows' `run-name` (templates/workflows/infracrew-{plan,apply}.yml) is
 * `infracrew plan <stack> pr-<n> plan <sha> [n-<nonce>]` or `infracrew apply <stack> pr-<n> <apply|rollback> <sha>
 * n-<nonce>`: a workflow_dispatch run lists no pull request, so its title names the PR, the mode, the commit (the one
 * planned, the approved one, or the one being rolled back) and the dispatch's nonce (a pull_request run has none).
 * Read from the end, so a stack named like `rollback-drill`, `pr-3-api` or `n-<32 hex>` cannot be mistaken for them.
 * A title is a correlation hint, never a proof: who started a run is judged from GitHub's facts about it.
 */
export function parseRunName(name: string): RunName {
  const tokens = name.trim().split(/\s+/);
  const nonce = NONCE_TOKEN.exec(tokens.at(-1) ?? "")?.[1];
  const rest = nonce === undefined ? tokens : tokens.slice(0, -1);
  const [pr = "", mode = "", sha = ""] = rest.slice(-3);
  if (rest[0] !== "infracrew" || rest.length < 5 || !/^pr-\d+$/.test(pr)) return {};
  const workflow = rest[1] === "plan" ? ["plan"] : rest[1] === "apply" ? ["apply", "rollback"] : [];
  if (!workflow.includes(mode) || !SHA.test(sha)) return {};
  return { pr: Number(pr.slice(3)), sha, mode: mode as RunMode, ...(nonce ? { nonce } : {}) };
}

/** The inputs the Conductor dispatches the plan workflow with (`/plan`): the PR, its head, the stack, the nonce. */
export function planDispatchInputs(input: {
  readonly pr: number;
  readonly sha: string;
  readonly stack: string;
  readonly nonce: string;
}): Record<string, string> {
  return { pr: String(input.pr), sha: input.sha, stack: input.stack, nonce: input.nonce };
}

/** The saved plan Sentinel passed: the plan run, its artifact and the sha256 of the plaintext `tfplan`. */
export interface ApprovedPlan {
  readonly runId: number;
  readonly artifactId: number;
  readonly sha256: string;
}

/** What one dispatch of the apply workflow asks for: the App records it, sends it, and the gate compares it. */
export interface ApplyDispatch {
  readonly pr: number;
  readonly stack: string;
  readonly mode: "apply" | "rollback";
  readonly sha: string;
  readonly targetSha: string | null;
  readonly nonce: string;
  readonly plan: ApprovedPlan | null;
}

/**
 * The inputs the Conductor dispatches the apply workflow with (/work/contracts.md): an apply of the plan Sentinel
 * passed, or a rollback from `sha` to `targetSha` (null on a first apply: destroy what it created but data stores).
 * There is no directory input: the workflow derives `infra/<stack>` from the stack, which it checks first.
 */
export function applyDispatchInputs(input: ApplyDispatch): Record<string, string> {
  const { plan } = input;
  return {
    pr: String(input.pr),
    stack: input.stack,
    mode: input.mode,
    sha: input.sha,
    target_sha: input.targetSha ?? "",
    nonce: input.nonce,
    plan_run_id: plan ? String(plan.runId) : "",
    plan_artifact_id: plan ? String(plan.artifactId) : "",
    plan_sha256: plan ? plan.sha256 : "",
  };
}
