import { GOAL_FORM_BODY, J, SHAS } from "./journey-repo.js";
import { TEST_INSTALLATION_ID } from "./github-mock.js";
import { examplePayload } from "./webhook-payloads.js";
import { type ApplyInputs, applyRunName, runName } from "./workflow-run-name.js";

/**
 * The webhooks of the journeys: real example payloads from @octokit/webhooks-examples, moved to acme/infra and given
 * what GitHub would send for Infracrew's goal issue, goal PR and workflow runs.
 */

type Json = Record<string, unknown>;

const user = (login: string) => ({ login, type: login.endsWith("[bot]") ? "Bot" : "User" });
/** The repository GitHub sends with each event: acme/infra, id 1. */
export const REPOSITORY = { id: 1, default_branch: "main" };
const htmlUrl = (path: string) => `https://github.com/${J.owner}/${J.repo}/${path}`;

/** The goal issue #7, opened or edited by its author, with the labels it carries. */
export function goalIssuePayload(
  action: "opened" | "edited",
  body: string = GOAL_FORM_BODY,
  options: { readonly author?: string; readonly labels?: readonly string[] } = {},
): Json {
  const author = options.author ?? J.author;
  return examplePayload("issues", action, {
    issue: {
      number: J.issue,
      title: `Goal: ${J.stack}`,
      body,
      labels: (options.labels ?? []).map((name, id) => ({ id, name, color: "ededed" })),
      user: user(author),
      state: "open",
      html_url: htmlUrl(`issues/${J.issue}`),
    },
    sender: user(author),
    repository: REPOSITORY,
  });
}

/** A new comment on goal PR #12 (issue_comment fires for pull request conversations too). */
export function prCommentPayload(login: string, body: string, commentId: number): Json {
  return examplePayload("issue_comment", "created", {
    issue: {
      number: J.pr,
      title: `infra(${J.stack})`,
      pull_request: { url: `https://api.github.com/repos/${J.owner}/${J.repo}/pulls/${J.pr}` },
      user: user("infracrew[bot]"),
    },
    comment: {
      id: commentId,
      body,
      user: user(login),
      html_url: htmlUrl(`pull/${J.pr}#issuecomment-${commentId}`),
    },
    sender: user(login),
    repository: REPOSITORY,
  });
}

/** Goal PR #12 as pull_request webhooks carry it. */
const goalPull = (head: string, labels: readonly string[], merged: boolean) => ({
  number: J.pr,
  html_url: htmlUrl(`pull/${J.pr}`),
  title: `infra(${J.stack})`,
  body: "",
  state: merged ? "closed" : "open",
  merged,
  labels: labels.map((name, id) => ({ id, name })),
  user: user("infracrew[bot]"),
  head: { sha: head, ref: J.branch },
  base: { ref: "main" },
});

/** A push to the goal PR's branch. */
export function synchronizePayload(
  headSha: string,
  labels: readonly string[],
  before: string = SHAS.head,
  by: string = J.author,
): Json {
  return examplePayload("pull_request", "synchronize", {
    number: J.pr,
    before,
    after: headSha,
    pull_request: goalPull(headSha, labels, false),
    sender: user(by),
    repository: REPOSITORY,
  });
}

/** The goal PR merged (by the app, after its apply). */
export function mergedPayload(headSha: string, labels: readonly string[]): Json {
  return closedPayload(headSha, labels, { merged: true, by: "infracrew[bot]" });
}

/** The goal PR closed by a person (merged or not). */
export function closedPayload(
  headSha: string,
  labels: readonly string[],
  options: { readonly merged: boolean; readonly by: string },
): Json {
  return examplePayload("pull_request", "closed", {
    number: J.pr,
    pull_request: goalPull(headSha, labels, options.merged),
    sender: user(options.by),
    repository: REPOSITORY,
  });
}

export interface RunFields {
  readonly id: number;
  readonly action?: "completed" | "in_progress";
  readonly conclusion?: "success" | "failure" | "timed_out" | null;
  readonly headSha?: string;
  readonly startedAt?: string;
  /** Who started the run (default: the App for a dispatch, the pusher for a pull_request run). */
  readonly actor?: string;
  /** Who started this attempt (a person re-running it); default the actor. */
  readonly triggeringActor?: string;
  readonly attempt?: number;
  /** The branch the run ran on (default: the PR branch, or the default branch for a dispatch). */
  readonly branch?: string;
  /** The repository whose code ran (a fork has its own id). */
  readonly headRepositoryId?: number;
}

const workflowRun = (file: string, event: string, run: RunFields, over: Json): Json =>
  examplePayload("workflow_run", "completed", {
    action: run.action ?? "completed",
    workflow_run: {
      id: run.id,
      name: file === "infracrew-plan.yml" ? "Infracrew plan" : "Infracrew apply",
      path: `.github/workflows/${file}`,
      event,
      status: run.action === "in_progress" ? "in_progress" : "completed",
      conclusion: run.action === "in_progress" ? null : (run.conclusion ?? "success"),
      html_url: htmlUrl(`actions/runs/${run.id}`),
      run_started_at: run.startedAt ?? "2026-11-27T12:00:00Z",
      run_attempt: run.attempt ?? 1,
      repository: { id: REPOSITORY.id },
      head_repository: { id: run.headRepositoryId ?? REPOSITORY.id },
      ...over,
    },
    repository: REPOSITORY,
  });

/** Who started a run, and who started this attempt of it. */
function actors(run: RunFields, byDefault: string): Json {
  const actor = run.actor ?? byDefault;
  return { actor: user(actor), triggering_actor: user(run.triggeringActor ?? actor) };
}

/** Goal PR #12 as workflow runs and check runs list their pull requests. */
const goalPrRef = (head: string) => {
  const repo = { id: 1, name: J.repo, url: `https://api.github.com/repos/${J.owner}/${J.repo}` };
  return {
    id: 1,
    number: J.pr,
    url: `${repo.url}/pulls/${J.pr}`,
    head: { ref: J.branch, sha: head, repo },
    base: { ref: "main", sha: SHAS.main, repo },
  };
};

/** The plan workflow's run on a push to the goal PR (a pull_request run lists the PR); titled by its run-name. */
export function planRunPayload(run: RunFields): Json {
  const head = run.headSha ?? SHAS.head;
  const github = { head_ref: J.branch, event: { pull_request: { number: J.pr, head: { sha: head } } } };
  return workflowRun("infracrew-plan.yml", "pull_request", run, {
    head_sha: head,
    head_branch: run.branch ?? J.branch,
    ...actors(run, J.author),
    display_title: runName("infracrew-plan.yml", { github }),
    pull_requests: [goalPrRef(head)],
  });
}

/** The plan workflow's run that `/plan` dispatched: on the default branch, no pull request, titled by its inputs. */
export function planDispatchRunPayload(inputs: Readonly<Record<string, string>>, run: RunFields): Json {
  return workflowRun("infracrew-plan.yml", "workflow_dispatch", run, {
    head_sha: SHAS.main,
    head_branch: run.branch ?? "main",
    ...actors(run, "infracrew[bot]"),
    display_title: runName("infracrew-plan.yml", { inputs }),
    pull_requests: [],
  });
}

/**
 * The apply workflow's run for the inputs the Conductor dispatched. A workflow_dispatch run lists no pull request and
 * runs on the default branch; its title is the template's `run-name` evaluated with the inputs, as GitHub does.
 */
export function applyRunPayload(inputs: ApplyInputs, run: RunFields): Json {
  return workflowRun("infracrew-apply.yml", "workflow_dispatch", run, {
    head_sha: SHAS.main,
    head_branch: run.branch ?? "main",
    ...actors(run, "infracrew[bot]"),
    display_title: applyRunName(inputs),
    pull_requests: [],
  });
}

/** A click on one of the Infracrew / Conductor check run's buttons. */
export function checkRunActionPayload(identifier: string, login: string, headSha: string = SHAS.head): Json {
  return examplePayload("check_run", "requested_action", {
    check_run: {
      id: 502,
      name: "Infracrew / Conductor",
      head_sha: headSha,
      pull_requests: [goalPrRef(headSha)],
    },
    requested_action: { identifier },
    sender: user(login),
    repository: REPOSITORY,
  });
}

/** The App installed on the organisation, with acme/infra selected. */
export function installationPayload(): Json {
  return examplePayload("installation", "created", {
    repositories: [{ id: 1, node_id: "R_1", name: J.repo, full_name: `${J.owner}/${J.repo}`, private: true }],
    sender: user("octo-admin"),
  });
}

/**
 * GitHub asking the App's custom deployment protection rule about run `runId` entering `environment`. No example of
 * this event ships with @octokit/webhooks-examples: its fields follow GitHub's webhook description (x-webhooks
 * deployment-protection-rule-requested), which test/contract/webhook-payloads.test.ts checks it against.
 */
export function protectionRulePayload(runId: number, environment = "infracrew-apply"): Json {
  return {
    action: "requested",
    environment,
    event: "workflow_dispatch",
    sha: SHAS.main,
    ref: "refs/heads/main",
    deployment_callback_url: `https://api.github.com/repos/${J.owner}/${J.repo}/actions/runs/${runId}/deployment_protection_rule`,
    deployment: {
      url: `https://api.github.com/repos/${J.owner}/${J.repo}/deployments/1`,
      id: 1,
      node_id: "DE_1",
      sha: SHAS.main,
      ref: "main",
      task: "deploy",
      payload: {},
      original_environment: environment,
      environment,
      description: null,
      creator: { login: "github-actions[bot]", id: 41898282, type: "Bot" },
      created_at: "2026-11-27T12:15:30Z",
      updated_at: "2026-11-27T12:15:30Z",
      statuses_url: `https://api.github.com/repos/${J.owner}/${J.repo}/deployments/1/statuses`,
      repository_url: `https://api.github.com/repos/${J.owner}/${J.repo}`,
      transient_environment: false,
      production_environment: true,
    },
    pull_requests: [],
    repository: {
      id: REPOSITORY.id,
      name: J.repo,
      full_name: `${J.owner}/${J.repo}`,
      default_branch: "main",
      owner: { login: J.owner },
      html_url: `https://github.com/${J.owner}/${J.repo}`,
    },
    installation: { id: TEST_INSTALLATION_ID, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI0Mg==" },
    sender: user("github-actions[bot]"),
  };
}

/** An issue comment edited or deleted by `login` (the sticky comment, when `commentId` is its id). */
export function commentChangedPayload(
  action: "edited" | "deleted",
  login: string,
  commentId: number,
  body: string,
): Json {
  return examplePayload("issue_comment", action, {
    issue: {
      number: J.pr,
      title: `infra(${J.stack})`,
      pull_request: { url: `https://api.github.com/repos/${J.owner}/${J.repo}/pulls/${J.pr}` },
      user: user("infracrew[bot]"),
    },
    comment: { id: commentId, body, user: user("infracrew[bot]") },
    sender: user(login),
    repository: REPOSITORY,
  });
}

/** A label taken off goal PR #12 by `login`. */
export function unlabeledPayload(
  label: string,
  login: string,
  head: string,
  labels: readonly string[],
): Json {
  return examplePayload("pull_request", "unlabeled", {
    number: J.pr,
    label: { id: 9, name: label, color: "1d76db" },
    pull_request: goalPull(head, labels, false),
    sender: user(login),
    repository: REPOSITORY,
  });
}
