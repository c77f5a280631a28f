import { NAMES } from "./names.js";

/** What GitHub says about a workflow run (from a signed webhook payload or the REST API): facts, not input. */
export interface RunFacts {
  readonly id: number;
  readonly runAttempt: number;
  readonly event: string;
  readonly path: string;
  readonly headBranch: string | null;
  readonly headSha: string;
  readonly actor: string;
  readonly triggeringActor: string;
  readonly displayTitle: string;
  readonly repositoryId: number;
  readonly headRepositoryId: number | null;
  readonly pullRequests: readonly { readonly number: number; readonly headSha: string }[];
}

/** The App's own record of a dispatch, written before it was sent. */
export interface DispatchRecord {
  readonly nonce: string;
  /** owner/name */
  readonly repo: string;
  readonly pr: number;
  readonly stack: string;
  readonly workflow: "infracrew-plan.yml" | "infracrew-apply.yml";
  readonly mode: "plan" | "apply" | "rollback";
  readonly sha: string;
  readonly targetSha: string | null;
  readonly plan: { readonly runId: number; readonly artifactId: number; readonly sha256: string } | null;
  /** The default branch it was dispatched on. */
  readonly ref: string;
  readonly createdAt: string;
  /** The run GitHub started for it, once known (return_run_details, or matched by nonce). */
  readonly runId: number | null;
  /** The gate's answer, once given: a record approves one run attempt once. */
  readonly gate: {
    readonly runId: number;
    readonly runAttempt: number;
    readonly answer: "approved" | "rejected";
    readonly at: string;
  } | null;
}

export type Judgement = { readonly trusted: true } | { readonly trusted: false; readonly reason: string };

/**
 * The claims of a verified GitHub Actions OIDC token that the gate reads (GitHub sends the ids and the attempt as
 * strings). The verifier checked the signature, issuer, audience and times; these say which run presented it.
 */
export interface OidcClaims {
  readonly repository?: string;
  readonly run_id?: string;
  readonly run_attempt?: string;
  readonly event_name?: string;
  readonly ref?: string;
  readonly ref_type?: string;
  readonly job_workflow_ref?: string;
  readonly workflow_ref?: string;
  readonly environment?: string;
  readonly actor?: string;
}

/** The GitHub Environment the apply and rollback jobs run in, guarded by the App. */
export const APPLY_ENVIRONMENT = "infracrew-apply";

export const APPLY_WORKFLOW_PATH = `.github/workflows/${NAMES.applyWorkflow}`;
export const PLAN_WORKFLOW_PATH = `.github/workflows/${NAMES.planWorkflow}`;

const NONCE_AT_END = / n-([0-9a-f]{32})$/;
const NONCE = /^[0-9a-f]{32}$/;
const DECIMAL_ID = /^[1-9][0-9]{0,15}$/;

/** The dispatch nonce a run's title ends with (`… n-<32 lowercase hex>`), or undefined when it names none. */
export function nonceFromTitle(displayTitle: string): string | undefined {
  return NONCE_AT_END.exec(displayTitle)?.[1];
}

/** Whether a string is a dispatch nonce: 32 lowercase hex characters. */
export function isNonce(value: unknown): value is string {
  return typeof value === "string" && NONCE.test(value);
}

const CALLBACK_PATH =
  /^\/repos\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)\/actions\/runs\/([1-9][0-9]{0,15})\/deployment_protection_rule$/;

/**
 * The run id in a deployment_protection_rule event's `deployment_callback_url`
 * (`<api>/repos/<owner>/<repo>/actions/runs/<run_id>/deployment_protection_rule`), or undefined for anything else:
 * another host or scheme, credentials, a query or fragment, another path, or another repository when `repo` is given.
 */
export function runIdFromCallbackUrl(
  url: string,
  expected: { readonly apiBaseUrl?: string; readonly repo?: string } = {},
): number | undefined {
  let parsed: URL;
  let base: URL;
  try {
    parsed = new URL(url);
    base = new URL(expected.apiBaseUrl ?? "https://api.github.com");
  } catch {
    return undefined;
  }
  if (parsed.href !== url || parsed.protocol !== "https:" || parsed.username || parsed.password)
    return undefined;
  if (parsed.search || parsed.hash || url.includes("?") || url.includes("#")) return undefined;
  if (parsed.origin !== base.origin) return undefined;
  const prefix = base.pathname.replace(/\/+$/, "");
  if (!parsed.pathname.startsWith(`${prefix}/`)) return undefined;
  const match = CALLBACK_PATH.exec(parsed.pathname.slice(prefix.length));
  if (!match) return undefined;
  const [, owner = "", repo = "", id = ""] = match;
  if (expected.repo !== undefined && !sameRepository(`${owner}/${repo}`, expected.repo)) return undefined;
  const runId = Number(id);
  return Number.isSafeInteger(runId) ? runId : undefined;
}

/** A `workflow_run` object as GitHub's webhooks and REST API give it; any field may be missing or null. */
export interface WorkflowRunPayload {
  readonly id?: number | null;
  readonly run_attempt?: number | null;
  readonly event?: string | null;
  readonly path?: string | null;
  readonly head_branch?: string | null;
  readonly head_sha?: string | null;
  readonly actor?: { readonly login?: string | null } | null;
  readonly triggering_actor?: { readonly login?: string | null } | null;
  readonly display_title?: string | null;
  readonly repository?: { readonly id?: number | null } | null;
  readonly head_repository?: { readonly id?: number | null } | null;
  readonly pull_requests?:
    | readonly ({
        readonly number?: number | null;
        readonly head?: { readonly sha?: string | null } | null;
      } | null)[]
    | null;
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");
const whole = (value: unknown): number =>
  typeof value === "number" && Number.isSafeInteger(value) ? value : 0;

/**
 * RunFacts from a `workflow_run` payload. A missing field becomes a value no judge trusts (an empty login, attempt
 * 0, no head repository), so a truncated payload is refused, never believed.
 */
export function runFactsFromPayload(run: WorkflowRunPayload): RunFacts {
  const headRepositoryId = whole(run.head_repository?.id);
  return {
    id: whole(run.id),
    runAttempt: whole(run.run_attempt),
    event: text(run.event),
    path: text(run.path),
    headBranch: typeof run.head_branch === "string" ? run.head_branch : null,
    headSha: text(run.head_sha),
    actor: text(run.actor?.login),
    triggeringActor: text(run.triggering_actor?.login),
    displayTitle: text(run.display_title),
    repositoryId: whole(run.repository?.id),
    headRepositoryId: headRepositoryId > 0 ? headRepositoryId : null,
    pullRequests: (run.pull_requests ?? []).flatMap((pr) =>
      pr && whole(pr.number) > 0 && typeof pr.head?.sha === "string"
        ? [{ number: whole(pr.number), headSha: pr.head.sha }]
        : [],
    ),
  };
}

/** GitHub names repositories case-insensitively: `Acme/Infra` and `acme/infra` are one repository. */
export function sameRepository(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

const TRUSTED: Judgement = { trusted: true };
const refuse = (reason: string): Judgement => ({ trusted: false, reason });

/** A value from the run, quoted for a sentence: JSON-escaped and cut, since a branch or title is anyone's text. */
function quote(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
}

const short = (sha: string): string => (/^[0-9a-f]{40}$/.test(sha) ? sha.slice(0, 7) : quote(sha));

interface DispatchExpectation {
  /** "run 4242", used to begin each sentence. */
  readonly subject: string;
  readonly nonce: string;
  readonly repository: string;
  readonly defaultBranch: string;
  readonly workflow: DispatchRecord["workflow"];
  readonly runId: number;
}

/** Why the record does not vouch for this run, or undefined when it does (before its gate answer is looked at). */
function recordProblem(record: DispatchRecord | undefined, want: DispatchExpectation): string | undefined {
  const { subject, nonce } = want;
  if (!record)
    return `${subject} names dispatch n-${nonce}, which the App never recorded for ${want.repository}: only runs the App dispatched are trusted`;
  if (record.nonce !== nonce)
    return `${subject} names dispatch n-${nonce}, but the record found is for n-${record.nonce}: a record vouches for its own nonce only`;
  if (!sameRepository(record.repo, want.repository))
    return `dispatch n-${nonce} was recorded for ${record.repo}, not for ${want.repository}: a dispatch vouches for runs in its own repository only`;
  const modes: readonly string[] = want.workflow === NAMES.applyWorkflow ? ["apply", "rollback"] : ["plan"];
  if (record.workflow !== want.workflow)
    return `dispatch n-${nonce} was for ${record.workflow} (${record.mode}), not for ${want.workflow}: ${subject} cannot borrow it`;
  if (!modes.includes(record.mode))
    return `dispatch n-${nonce} of ${record.workflow} is a ${record.mode}, which that workflow never runs: ${subject} cannot borrow it`;
  if (record.ref !== want.defaultBranch && record.ref !== `refs/heads/${want.defaultBranch}`)
    return `dispatch n-${nonce} was sent on ${quote(record.ref)}, but the default branch is now ${quote(want.defaultBranch)}: it no longer vouches for a run`;
  if (record.runId !== null && record.runId !== want.runId)
    return `dispatch n-${nonce} started run ${record.runId}, not run ${want.runId}: a dispatch vouches for its own run only`;
  return undefined;
}

/**
 * Why the gate may not approve this run attempt, or undefined. A record approves one run attempt once; asking again
 * for that same attempt (GitHub asks once per job that uses the environment, and retries) gets the same answer.
 */
function gateProblem(record: DispatchRecord, runId: number, runAttempt: number): string | undefined {
  const gate = record.gate;
  if (!gate) return undefined;
  if (gate.runId === runId && gate.runAttempt === runAttempt)
    return gate.answer === "approved"
      ? undefined
      : `run ${runId} attempt ${runAttempt} was rejected for dispatch n-${record.nonce} at ${gate.at}, and the answer stands`;
  return `dispatch n-${record.nonce} was already answered (${gate.answer}) for run ${gate.runId} attempt ${gate.runAttempt} at ${gate.at}: a dispatch approves one run, one attempt, once`;
}

interface DispatchedRunOptions {
  readonly appLogin: string;
  readonly defaultBranch: string;
  readonly repository: string;
}

/** The rules every run the App dispatched obeys, whichever workflow: the run's own facts, then its record. */
function dispatchedRunProblem(
  run: RunFacts,
  record: DispatchRecord | undefined,
  workflow: DispatchRecord["workflow"],
  options: DispatchedRunOptions,
): string | undefined {
  const subject = `run ${run.id}`;
  const what = workflow === NAMES.applyWorkflow ? "apply" : "be trusted as a plan";
  if (run.event !== "workflow_dispatch")
    return `${subject} was started by a ${quote(run.event)} event, not by the App's workflow_dispatch: only runs the App dispatched may ${what}`;
  if (run.headRepositoryId !== run.repositoryId)
    return `${subject} ran code from another repository (a fork): only runs the App dispatched in this repository may ${what}`;
  if (run.headBranch !== options.defaultBranch)
    return `${subject} ran on ${run.headBranch === null ? "no branch" : `branch ${quote(run.headBranch)}`}, not on the default branch ${quote(options.defaultBranch)}: the App dispatches on the default branch only`;
  if (run.actor !== options.appLogin)
    return `${subject} was dispatched by @${run.actor || "(unknown)"}, not by the App (@${options.appLogin}): only runs the App dispatched may ${what}`;
  if (run.triggeringActor !== options.appLogin)
    return `${subject} attempt ${run.runAttempt} was started by @${run.triggeringActor || "(unknown)"}, not by the App (@${options.appLogin}): a person re-running the App's run does not make it the App's`;
  if (run.runAttempt !== 1)
    return `${subject} is attempt ${run.runAttempt}: a dispatch vouches for the first attempt of its run only, so the App must dispatch again`;
  const nonce = nonceFromTitle(run.displayTitle);
  if (nonce === undefined)
    return `${subject}'s title ${quote(run.displayTitle)} names no dispatch nonce (n-<32 hex>): every run the App dispatches names one`;
  return recordProblem(record, {
    subject,
    nonce,
    repository: options.repository,
    defaultBranch: options.defaultBranch,
    workflow,
    runId: run.id,
  });
}

function wrongPath(run: RunFacts, expected: string): string | undefined {
  if (run.path === expected) return undefined;
  return `run ${run.id} ran ${quote(run.path)}, not ${quote(expected)}: only that workflow file is trusted`;
}

/**
 * Approves only a workflow_dispatch run of `.github/workflows/infracrew-apply.yml` on the default branch, started
 * and triggered by the App, attempt 1, whose title names the record's nonce (and whose id is the record's run id when
 * known), for an apply or rollback record whose gate has not answered another run. Every other run gets the reason.
 */
export function judgeApplyRun(
  run: RunFacts,
  record: DispatchRecord | undefined,
  options: DispatchedRunOptions,
): Judgement {
  const problem =
    wrongPath(run, APPLY_WORKFLOW_PATH) ??
    dispatchedRunProblem(run, record, NAMES.applyWorkflow, options) ??
    (record ? gateProblem(record, run.id, run.runAttempt) : undefined);
  return problem === undefined ? TRUSTED : refuse(problem);
}

export interface OidcJudgeOptions {
  readonly defaultBranch: string;
  /** owner/name of the repository the token must come from. */
  readonly repository: string;
  /** The App's bot login: the run's `actor`. */
  readonly appLogin: string;
  /** The nonce the request presented, by which the record was found. */
  readonly nonce: string;
}

/** A decimal id claim (GitHub sends them as strings), or undefined when it is not one. */
export function claimId(value: string | undefined): number | undefined {
  if (value === undefined || !DECIMAL_ID.test(value)) return undefined;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : undefined;
}

/**
 * The apply rules on a verified OIDC token's claims: this repository, workflow_dispatch on the default branch, the
 * default branch's apply workflow (`job_workflow_ref`), the apply environment, started by the App, attempt 1, and a
 * record of the apply workflow for the presented nonce whose run (when known) and gate answer fit this run.
 */
export function judgeOidcClaims(
  claims: OidcClaims,
  record: DispatchRecord | undefined,
  options: OidcJudgeOptions,
): Judgement {
  const problem = claimsProblem(claims, options) ?? claimsRecordProblem(claims, record, options);
  return problem === undefined ? TRUSTED : refuse(problem);
}

function claimsProblem(claims: OidcClaims, options: OidcJudgeOptions): string | undefined {
  const runId = claimId(claims.run_id);
  const subject = runId === undefined ? "the token" : `run ${runId}'s token`;
  const { repository, defaultBranch, appLogin } = options;
  if (claims.repository === undefined || !sameRepository(claims.repository, repository))
    return `${subject} comes from ${quote(claims.repository ?? "no repository")}, not from ${repository}: the gate answers runs of this repository only`;
  if (runId === undefined)
    return `the token names no run (run_id ${quote(claims.run_id ?? "")}): GitHub names the run in every Actions token`;
  if (claims.event_name !== "workflow_dispatch")
    return `${subject} is from a ${quote(claims.event_name ?? "")} event, not from the App's workflow_dispatch: only runs the App dispatched may apply`;
  const ref = `refs/heads/${defaultBranch}`;
  if (claims.ref !== ref)
    return `${subject} ran on ${quote(claims.ref ?? "")}, not on ${quote(ref)}: the App dispatches on the default branch only`;
  if (claims.ref_type !== undefined && claims.ref_type !== "branch")
    return `${subject} ran on a ${quote(claims.ref_type)} ref, not on a branch: the App dispatches on the default branch only`;
  const workflowProblem =
    refProblem(subject, "job_workflow_ref", claims.job_workflow_ref, repository, ref) ??
    (claims.workflow_ref === undefined
      ? undefined
      : refProblem(subject, "workflow_ref", claims.workflow_ref, repository, ref));
  if (workflowProblem) return workflowProblem;
  if (claims.environment !== APPLY_ENVIRONMENT)
    return `${subject} is for the environment ${quote(claims.environment ?? "")}, not ${quote(APPLY_ENVIRONMENT)}: only the guarded apply job may ask the gate`;
  if (claims.actor !== appLogin)
    return `${subject} is from a run dispatched by @${claims.actor || "(unknown)"}, not by the App (@${appLogin}): only runs the App dispatched may apply`;
  if (claims.run_attempt !== "1")
    return `${subject} is from attempt ${quote(claims.run_attempt ?? "")}: a dispatch vouches for the first attempt of its run only, so the App must dispatch again`;
  return undefined;
}

function refProblem(
  subject: string,
  claim: string,
  value: string | undefined,
  repository: string,
  ref: string,
): string | undefined {
  const suffix = `/${APPLY_WORKFLOW_PATH}@${ref}`;
  if (
    value !== undefined &&
    value.endsWith(suffix) &&
    sameRepository(value.slice(0, -suffix.length), repository)
  )
    return undefined;
  return `${subject} ran the workflow ${quote(value ?? "")} (${claim}), not ${quote(`${repository}${suffix}`)}: only the default branch's apply workflow may apply`;
}

function claimsRecordProblem(
  claims: OidcClaims,
  record: DispatchRecord | undefined,
  options: OidcJudgeOptions,
): string | undefined {
  const runId = claimId(claims.run_id) ?? 0;
  const problem = recordProblem(record, {
    subject: `run ${runId}'s token`,
    nonce: options.nonce,
    repository: options.repository,
    defaultBranch: options.defaultBranch,
    workflow: NAMES.applyWorkflow,
    runId,
  });
  return problem ?? (record ? gateProblem(record, runId, 1) : undefined);
}

export interface PlanJudgeOptions {
  readonly repositoryId: number;
  /** owner/name of the same repository, to match a /plan dispatch record. */
  readonly repository: string;
  readonly prNumber: number;
  /** The PR's head SHA as the store knows it. */
  readonly headSha: string;
  /** The /plan dispatch the run's title names, if any. */
  readonly record: DispatchRecord | undefined;
  readonly appLogin: string;
  readonly defaultBranch: string;
}

/**
 * Trusts a plan run that is either a `pull_request` run of `.github/workflows/infracrew-plan.yml` from this
 * repository (not a fork) at the head the store knows, listing this PR at that head; or a run the App dispatched
 * (`/plan`) for this PR and head. A re-run of a `pull_request` run is the same code on the same commit, so its
 * attempt does not matter; a dispatched run is trusted on its first attempt only.
 */
export function judgePlanRun(run: RunFacts, options: PlanJudgeOptions): Judgement {
  const problem = wrongPath(run, PLAN_WORKFLOW_PATH) ?? planProblem(run, options);
  return problem === undefined ? TRUSTED : refuse(problem);
}

function planProblem(run: RunFacts, options: PlanJudgeOptions): string | undefined {
  const subject = `run ${run.id}`;
  if (run.repositoryId !== options.repositoryId)
    return `${subject} belongs to repository ${run.repositoryId}, not to this one (${options.repositoryId})`;
  if (run.event === "pull_request") return pullRequestPlanProblem(run, options);
  if (run.event === "workflow_dispatch") {
    const record = options.record;
    const problem = dispatchedRunProblem(run, record, NAMES.planWorkflow, options);
    if (problem || !record) return problem;
    if (record.pr !== options.prNumber)
      return `dispatch n-${record.nonce} planned PR #${record.pr}, not #${options.prNumber}: ${subject} says nothing about this PR`;
    if (record.sha !== options.headSha)
      return `dispatch n-${record.nonce} planned ${short(record.sha)}, but the PR's head is ${short(options.headSha)}: a plan of another commit is stale`;
    return undefined;
  }
  return `${subject} was started by a ${quote(run.event)} event: a plan is trusted from a pull_request run or a run the App dispatched only`;
}

function pullRequestPlanProblem(run: RunFacts, options: PlanJudgeOptions): string | undefined {
  const subject = `run ${run.id}`;
  if (run.headRepositoryId !== options.repositoryId)
    return `${subject} ran a fork's code (head repository ${run.headRepositoryId ?? "unknown"}): a plan is trusted from this repository's branches only`;
  if (run.headSha !== options.headSha)
    return `${subject} planned ${short(run.headSha)}, but the PR's head is ${short(options.headSha)}: a plan of another commit is stale`;
  if (run.pullRequests.length === 0)
    return `${subject} lists no pull request: a plan is trusted for the PR it ran for only (#${options.prNumber})`;
  const listed = run.pullRequests.find((pr) => pr.number === options.prNumber);
  if (!listed)
    return `${subject} ran for ${run.pullRequests.map((pr) => `#${pr.number}`).join(", ")}, not for #${options.prNumber}`;
  if (listed.headSha !== options.headSha)
    return `${subject} lists #${options.prNumber} at ${short(listed.headSha)}, but its head is ${short(options.headSha)}: a plan of another commit is stale`;
  return undefined;
}
