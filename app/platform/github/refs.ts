import { refPath } from "../input-rules.js";
import { callGitHub, on } from "./call-github.js";
import type { GitHubScope } from "./github-client.js";

const CREATE_REF = "POST /repos/{owner}/{repo}/git/refs";
const GET_REF = "GET /repos/{owner}/{repo}/git/ref/{ref}";
const UPDATE_REF = "PATCH /repos/{owner}/{repo}/git/refs/{ref}";
const DELETE_REF = "DELETE /repos/{owner}/{repo}/git/refs/{ref}";

const EXISTS = /already exists/i;
const MISSING = /does not exist|not found/i;

/** Creates `ref` (fully qualified) at `sha`; false when it exists already (422). The lock primitive. 1 call. */
export async function createRef(scope: GitHubScope, ref: string, sha: string): Promise<boolean> {
  refPath("createRef", ref);
  const { owner, repo } = scope;
  return callGitHub(
    CREATE_REF,
    scope.octokit.request(CREATE_REF, { owner, repo, ref, sha }).then(() => true),
    on(422, false, EXISTS),
  );
}

/** The SHA `ref` points at, or undefined (404). 1 call. */
export async function getRef(scope: GitHubScope, ref: string): Promise<string | undefined> {
  const { owner, repo } = scope;
  const response = await callGitHub(
    GET_REF,
    scope.octokit.request(GET_REF, { owner, repo, ref: refPath("getRef", ref) }),
    on(404, undefined),
  );
  return response?.data.object.sha;
}

/**
 * Points `ref` at `sha` whatever it pointed at. 1 call when the ref exists; 2 when it does not (GitHub answers the
 * update with 422 and it is created); 3 when another writer created it in between.
 */
export async function setRef(scope: GitHubScope, ref: string, sha: string): Promise<void> {
  if (await updateRef(scope, ref, sha)) return;
  if (await createRef(scope, ref, sha)) return;
  if (!(await updateRef(scope, ref, sha))) throw new Error(`setRef: ${ref} vanished while it was being set`);
}

async function updateRef(scope: GitHubScope, ref: string, sha: string): Promise<boolean> {
  const { owner, repo } = scope;
  return callGitHub(
    UPDATE_REF,
    scope.octokit
      .request(UPDATE_REF, { owner, repo, ref: refPath("setRef", ref), sha, force: true })
      .then(() => true),
    on([404, 422], false, MISSING),
  );
}

/** Deletes `ref`; false when it was not there (GitHub answers 422 "Reference does not exist", or 404). 1 call. */
export async function deleteRef(scope: GitHubScope, ref: string): Promise<boolean> {
  const { owner, repo } = scope;
  return callGitHub(
    DELETE_REF,
    scope.octokit.request(DELETE_REF, { owner, repo, ref: refPath("deleteRef", ref) }).then(() => true),
    on([404, 422], false, MISSING),
  );
}
