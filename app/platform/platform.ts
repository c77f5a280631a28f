import type { Permission } from "../conductor/approval-gate.js";
import type { RunFacts } from "../conductor/run-trust.js";

export interface RepoRef {
  readonly owner: string;
  readonly repo: string;
}

export interface PullRequest {
  readonly number: number;
  readonly url: string;
  readonly headSha: string;
  readonly headRef: string;
  readonly baseRef: string;
  readonly title: string;
  readonly body: string;
  readonly state: "open" | "closed";
  readonly merged: boolean;
  readonly labels: readonly string[];
  readonly author: string;
}

/** A file to write (content) or delete (null) in a commit. */
export interface FileChange {
  readonly path: string;
  readonly content: string | null;
}

export interface Comment {
  readonly id: number;
  readonly body: string;
}

export interface CheckRunAnnotation {
  readonly path: string;
  readonly start_line: number;
  readonly end_line: number;
  readonly annotation_level: "notice" | "warning" | "failure";
  readonly message: string;
  readonly title?: string;
}

export interface CheckRunAction {
  /** At most 20 characters. */
  readonly label: string;
  /** At most 40 characters. */
  readonly description: string;
  /** At most 20 characters; sent back in check_run.requested_action. */
  readonly identifier: string;
}

export interface CheckRunInput {
  readonly name: string;
  readonly headSha: string;
  readonly status: "queued" | "in_progress" | "completed";
  readonly conclusion?:
    "action_required" | "cancelled" | "failure" | "neutral" | "success" | "skipped" | "timed_out";
  readonly title: string;
  /** At most 65,535 characters: cut it with app/render/limits before it gets here. */
  readonly summary: string;
  readonly text?: string;
  readonly detailsUrl?: string;
  readonly externalId?: string;
  /** Any number: the implementation sends them in batches of at most 50. */
  readonly annotations?: readonly CheckRunAnnotation[];
  readonly actions?: readonly CheckRunAction[];
  /**
   * The id of this check run on this commit, when the caller remembers it from an earlier delivery: the
   * implementation updates that run without looking it up.
   */
  readonly knownId?: number;
  /** The caller knows there is no such check run on this commit yet (it never wrote one): create it, no look-up. */
  readonly knownAbsent?: boolean;
}

export interface WorkflowArtifact {
  readonly id: number;
  readonly name: string;
  readonly expired: boolean;
}

/** What GitHub says about a workflow run: who started it, from where, and how it ended. Facts, not input. */
export interface WorkflowRunInfo extends RunFacts {
  readonly status: string | null;
  readonly conclusion: string | null;
  readonly htmlUrl: string;
  readonly runStartedAt?: string;
}

/** What a dispatch started, when GitHub says (`return_run_details`). */
export interface DispatchedRun {
  readonly runId?: number;
  readonly htmlUrl?: string;
}

/**
 * Everything the Conductor does on its code host, for one repository. GitHub is one implementation
 * (app/platform/github/); a fake serves tests and dry runs. Reads return undefined for "not there";
 * writes are idempotent where the name says `ensure` or `upsert`.
 */
export interface Platform {
  readonly repo: RepoRef;

  /** The repository's default branch. */
  getDefaultBranch(): Promise<string>;
  /** A file's text at a ref (default branch when omitted), or undefined when absent. */
  readFile(path: string, ref?: string): Promise<string | undefined>;
  /** The commit SHA a branch points at, or undefined when the branch does not exist. */
  getBranchSha(branch: string): Promise<string | undefined>;
  /**
   * Writes all changes onto `branch` as one commit made from one tree on top of `base` (a branch name). The branch
   * is created, or moved to the new commit when it exists (force), so re-running gives the same single commit.
   */
  commitFiles(input: {
    readonly branch: string;
    readonly base: string;
    readonly message: string;
    readonly files: readonly FileChange[];
  }): Promise<{ readonly sha: string; readonly branchCreated: boolean }>;

  findOpenPullRequest(branch: string): Promise<PullRequest | undefined>;
  getPullRequest(number: number): Promise<PullRequest>;
  createPullRequest(input: {
    readonly branch: string;
    readonly base: string;
    readonly title: string;
    readonly body: string;
  }): Promise<PullRequest>;
  updatePullRequest(
    number: number,
    input: { readonly title?: string; readonly body?: string },
  ): Promise<void>;
  /** Merges at exactly `sha`; a PR whose head moved is not merged. */
  mergePullRequest(
    number: number,
    sha: string,
    method: "merge" | "squash" | "rebase",
  ): Promise<{ readonly merged: boolean; readonly message: string }>;
  /** The pull requests a commit belongs to. */
  pullRequestsForCommit(sha: string): Promise<readonly PullRequest[]>;

  /** Replaces an issue's or PR's labels. */
  setLabels(issue: number, labels: readonly string[]): Promise<void>;
  /** Creates the label if the repository lacks it. */
  ensureLabel(name: string, color: string, description: string): Promise<void>;
  /** The first comment containing `marker`, if any. */
  findComment(issue: number, marker: string): Promise<Comment | undefined>;
  /** Updates the comment containing `marker` in place, or creates it once (`known` saves the look-up). */
  ensureComment(issue: number, marker: string, body: string, known?: Comment): Promise<Comment>;
  createComment(issue: number, body: string): Promise<number>;
  addReaction(commentId: number, content: "eyes" | "+1" | "-1" | "rocket" | "confused"): Promise<void>;
  closeIssue(issue: number, reason: "completed" | "not_planned"): Promise<void>;

  /** Creates the named check run on a commit, or updates the existing one; returns its id. */
  upsertCheckRun(input: CheckRunInput): Promise<number>;

  /** The repository permission of a user (admin, maintain, write, triage, read or none). */
  getPermission(login: string): Promise<Permission>;
  isTeamMember(org: string, teamSlug: string, login: string): Promise<boolean>;

  /** Dispatches a workflow run and answers the run GitHub started for it. */
  dispatchWorkflow(
    file: string,
    ref: string,
    inputs: Readonly<Record<string, string>>,
  ): Promise<DispatchedRun>;
  /** A workflow run of this repository, or undefined when there is none with that id. */
  getWorkflowRun(runId: number): Promise<WorkflowRunInfo | undefined>;
  /**
   * The `workflow_dispatch` run of `file` created since `since` whose title ends with `n-<nonce>`: how a dispatch whose
   * run id was lost (a crash after sending it) is found again instead of being sent twice.
   */
  findDispatchedRun(file: string, nonce: string, since: string): Promise<WorkflowRunInfo | undefined>;
  cancelWorkflowRun(runId: number): Promise<void>;
  /** Answers a custom deployment protection rule for a run waiting on `environment`. */
  reviewDeploymentProtectionRule(
    runId: number,
    environment: string,
    state: "approved" | "rejected",
    comment: string,
  ): Promise<void>;
  /** The paths a pull request changes (GitHub lists at most 3,000). */
  listPullRequestFiles(number: number): Promise<readonly string[]>;
  /** A file's text and blob SHA at a ref (default branch when omitted), or undefined when absent. */
  readFileBlob(
    path: string,
    ref?: string,
  ): Promise<{ readonly text: string; readonly sha: string } | undefined>;
  listRunArtifacts(runId: number): Promise<readonly WorkflowArtifact[]>;
  /** The files inside an artifact's zip, by path. */
  downloadArtifact(artifactId: number): Promise<ReadonlyMap<string, Uint8Array>>;
}
