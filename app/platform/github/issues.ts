import { UNEXPECTED, callGitHub } from "./call-github.js";
import type { GitHubScope } from "./github-client.js";

const SET_LABELS = "PUT /repos/{owner}/{repo}/issues/{issue_number}/labels";
const REMOVE_LABELS = "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels";
const CREATE_LABEL = "POST /repos/{owner}/{repo}/labels";
const UPDATE_ISSUE = "PATCH /repos/{owner}/{repo}/issues/{issue_number}";

/**
 * Replaces an issue's or pull request's labels (GitHub creates the ones the repository lacks). 1 call. An empty
 * list removes them all, with DELETE: GitHub's description of PUT wants at least one label.
 */
export async function setLabels(scope: GitHubScope, issue: number, labels: readonly string[]): Promise<void> {
  const { owner, repo, octokit } = scope;
  if (labels.length === 0) {
    await callGitHub(REMOVE_LABELS, octokit.request(REMOVE_LABELS, { owner, repo, issue_number: issue }));
    return;
  }
  await callGitHub(
    SET_LABELS,
    octokit.request(SET_LABELS, { owner, repo, issue_number: issue, labels: [...labels] }),
  );
}

/** Creates the label; GitHub's 422 already_exists means it is there. 1 call. */
export async function ensureLabel(
  scope: GitHubScope,
  name: string,
  color: string,
  description: string,
): Promise<void> {
  const { owner, repo } = scope;
  await callGitHub(
    CREATE_LABEL,
    scope.octokit.request(CREATE_LABEL, { owner, repo, name, color: color.replace(/^#/, ""), description }),
    (failure) =>
      failure.status === 422 && failure.codes.includes("already_exists") ? undefined : UNEXPECTED,
  );
}

/** 1 call. */
export async function closeIssue(
  scope: GitHubScope,
  issue: number,
  reason: "completed" | "not_planned",
): Promise<void> {
  const { owner, repo } = scope;
  await callGitHub(
    UPDATE_ISSUE,
    scope.octokit.request(UPDATE_ISSUE, {
      owner,
      repo,
      issue_number: issue,
      state: "closed",
      state_reason: reason,
    }),
  );
}
