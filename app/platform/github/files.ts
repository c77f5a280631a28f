import { PlatformInputError } from "../platform-input-error.js";
import { callGitHub, on } from "./call-github.js";
import type { GitHubScope } from "./github-client.js";

const GET_CONTENT = "GET /repos/{owner}/{repo}/contents/{path}";
const GET_REF = "GET /repos/{owner}/{repo}/git/ref/{ref}";
const GET_REPO = "GET /repos/{owner}/{repo}";

/** A file's text at `ref` (the default branch when omitted); undefined when the file or the ref is absent. 1 call. */
export async function readFile(scope: GitHubScope, path: string, ref?: string): Promise<string | undefined> {
  return (await readFileBlob(scope, path, ref))?.text;
}

/** A file's text and blob SHA at `ref`; undefined when absent. 1 call. */
export async function readFileBlob(
  scope: GitHubScope,
  path: string,
  ref?: string,
): Promise<{ text: string; sha: string } | undefined> {
  const { owner, repo } = scope;
  const params = ref === undefined ? { owner, repo, path } : { owner, repo, path, ref };
  const response = await callGitHub(
    GET_CONTENT,
    scope.octokit.request(GET_CONTENT, params),
    on(404, undefined),
  );
  if (response === undefined) return undefined;
  const data = response.data;
  if (Array.isArray(data) || data.type !== "file" || !("content" in data)) {
    throw new PlatformInputError("readFile", `${path} is not a file`);
  }
  if (data.encoding !== "base64") {
    throw new PlatformInputError(
      "readFile",
      `${path} is too large for the contents API (encoding ${data.encoding})`,
    );
  }
  return { text: Buffer.from(data.content, "base64").toString("utf8"), sha: data.sha };
}

/** The commit a branch points at, or undefined when there is no such branch. 1 call. */
export async function getBranchSha(scope: GitHubScope, branch: string): Promise<string | undefined> {
  const { owner, repo } = scope;
  const response = await callGitHub(
    GET_REF,
    scope.octokit.request(GET_REF, { owner, repo, ref: `heads/${branch}` }),
    on(404, undefined),
  );
  return response?.data.object.sha;
}

/** The repository's default branch. 1 call. */
export async function getDefaultBranch(scope: GitHubScope): Promise<string> {
  const { owner, repo } = scope;
  const response = await callGitHub(GET_REPO, scope.octokit.request(GET_REPO, { owner, repo }));
  return response.data.default_branch;
}
