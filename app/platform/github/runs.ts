import type { WorkflowRunInfo } from "../platform.js";
import { callGitHub, on } from "./call-github.js";
import type { GitHubScope } from "./github-client.js";

const GET_RUN = "GET /repos/{owner}/{repo}/actions/runs/{run_id}";
const LIST_WORKFLOW_RUNS = "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs";
const CANCEL_RUN = "POST /repos/{owner}/{repo}/actions/runs/{run_id}/cancel";
const REVIEW_RULE = "POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule";

/** The fields of GitHub's workflow run (REST and webhook shapes alike) that say who, where and how it ended. */
export interface RunData {
  readonly id: number;
  readonly run_attempt?: number;
  readonly event: string;
  readonly path: string;
  readonly head_branch: string | null;
  readonly head_sha: string;
  readonly actor?: { readonly login: string } | null;
  readonly triggering_actor?: { readonly login: string } | null;
  readonly display_title?: string;
  readonly repository: { readonly id: number };
  readonly head_repository?: { readonly id: number } | null;
  readonly pull_requests?:
    readonly ({ readonly number: number; readonly head: { readonly sha: string } } | null)[] | null;
  readonly status: string | null;
  readonly conclusion: string | null;
  readonly html_url: string;
  readonly run_started_at?: string | null;
}

export function toRunInfo(run: RunData): WorkflowRunInfo {
  return {
    id: run.id,
    runAttempt: run.run_attempt ?? 1,
    event: run.event,
    path: run.path,
    headBranch: run.head_branch,
    headSha: run.head_sha,
    actor: run.actor?.login ?? "",
    triggeringActor: run.triggering_actor?.login ?? run.actor?.login ?? "",
    displayTitle: run.display_title ?? "",
    repositoryId: run.repository.id,
    headRepositoryId: run.head_repository?.id ?? null,
    pullRequests: (run.pull_requests ?? []).flatMap((p) =>
      p ? [{ number: p.number, headSha: p.head.sha }] : [],
    ),
    status: run.status,
    conclusion: run.conclusion,
    htmlUrl: run.html_url,
    ...(run.run_started_at ? { runStartedAt: run.run_started_at } : {}),
  };
}

/** 1 call; undefined when the run does not exist. */
export async function getWorkflowRun(
  scope: GitHubScope,
  runId: number,
): Promise<WorkflowRunInfo | undefined> {
  const { owner, repo } = scope;
  const response = await callGitHub(
    GET_RUN,
    scope.octokit.request(GET_RUN, { owner, repo, run_id: runId }),
    on(404, undefined),
  );
  return response === undefined ? undefined : toRunInfo(response.data as RunData);
}

/** The dispatched run of `file` created since `since` whose title ends with ` n-<nonce>`. 1 call (the newest 100). */
export async function findDispatchedRun(
  scope: GitHubScope,
  file: string,
  nonce: string,
  since: string,
): Promise<WorkflowRunInfo | undefined> {
  const { owner, repo } = scope;
  const response = await callGitHub(
    LIST_WORKFLOW_RUNS,
    scope.octokit.request(LIST_WORKFLOW_RUNS, {
      owner,
      repo,
      workflow_id: file,
      event: "workflow_dispatch",
      created: `>=${since}`,
      per_page: 100,
    }),
    on(404, undefined),
  );
  const found = response?.data.workflow_runs.find((run) => (run.display_title ?? "").endsWith(` n-${nonce}`));
  return found === undefined ? undefined : toRunInfo(found as RunData);
}

/** 1 call; a run that already finished cannot be cancelled (409), which is fine. */
export async function cancelWorkflowRun(scope: GitHubScope, runId: number): Promise<void> {
  const { owner, repo } = scope;
  await callGitHub(
    CANCEL_RUN,
    scope.octokit.request(CANCEL_RUN, { owner, repo, run_id: runId }),
    on(409, undefined),
  );
}

/** Answers the App's custom deployment protection rule for a run. 1 call. */
export async function reviewDeploymentProtectionRule(
  scope: GitHubScope,
  runId: number,
  environment: string,
  state: "approved" | "rejected",
  comment: string,
): Promise<void> {
  const { owner, repo } = scope;
  await callGitHub(
    REVIEW_RULE,
    scope.octokit.request(REVIEW_RULE, {
      owner,
      repo,
      run_id: runId,
      environment_name: environment,
      state,
      comment: comment.slice(0, 1024),
    }),
  );
}
