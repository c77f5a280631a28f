import { zipSync } from "fflate";
import { pullBody } from "../adapter/github-fixtures.js";
import type { GitHubMock, MockedCall } from "./github-mock.js";
import {
  J,
  ONBOARDED_CONFIG,
  PEOPLE,
  SHAS,
  commentBody,
  fileBody,
  notFound,
  refBody,
} from "./journey-repo.js";

/**
 * The GitHub requests the journeys expect, one helper per sequence that recurs. Each helper mocks exactly what one
 * step asks of GitHub (the strict mock fails a test on any request not mocked and any mock not used), and returns
 * the writes so the test can read what the app sent.
 */

export const APP_ID = 123;
/** Where the calls of acme/infra go, as `gh.calls` lists them. */
export const REPO = `/repos/${J.owner}/${J.repo}`;
export const CHECK_IDS = { "Infracrew / Sentinel": 501, "Infracrew / Conductor": 502 } as const;
type CheckName = keyof typeof CHECK_IDS;

/** Goal PR #12 as GitHub holds it at one moment. */
export interface PrOnGitHub {
  readonly head: string;
  readonly labels: readonly string[];
  readonly body?: string;
}

/** .github/infracrew.yml on the default branch: the onboarded one, another text, or none (null). */
export function mockConfig(gh: GitHubMock, text: string | null = ONBOARDED_CONFIG): void {
  const path = ".github/infracrew.yml";
  if (text === null) gh.get(`contents/${path}`).reply(404, notFound());
  else gh.get(`contents/${path}`).reply(200, fileBody(path, text));
}

export function mockGetPull(gh: GitHubMock, pr: Pick<PrOnGitHub, "head" | "labels" | "body">): void {
  gh.get(`pulls/${J.pr}`).reply(
    200,
    pullBody(J.pr, { headSha: pr.head, branch: J.branch, labels: [...pr.labels], body: pr.body ?? "" }),
  );
}

export function mockComments(
  gh: GitHubMock,
  issue: number,
  comments: readonly { id: number; body: string }[],
) {
  gh.get(`issues/${issue}/comments?per_page=100&page=1`).reply(
    200,
    comments.map((c) => commentBody(c.id, c.body)),
  );
}

/** The REST calls `mockPrContext` answers (with the PR read). */
export const PR_CONTEXT_CALLS = [
  `GET ${REPO}/pulls/12`,
  `GET ${REPO}/contents/.github/infracrew.yml`,
] as const;

/** Loading the PR context: the PR (unless the webhook carried it) and the config; the state is the store's. */
export function mockPrContext(
  gh: GitHubMock,
  pr: PrOnGitHub,
  options: { readonly pull?: boolean; readonly config?: string } = {},
): void {
  if (options.pull ?? true) mockGetPull(gh, pr);
  mockConfig(gh, options.config ?? ONBOARDED_CONFIG);
}

export function mockStickyUpdate(gh: GitHubMock): MockedCall {
  return gh.patch(`issues/comments/${J.stickyId}`).reply(200, commentBody(J.stickyId, "updated"));
}

export function mockComment(gh: GitHubMock, issue: number, id: number): MockedCall {
  return gh.post(`issues/${issue}/comments`).reply(201, commentBody(id, "posted"));
}

export function mockLabels(gh: GitHubMock, issue: number, labels: readonly string[]): MockedCall {
  return gh.put(`issues/${issue}/labels`, { labels: [...labels] }).reply(
    200,
    labels.map((name, id) => ({ id, name, color: "ededed" })),
  );
}

export function mockReaction(gh: GitHubMock, commentId: number): MockedCall {
  return gh
    .post(`issues/comments/${commentId}/reactions`, { content: "eyes" })
    .reply(201, { id: 1, content: "eyes", user: { login: "infracrew[bot]" } });
}

export function mockPermission(gh: GitHubMock, login: keyof typeof PEOPLE | string): void {
  const role = (PEOPLE as Record<string, string>)[login];
  if (role === undefined) {
    gh.get(`collaborators/${login}/permission`).reply(404, notFound());
    return;
  }
  gh.get(`collaborators/${login}/permission`).reply(200, {
    permission: role === "maintain" ? "write" : role,
    role_name: role,
    user: { login },
  });
}

/**
 * The look-up of the app's check run on a commit, then its creation, or its update when `existing`. The look-up
 * happens once per check, commit and delivery.
 */
export function mockCheckRun(
  gh: GitHubMock,
  name: CheckName,
  sha: string,
  options: { readonly existing?: boolean; readonly lookup?: boolean } = {},
): MockedCall {
  const id = CHECK_IDS[name];
  if (options.lookup ?? true) {
    gh.get(`commits/${sha}/check-runs?check_name=${name}&filter=latest&app_id=${APP_ID}`).reply(200, {
      total_count: options.existing ? 1 : 0,
      check_runs: options.existing ? [{ id, name, head_sha: sha }] : [],
    });
  }
  return options.existing
    ? gh.patch(`check-runs/${id}`).reply(200, { id, name, head_sha: sha })
    : gh.post("check-runs").reply(201, { id, name, head_sha: sha });
}

/** The REST calls of an update of the Conductor check: its id is in the store's projection, no look-up. */
export const conductorCheckUpdateCalls = () => [
  `PATCH ${REPO}/check-runs/${CHECK_IDS["Infracrew / Conductor"]}`,
];

/** The Conductor check's creation on a commit it was never written on: no look-up, the store knows. */
export const conductorCheckCreateCalls = () => [`POST ${REPO}/check-runs`];

/**
 * A run's artifact: listed (with `others` beside it, as a plan run lists its saved plan), then downloaded through
 * GitHub's 302 to a signed address.
 */
export function mockArtifact(
  gh: GitHubMock,
  runId: number,
  name: string,
  fileName: string,
  json: unknown,
  others: readonly { readonly id: number; readonly name: string }[] = [],
): void {
  const artifactId = runId * 10;
  gh.get(`actions/runs/${runId}/artifacts?per_page=100`).reply(200, {
    total_count: 1 + others.length,
    artifacts: [
      { id: artifactId, name, expired: false, size_in_bytes: 1024 },
      ...others.map((o) => ({ ...o, expired: false, size_in_bytes: 4096 })),
    ],
  });
  const signed = `https://pipelines.actions.githubusercontent.com/artifacts/${artifactId}.zip?sig=test`;
  gh.get(`actions/artifacts/${artifactId}/zip`).reply(302, undefined, { location: signed });
  gh.download(signed).reply(200, zipSync({ [fileName]: new TextEncoder().encode(JSON.stringify(json)) }));
}

/** A workflow dispatch; GitHub answers the run it started (`return_run_details`). */
export function mockDispatch(
  gh: GitHubMock,
  file: string,
  body: { readonly ref: string; readonly inputs: Readonly<Record<string, string>> },
  runId: number,
): MockedCall {
  return gh.post(`actions/workflows/${file}/dispatches`, { ...body, return_run_details: true }).reply(200, {
    workflow_run_id: runId,
    run_url: `https://api.github.com/repos/${J.owner}/${J.repo}/actions/runs/${runId}`,
    html_url: `https://github.com/${J.owner}/${J.repo}/actions/runs/${runId}`,
  });
}

/** The files a pull request changes: the goal's stack only, unless told otherwise. */
export function mockPrFiles(gh: GitHubMock, files: readonly string[] = [`infra/${J.stack}/main.tf`]): void {
  gh.get(`pulls/${J.pr}/files?per_page=100&page=1`).reply(
    200,
    files.map((filename, i) => ({
      sha: String(i).padStart(40, "0"),
      filename,
      status: "modified",
      additions: 1,
      deletions: 0,
      changes: 1,
      blob_url: `https://github.com/${J.owner}/${J.repo}/blob/x/${filename}`,
      raw_url: `https://github.com/${J.owner}/${J.repo}/raw/x/${filename}`,
      contents_url: `https://api.github.com/repos/${J.owner}/${J.repo}/contents/${filename}`,
    })),
  );
}

/** The REST calls `mockGoalToPr` answers, in the order the app makes them. */
export const GOAL_TO_PR_CALLS = [
  `GET ${REPO}/contents/.github/infracrew.yml`,
  `GET ${REPO}/branches/main`,
  `POST ${REPO}/git/trees`,
  `POST ${REPO}/git/commits`,
  `POST ${REPO}/git/refs`,
  `POST ${REPO}/pulls`,
  `PUT ${REPO}/issues/12/labels`,
  `POST ${REPO}/check-runs`,
  `POST ${REPO}/issues/12/comments`,
] as const;

/**
 * The goal's files onto infracrew/checkout-api as one commit from one tree, its pull request opened, and its state
 * (VALIDATING, in the store) written out: the label, the Conductor check and the sticky comment. The answer on the
 * goal issue is the caller's to mock (a new comment, or one updated in place).
 */
export function mockGoalToPr(gh: GitHubMock, options: { readonly config?: string } = {}) {
  mockConfig(gh, options.config ?? ONBOARDED_CONFIG);
  gh.get("branches/main").reply(200, {
    name: "main",
    commit: { sha: SHAS.main, commit: { tree: { sha: SHAS.mainTree } } },
  });
  const tree = gh.post("git/trees").reply(201, { sha: SHAS.tree, tree: [] });
  const commit = gh.post("git/commits").reply(201, { sha: SHAS.head });
  const ref = gh
    .post("git/refs", { ref: `refs/heads/${J.branch}`, sha: SHAS.head })
    .reply(201, refBody(`refs/heads/${J.branch}`, SHAS.head));
  const pull = gh.post("pulls").reply(201, pullBody(J.pr, { headSha: SHAS.head, branch: J.branch }));
  const labels = mockLabels(gh, J.pr, ["infracrew:validating"]);
  const conductor = mockCheckRun(gh, "Infracrew / Conductor", SHAS.head, { existing: false, lookup: false });
  const sticky = mockComment(gh, J.pr, J.stickyId);
  return { tree, commit, ref, pull, labels, conductor, sticky };
}

/** GitHub's answer for a run of the apply workflow the App dispatched (what the reconciler reads). */
export function mockGetRun(
  gh: GitHubMock,
  runId: number,
  run: {
    readonly status: "queued" | "in_progress" | "completed";
    readonly conclusion?: string | null;
    readonly title: string;
    readonly startedAt?: string;
  },
): MockedCall {
  const app = { login: "infracrew[bot]", type: "Bot" };
  return gh.get(`actions/runs/${runId}`).reply(200, {
    id: runId,
    run_attempt: 1,
    event: "workflow_dispatch",
    path: ".github/workflows/infracrew-apply.yml",
    head_branch: "main",
    head_sha: SHAS.main,
    actor: app,
    triggering_actor: app,
    display_title: run.title,
    repository: { id: 1 },
    head_repository: { id: 1 },
    pull_requests: [],
    status: run.status,
    conclusion: run.conclusion ?? null,
    html_url: `https://github.com/${J.owner}/${J.repo}/actions/runs/${runId}`,
    run_started_at: run.startedAt ?? "2026-11-27T12:00:00Z",
  });
}
