import type { FileChange } from "../platform.js";
import { callGitHub, on } from "./call-github.js";
import type { GitHubScope } from "./github-client.js";

const GET_BRANCH = "GET /repos/{owner}/{repo}/branches/{branch}";
const CREATE_TREE = "POST /repos/{owner}/{repo}/git/trees";
const CREATE_COMMIT = "POST /repos/{owner}/{repo}/git/commits";
const CREATE_REF = "POST /repos/{owner}/{repo}/git/refs";
const UPDATE_REF = "PATCH /repos/{owner}/{repo}/git/refs/{ref}";

export interface CommitFilesInput {
  readonly branch: string;
  readonly base: string;
  readonly message: string;
  readonly files: readonly FileChange[];
}

/**
 * One commit made from one tree on top of `base`, with `branch` pointing at it. 4 calls when the branch is new:
 * the base branch (its commit and that commit's tree in one answer), the tree, the commit, the ref. 5 when the
 * branch exists: creating its ref answers 422 and it is moved with force instead.
 */
export async function commitFiles(
  scope: GitHubScope,
  input: CommitFilesInput,
): Promise<{ readonly sha: string; readonly branchCreated: boolean }> {
  const { owner, repo, octokit } = scope;
  const base = await callGitHub(GET_BRANCH, octokit.request(GET_BRANCH, { owner, repo, branch: input.base }));
  const baseSha = base.data.commit.sha;
  const tree = await callGitHub(
    CREATE_TREE,
    octokit.request(CREATE_TREE, {
      owner,
      repo,
      base_tree: base.data.commit.commit.tree.sha,
      tree: input.files.map((file) =>
        file.content === null
          ? { path: file.path, mode: "100644" as const, type: "blob" as const, sha: null }
          : { path: file.path, mode: "100644" as const, type: "blob" as const, content: file.content },
      ),
    }),
  );
  const commit = await callGitHub(
    CREATE_COMMIT,
    octokit.request(CREATE_COMMIT, {
      owner,
      repo,
      message: input.message,
      tree: tree.data.sha,
      parents: [baseSha],
    }),
  );
  const sha = commit.data.sha;
  const created = await callGitHub(
    CREATE_REF,
    octokit.request(CREATE_REF, { owner, repo, ref: `refs/heads/${input.branch}`, sha }).then(() => true),
    on(422, false, /already exists/i),
  );
  if (!created) {
    await callGitHub(
      UPDATE_REF,
      octokit.request(UPDATE_REF, { owner, repo, ref: `heads/${input.branch}`, sha, force: true }),
    );
  }
  return { sha, branchCreated: created };
}
