import type { PullRequest } from "../platform.js";
import { UNEXPECTED, callGitHub } from "./call-github.js";
import type { GitHubScope } from "./github-client.js";

const LIST_PULLS = "GET /repos/{owner}/{repo}/pulls";
const GET_PULL = "GET /repos/{owner}/{repo}/pulls/{pull_number}";
const CREATE_PULL = "POST /repos/{owner}/{repo}/pulls";
const UPDATE_PULL = "PATCH /repos/{owner}/{repo}/pulls/{pull_number}";
const MERGE_PULL = "PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge";
const PULLS_FOR_COMMIT = "GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls";
const LIST_FILES = "GET /repos/{owner}/{repo}/pulls/{pull_number}/files";
/** GitHub lists at most 3,000 files of a pull request, 100 a page. */
const MAX_FILE_PAGES = 30;

/** The fields we read, common to GitHub's full and list shapes of a pull request and to the webhook's pull_request. */
interface PullData {
  readonly number: number;
  readonly html_url: string;
  readonly head: { readonly sha: string; readonly ref: string };
  readonly base: { readonly ref: string };
  readonly title: string;
  readonly body: string | null;
  readonly state: string;
  readonly merged_at: string | null;
  readonly labels: readonly { readonly name?: string }[];
  readonly user: { readonly login: string } | null;
}

export function toPullRequest(data: PullData): PullRequest {
  return {
    number: data.number,
    url: data.html_url,
    headSha: data.head.sha,
    headRef: data.head.ref,
    baseRef: data.base.ref,
    title: data.title,
    body: data.body ?? "",
    state: data.state === "open" ? "open" : "closed",
    merged: data.merged_at !== null,
    labels: data.labels.flatMap((label) => (label.name === undefined ? [] : [label.name])),
    author: data.user?.login ?? "",
  };
}

/** The open pull request from `branch` of this repository, if any. 1 call. */
export async function findOpenPullRequest(
  scope: GitHubScope,
  branch: string,
): Promise<PullRequest | undefined> {
  const { owner, repo } = scope;
  const response = await callGitHub(
    LIST_PULLS,
    scope.octokit.request(LIST_PULLS, { owner, repo, head: `${owner}:${branch}`, state: "open" }),
  );
  const first = response.data[0];
  return first === undefined ? undefined : toPullRequest(first);
}

/** 1 call. */
export async function getPullRequest(scope: GitHubScope, number: number): Promise<PullRequest> {
  const { owner, repo } = scope;
  const response = await callGitHub(
    GET_PULL,
    scope.octokit.request(GET_PULL, { owner, repo, pull_number: number }),
  );
  return toPullRequest(response.data);
}

/** 1 call. */
export async function createPullRequest(
  scope: GitHubScope,
  input: { readonly branch: string; readonly base: string; readonly title: string; readonly body: string },
): Promise<PullRequest> {
  const { owner, repo } = scope;
  const response = await callGitHub(
    CREATE_PULL,
    scope.octokit.request(CREATE_PULL, {
      owner,
      repo,
      head: input.branch,
      base: input.base,
      title: input.title,
      body: input.body,
    }),
  );
  return toPullRequest(response.data);
}

/** 1 call, or none when there is nothing to change. */
export async function updatePullRequest(
  scope: GitHubScope,
  number: number,
  input: { readonly title?: string; readonly body?: string },
): Promise<void> {
  if (input.title === undefined && input.body === undefined) return;
  const { owner, repo } = scope;
  await callGitHub(
    UPDATE_PULL,
    scope.octokit.request(UPDATE_PULL, { owner, repo, pull_number: number, ...input }),
  );
}

/** Merges at exactly `sha`. GitHub's 405 (not mergeable) and 409 (the head moved) are answers, not faults. 1 call. */
export async function mergePullRequest(
  scope: GitHubScope,
  number: number,
  sha: string,
  method: "merge" | "squash" | "rebase",
): Promise<{ readonly merged: boolean; readonly message: string }> {
  const { owner, repo } = scope;
  return callGitHub(
    MERGE_PULL,
    scope.octokit
      .request(MERGE_PULL, { owner, repo, pull_number: number, sha, merge_method: method })
      .then((response) => ({ merged: response.data.merged, message: response.data.message })),
    (failure) =>
      failure.status === 405 || failure.status === 409
        ? { merged: false, message: failure.message }
        : UNEXPECTED,
  );
}

/** The pull requests a commit belongs to (open ones with it, and the merged one that brought it in). 1 call. */
export async function pullRequestsForCommit(
  scope: GitHubScope,
  sha: string,
): Promise<readonly PullRequest[]> {
  const { owner, repo } = scope;
  const response = await callGitHub(
    PULLS_FOR_COMMIT,
    scope.octokit.request(PULLS_FOR_COMMIT, { owner, repo, commit_sha: sha }),
  );
  return response.data.map(toPullRequest);
}

/** The paths a pull request changes (renames give both). 1 call per 100 files, at most 30. */
export async function listPullRequestFiles(scope: GitHubScope, number: number): Promise<readonly string[]> {
  const { owner, repo } = scope;
  const paths: string[] = [];
  for (let page = 1; page <= MAX_FILE_PAGES; page++) {
    const response = await callGitHub(
      LIST_FILES,
      scope.octokit.request(LIST_FILES, { owner, repo, pull_number: number, per_page: 100, page }),
    );
    for (const file of response.data) {
      paths.push(file.filename);
      if (file.previous_filename) paths.push(file.previous_filename);
    }
    if (response.data.length < 100) break;
  }
  return paths;
}
