import { prepareCheckRun } from "../check-run-rules.js";
import type { CheckRunAnnotation, CheckRunInput } from "../platform.js";
import { callGitHub } from "./call-github.js";
import type { GitHubScope } from "./github-client.js";

const LIST_FOR_REF = "GET /repos/{owner}/{repo}/commits/{ref}/check-runs";
const CREATE = "POST /repos/{owner}/{repo}/check-runs";
const UPDATE = "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}";

/** Check run ids this platform created or found, by head SHA and name: a second upsert skips the look-up. */
export type CheckRunIds = Map<string, number>;

/**
 * Creates the named check run on the commit, or updates the one there. Calls: the look-up (skipped when the input
 * brings the run's `knownId`, and made once per SHA and name per platform instance), one create or update carrying
 * the first 50 annotations, and one more update per further 50 annotations.
 */
export async function upsertCheckRun(
  scope: GitHubScope,
  ids: CheckRunIds,
  input: CheckRunInput,
): Promise<number> {
  const prepared = prepareCheckRun(input);
  const [first = [], ...rest] = prepared.annotationBatches;
  const key = `${input.headSha}\u0000${input.name}`;
  const fields = {
    status: input.status,
    ...(input.conclusion === undefined ? {} : { conclusion: input.conclusion }),
    ...(input.detailsUrl === undefined ? {} : { details_url: input.detailsUrl }),
    ...(input.externalId === undefined ? {} : { external_id: input.externalId }),
    output: output(input, first),
  };
  const actions = prepared.actions.map((action) => ({ ...action }));
  // An update without `actions` keeps the buttons the check run had: none now means an empty list.
  let id = input.knownId;
  if (id !== undefined) await update(scope, id, { ...fields, actions });
  else {
    const known =
      ids.get(key) ?? (input.knownAbsent ? undefined : await findCheckRun(scope, input.name, input.headSha));
    if (known === undefined) {
      const { owner, repo, octokit } = scope;
      const created = await callGitHub(
        CREATE,
        octokit.request(CREATE, {
          owner,
          repo,
          name: input.name,
          head_sha: input.headSha,
          ...fields,
          ...(actions.length === 0 ? {} : { actions }),
        }),
      );
      id = Number(created.data.id);
    } else {
      await update(scope, known, { ...fields, actions });
      id = known;
    }
  }
  ids.set(key, id);
  for (const batch of rest) await update(scope, id, { output: output(input, batch) });
  return id;
}

async function findCheckRun(scope: GitHubScope, name: string, sha: string): Promise<number | undefined> {
  const { owner, repo, octokit, options } = scope;
  const response = await callGitHub(
    LIST_FOR_REF,
    octokit.request(LIST_FOR_REF, {
      owner,
      repo,
      ref: sha,
      check_name: name,
      filter: "latest",
      ...(options.appId === undefined ? {} : { app_id: options.appId }),
    }),
  );
  const found = response.data.check_runs[0];
  return found === undefined ? undefined : Number(found.id);
}

function output(input: CheckRunInput, annotations: readonly CheckRunAnnotation[]) {
  return {
    title: input.title,
    summary: input.summary,
    ...(input.text === undefined ? {} : { text: input.text }),
    ...(annotations.length === 0
      ? {}
      : { annotations: annotations.map((annotation) => ({ ...annotation })) }),
  };
}

async function update(scope: GitHubScope, id: number, fields: Record<string, unknown>): Promise<void> {
  const { owner, repo, octokit } = scope;
  await callGitHub(UPDATE, octokit.request(UPDATE, { owner, repo, check_run_id: id, ...fields }));
}
