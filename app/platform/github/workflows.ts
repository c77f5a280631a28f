import { LIMITS } from "../../contracts/limits.js";
import { unpackArtifactZip } from "../artifact-zip.js";
import { checkDispatchInputs } from "../input-rules.js";
import type { DispatchedRun, WorkflowArtifact } from "../platform.js";
import { callGitHub } from "./call-github.js";
import { downloadCapped } from "./download-capped.js";
import { GitHubApiError } from "./github-api-error.js";
import type { GitHubScope } from "./github-client.js";

const DISPATCH = "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches";
const LIST_ARTIFACTS = "GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts";
const DOWNLOAD = "GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}";

/**
 * Starts a workflow_dispatch run of `.github/workflows/<file>` on `ref`, asking GitHub for the run it started
 * (`return_run_details`); a GitHub that answers 204 without it leaves the run to be found by its nonce. 1 call.
 */
export async function dispatchWorkflow(
  scope: GitHubScope,
  file: string,
  ref: string,
  inputs: Readonly<Record<string, string>>,
): Promise<DispatchedRun> {
  checkDispatchInputs(inputs);
  const { owner, repo } = scope;
  const response = await callGitHub(
    DISPATCH,
    scope.octokit.request(DISPATCH, {
      owner,
      repo,
      workflow_id: file,
      ref,
      inputs: { ...inputs },
      return_run_details: true,
    }),
  );
  const data = (response as { data?: { workflow_run_id?: number; html_url?: string } }).data;
  return {
    ...(typeof data?.workflow_run_id === "number" ? { runId: data.workflow_run_id } : {}),
    ...(typeof data?.html_url === "string" ? { htmlUrl: data.html_url } : {}),
  };
}

/** The artifacts of a workflow run (the first 100, far more than a run of ours uploads). 1 call. */
export async function listRunArtifacts(
  scope: GitHubScope,
  runId: number,
): Promise<readonly WorkflowArtifact[]> {
  const { owner, repo } = scope;
  const response = await callGitHub(
    LIST_ARTIFACTS,
    scope.octokit.request(LIST_ARTIFACTS, { owner, repo, run_id: runId, per_page: 100 }),
  );
  return response.data.artifacts.map((artifact) => ({
    id: Number(artifact.id),
    name: artifact.name,
    expired: artifact.expired,
  }));
}

/**
 * The files of an artifact. GitHub answers the API call with a 302 to a short-lived signed address; the archive is
 * fetched from there without our token, at most the size limit, and unpacked. 1 API call and 1 download.
 */
export async function downloadArtifact(
  scope: GitHubScope,
  artifactId: number,
): Promise<ReadonlyMap<string, Uint8Array>> {
  const { owner, repo, options } = scope;
  const limit = options.artifactLimit ?? LIMITS.artifactArchiveBytes;
  const response = await callGitHub(
    DOWNLOAD,
    scope.octokit.request(DOWNLOAD, {
      owner,
      repo,
      artifact_id: artifactId,
      archive_format: "zip",
      request: { redirect: "manual" },
    }),
  );
  const location = response.headers.location;
  if (response.status !== 302 || location === undefined) {
    const [method = "", route = ""] = DOWNLOAD.split(" ");
    throw new GitHubApiError(method, route, response.status, "no redirect to the archive", undefined);
  }
  const zip = await downloadCapped(options.fetch ?? fetch, location, String(artifactId), limit);
  return unpackArtifactZip(String(artifactId), zip, limit);
}
