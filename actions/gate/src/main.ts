/**
 * The gate: the apply and rollback jobs' first step, before any checkout and before any cloud credentials. It passes
 * only for a run the Infracrew App dispatched and approves, and hands later steps the approved values.
 *
 * - `oidc` (the path for private repositories without custom deployment protection rules): it presents the job's
 *   OIDC token (audience `infracrew`) to `<app-url>/infracrew/gate` with the dispatch's nonce; the App verifies the
 *   token against GitHub's keys and its claims against its own record of the dispatch. The job goes on only on a
 *   200 that approves exactly this run's inputs.
 * - `rule` (public repositories and GitHub Enterprise): the App's custom deployment protection rule on the
 *   environment already decided before the job could start. The gate checks that it really guards this job: the
 *   token's claims say the job runs in that environment, dispatched on the default branch's apply workflow, and
 *   GitHub lists the App's rule, enabled, on the environment. Otherwise it fails.
 * - `auto` (the default): `oidc` when INFRACREW_APP_URL is set, else `rule`. Either way it fails closed.
 */
import { NAMES } from "../../../app/conductor/names.js";
import { differences, type Dispatch } from "./dispatch.js";
import { AUDIENCE, placeProblems, readToken, type Claims } from "./oidc.js";
import type { GateToolkit } from "./toolkit.js";

export type Protection = "auto" | "oidc" | "rule";

export interface GateInputs {
  readonly dispatch: Dispatch;
  readonly protection: Protection;
  /** The App's base URL (INFRACREW_APP_URL); empty when it is not set. */
  readonly appUrl: string;
  readonly defaultBranch: string;
  readonly environment: string;
  /** The App's slug, whose protection rule must guard the environment on the `rule` path. */
  readonly appSlug: string;
  /** A token that can read the environment's protection rules (actions: read). */
  readonly githubToken: string;
}

export type GateOutcome =
  | { readonly ok: true; readonly dispatch: Dispatch; readonly path: "oidc" | "rule" }
  | { readonly ok: false; readonly message: string };

const fail = (message: string): GateOutcome => ({ ok: false, message });

/** Something a server said, fit for one log line: control characters out, at most 300 characters. */
function said(text: unknown): string {
  if (typeof text !== "string") return "";
  // eslint-disable-next-line no-control-regex
  const line = text.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

function reasonOf(text: string): string {
  try {
    const reason = said((JSON.parse(text) as { reason?: unknown }).reason);
    return reason === "" ? "" : `: ${reason}`;
  } catch {
    return "";
  }
}

/** `<app-url>/infracrew/gate`, for an https address with no credentials, query or fragment in it. */
export function gateUrl(appUrl: string): URL | string {
  let base: URL;
  try {
    base = new URL(appUrl);
  } catch {
    return `INFRACREW_APP_URL is not a URL (got ${JSON.stringify(said(appUrl))})`;
  }
  if (base.protocol !== "https:")
    return `INFRACREW_APP_URL must be an https:// address (got ${base.protocol})`;
  if (base.username || base.password || base.search || base.hash)
    return "INFRACREW_APP_URL must hold no credentials, query or fragment";
  return new URL(`${base.pathname.replace(/\/+$/, "")}/infracrew/gate`, base.origin);
}

async function jobToken(toolkit: GateToolkit): Promise<{ token: string; claims: Claims } | string> {
  let token: string;
  try {
    token = await toolkit.core.getIDToken(AUDIENCE);
  } catch (error) {
    return `could not get this job's OIDC token (does the job have permissions: id-token: write?): ${said(error instanceof Error ? error.message : String(error))}`;
  }
  toolkit.core.setSecret(token);
  const read = readToken(token);
  return read.ok ? { token, claims: read.claims } : read.message;
}

async function askTheApp(inputs: GateInputs, toolkit: GateToolkit): Promise<GateOutcome> {
  const url = gateUrl(inputs.appUrl);
  if (typeof url === "string") return fail(url);
  const job = await jobToken(toolkit);
  if (typeof job === "string") return fail(job);
  toolkit.core.info(
    `Infracrew gate: asking ${url.origin} to approve run ${String(job.claims.run_id ?? "?")}.`,
  );
  let answer;
  try {
    answer = await toolkit.http(url.href, {
      method: "POST",
      headers: {
        authorization: `Bearer ${job.token}`,
        "content-type": "application/json",
        accept: "application/json",
        "user-agent": "infracrew-gate",
      },
      body: JSON.stringify({ nonce: inputs.dispatch.nonce }),
    });
  } catch (error) {
    return fail(
      `the App could not be reached at ${url.origin}: ${said(error instanceof Error ? error.message : String(error))}`,
    );
  }
  if (answer.status === 401)
    return fail(`the App did not accept this job's OIDC token (401)${reasonOf(answer.text)}`);
  if (answer.status === 403) return fail(`the App refused this run (403)${reasonOf(answer.text)}`);
  if (answer.status !== 200)
    return fail(`the App answered ${answer.status}, not an approval${reasonOf(answer.text)}`);
  let body: { approved?: unknown; dispatch?: unknown; reason?: unknown };
  try {
    body = JSON.parse(answer.text) as typeof body;
  } catch {
    return fail("the App's answer is not JSON");
  }
  if (typeof body !== "object" || body === null || body.approved !== true)
    return fail(`the App did not approve this run${reasonOf(answer.text)}`);
  const diffs = differences(inputs.dispatch, body.dispatch);
  if (diffs.length > 0)
    return fail(`the App approved another dispatch than this run's inputs: ${diffs.join("; ")}`);
  return { ok: true, dispatch: inputs.dispatch, path: "oidc" };
}

async function checkTheRule(inputs: GateInputs, toolkit: GateToolkit): Promise<GateOutcome> {
  const { env } = toolkit;
  const repository = env.GITHUB_REPOSITORY ?? "";
  const job = await jobToken(toolkit);
  if (typeof job === "string") return fail(job);
  const misplaced = placeProblems(job.claims, {
    repository,
    runId: env.GITHUB_RUN_ID ?? "",
    defaultBranch: inputs.defaultBranch,
    environment: inputs.environment,
    workflowFile: NAMES.applyWorkflow,
  });
  if (misplaced.length > 0)
    return fail(`this job is not where the App's protection rule guards it: ${misplaced.join("; ")}`);
  const api = env.GITHUB_API_URL ?? "https://api.github.com";
  const url = `${api}/repos/${repository}/environments/${encodeURIComponent(inputs.environment)}/deployment_protection_rules`;
  let answer;
  try {
    answer = await toolkit.http(url, {
      method: "GET",
      headers: {
        authorization: `Bearer ${inputs.githubToken}`,
        accept: "application/vnd.github+json",
        "x-github-api-version": "2022-11-28",
        "user-agent": "infracrew-gate",
      },
    });
  } catch (error) {
    return fail(
      `could not read the protection rules of ${inputs.environment}: ${said(error instanceof Error ? error.message : String(error))}`,
    );
  }
  if (answer.status !== 200)
    return fail(
      `could not read the protection rules of ${inputs.environment}: GitHub answered ${answer.status}`,
    );
  let rules: { enabled?: unknown; app?: { slug?: unknown } }[] = [];
  try {
    const body = JSON.parse(answer.text) as { custom_deployment_protection_rules?: unknown };
    if (Array.isArray(body.custom_deployment_protection_rules))
      rules = body.custom_deployment_protection_rules;
  } catch {
    return fail("GitHub's list of protection rules is not JSON");
  }
  const guarded = rules.some((r) => r.enabled === true && r.app?.slug === inputs.appSlug);
  if (!guarded)
    return fail(
      `INFRACREW_APP_URL is not set and the environment ${inputs.environment} has no enabled protection rule of the App ${inputs.appSlug}: set the repository variable INFRACREW_APP_URL to use the App's OIDC gate, or enable the App's rule on the environment`,
    );
  return { ok: true, dispatch: inputs.dispatch, path: "rule" };
}

export async function gate(inputs: GateInputs, toolkit: GateToolkit): Promise<GateOutcome> {
  const path = inputs.protection === "auto" ? (inputs.appUrl !== "" ? "oidc" : "rule") : inputs.protection;
  if (path === "oidc") {
    if (inputs.appUrl === "")
      return fail(
        "protection is oidc but INFRACREW_APP_URL is not set: set the repository variable to the App's address",
      );
    return askTheApp(inputs, toolkit);
  }
  toolkit.core.info(
    `Infracrew gate: ${inputs.protection === "auto" ? "INFRACREW_APP_URL is not set, so " : ""}the App's deployment protection rule on ${inputs.environment} must guard this job; checking that it does.`,
  );
  return checkTheRule(inputs, toolkit);
}
