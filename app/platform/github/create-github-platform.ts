import type { DeploymentEnvironments } from "../environments.js";
import type { Platform, RepoRef } from "../platform.js";
import { getPermission, isTeamMember } from "./access.js";
import { type CheckRunIds, upsertCheckRun } from "./check-runs.js";
import { addReaction, createComment, ensureComment, findComment } from "./comments.js";
import { commitFiles } from "./commit-files.js";
import { enableAppProtectionRule, ensureDeploymentEnvironment } from "./environments.js";
import { getBranchSha, getDefaultBranch, readFile, readFileBlob } from "./files.js";
import type { GitHubClient, GitHubPlatformOptions, GitHubScope } from "./github-client.js";
import { closeIssue, ensureLabel, setLabels } from "./issues.js";
import {
  createPullRequest,
  findOpenPullRequest,
  getPullRequest,
  listPullRequestFiles,
  mergePullRequest,
  pullRequestsForCommit,
  updatePullRequest,
} from "./pull-requests.js";
import {
  cancelWorkflowRun,
  findDispatchedRun,
  getWorkflowRun,
  reviewDeploymentProtectionRule,
} from "./runs.js";
import { dispatchWorkflow, downloadArtifact, listRunArtifacts } from "./workflows.js";

/** The Platform on GitHub, plus what the Conductor may ask of it next, and onboarding's environments. */
export interface GitHubPlatform extends Platform, DeploymentEnvironments {
  /** The repository's default branch (read once per platform instance). */
  getDefaultBranch(): Promise<string>;
}

/**
 * The Platform for one repository on GitHub, over the Octokit Probot gives a webhook handler (`context.octokit`).
 * Make one per delivery: it remembers check run ids and the default branch for its lifetime.
 */
export function createGitHubPlatform(
  octokit: GitHubClient,
  repo: RepoRef,
  options: GitHubPlatformOptions = {},
): GitHubPlatform {
  const scope: GitHubScope = { octokit, owner: repo.owner, repo: repo.repo, options };
  const checkRunIds: CheckRunIds = new Map();
  let defaultBranch: Promise<string> | undefined;
  return {
    repo: { owner: repo.owner, repo: repo.repo },
    getDefaultBranch: () => (defaultBranch ??= getDefaultBranch(scope)),
    readFile: (path, ref) => readFile(scope, path, ref),
    readFileBlob: (path, ref) => readFileBlob(scope, path, ref),
    getBranchSha: (branch) => getBranchSha(scope, branch),
    commitFiles: (input) => commitFiles(scope, input),
    findOpenPullRequest: (branch) => findOpenPullRequest(scope, branch),
    getPullRequest: (number) => getPullRequest(scope, number),
    createPullRequest: (input) => createPullRequest(scope, input),
    updatePullRequest: (number, input) => updatePullRequest(scope, number, input),
    mergePullRequest: (number, sha, method) => mergePullRequest(scope, number, sha, method),
    pullRequestsForCommit: (sha) => pullRequestsForCommit(scope, sha),
    setLabels: (issue, labels) => setLabels(scope, issue, labels),
    ensureLabel: (name, color, description) => ensureLabel(scope, name, color, description),
    findComment: (issue, marker) => findComment(scope, issue, marker),
    ensureComment: (issue, marker, body, known) => ensureComment(scope, issue, marker, body, known),
    createComment: (issue, body) => createComment(scope, issue, body),
    addReaction: (commentId, content) => addReaction(scope, commentId, content),
    closeIssue: (issue, reason) => closeIssue(scope, issue, reason),
    upsertCheckRun: (input) => upsertCheckRun(scope, checkRunIds, input),
    getPermission: (login) => getPermission(scope, login),
    isTeamMember: (org, team, login) => isTeamMember(scope, org, team, login),
    dispatchWorkflow: (file, ref, inputs) => dispatchWorkflow(scope, file, ref, inputs),
    listRunArtifacts: (runId) => listRunArtifacts(scope, runId),
    downloadArtifact: (artifactId) => downloadArtifact(scope, artifactId),
    getWorkflowRun: (runId) => getWorkflowRun(scope, runId),
    findDispatchedRun: (file, nonce, since) => findDispatchedRun(scope, file, nonce, since),
    cancelWorkflowRun: (runId) => cancelWorkflowRun(scope, runId),
    reviewDeploymentProtectionRule: (runId, environment, state, comment) =>
      reviewDeploymentProtectionRule(scope, runId, environment, state, comment),
    listPullRequestFiles: (number) => listPullRequestFiles(scope, number),
    ensureDeploymentEnvironment: (name, branch) => ensureDeploymentEnvironment(scope, name, branch),
    enableAppProtectionRule: (name) => enableAppProtectionRule(scope, name),
  };
}
