import { createHash } from "node:crypto";
import type { MessageRef, PrState } from "../conductor/pr-state.js";
import { labelFor, withStateLabel } from "../conductor/states.js";
import type { ResolvedOrgPolicy } from "../contracts/generated/org-policy.js";
import { GitHubApiError } from "../platform/github/github-api-error.js";
import type { PullRequest } from "../platform/platform.js";
import { CONDUCTOR_CHECK, renderConductorCheck } from "../render/conductor-check.js";
import { MARKERS } from "../render/markers.js";
import { renderSticky } from "../render/sticky-comment.js";
import type { PrKey } from "../store/store.js";
import { repoName, type ConductorDeps } from "./deps.js";

/** What a `project` effect carries: the pull request as GitHub showed it, and the policy of the decision. */
export interface ProjectPayload {
  readonly pr: PullRequest;
  readonly policy: ResolvedOrgPolicy;
}

/** What was last written where, so an unchanged view costs no call. Bookkeeping: no decision reads it. */
export interface Projection {
  readonly label?: string;
  readonly check?: { readonly sha: string; readonly id: number; readonly hash: string };
  readonly sticky?: { readonly id: number; readonly hash: string };
  readonly slack?: MessageRef;
}

const digest = (value: unknown): string =>
  createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 16);

/**
 * Writes the pull request's views from the state of record: the state label, the Slack message, the Conductor check
 * run and the sticky comment. Each is written only when it would change; one edited or deleted by a person is
 * written again on the next change (or at once, when the App hears of the edit).
 */
export async function project(deps: ConductorDeps, key: PrKey, payload: ProjectPayload): Promise<void> {
  const loaded = await deps.store.read.loadPr(key);
  if (!loaded) return;
  const { state } = loaded;
  const { pr, policy } = payload;
  const before = (await deps.store.read.loadProjection(key)) as Projection;
  let after: Projection = before;
  const keep = (patch: Partial<Projection>) => {
    after = { ...after, ...patch };
  };

  const label = labelFor(state.state);
  if (before.label !== label) {
    await deps.platform.setLabels(pr.number, withStateLabel(pr.labels, state.state));
    keep({ label });
  }
  const message = await syncNotifier(deps, pr, state, policy, before.slack);
  if (message && (message.channel !== before.slack?.channel || message.ts !== before.slack?.ts))
    keep({ slack: message });

  const check = renderConductorCheck(state, policy);
  const checkHash = digest(check);
  const known = before.check?.sha === state.headSha ? before.check : undefined;
  if (known?.hash !== checkHash) {
    const id = await deps.platform.upsertCheckRun({
      name: CONDUCTOR_CHECK,
      headSha: state.headSha,
      status: check.status,
      ...(check.conclusion ? { conclusion: check.conclusion } : {}),
      title: check.title,
      summary: check.summary,
      actions: check.actions,
      detailsUrl: pr.url,
      // Only the projector writes this check: one it never wrote on this commit is not there.
      ...(known ? { knownId: known.id } : { knownAbsent: true }),
    });
    keep({ check: { sha: state.headSha, id, hash: checkHash } });
  }

  const body = renderSticky(state, policy);
  const stickyHash = digest(body);
  if (before.sticky?.hash !== stickyHash) {
    const id = before.sticky
      ? await updateSticky(deps, pr.number, before.sticky.id, body)
      : await deps.platform.createComment(pr.number, body);
    keep({ sticky: { id, hash: stickyHash } });
  }
  if (after !== before) await deps.store.read.saveProjection(key, { ...after });
}

/** Updates the sticky comment in place; one a person deleted is posted again. */
async function updateSticky(deps: ConductorDeps, pr: number, id: number, body: string): Promise<number> {
  try {
    return (await deps.platform.ensureComment(pr, MARKERS.sticky, body, { id, body: "" })).id;
  } catch (error) {
    if (!(error instanceof GitHubApiError) || error.status !== 404) throw error;
    deps.log.warn({ pr, comment: id }, "the sticky comment was deleted; posting it again");
    return deps.platform.createComment(pr, body);
  }
}

/** A view a person changed: the label removed, the sticky comment edited, or deleted. */
export type ChangedView = "label" | "sticky" | "sticky-deleted";

/** Forgets what was written of a view a person changed, so the next projection writes it again. */
export async function forgetView(deps: ConductorDeps, key: PrKey, view: ChangedView): Promise<void> {
  const { label, sticky, ...rest } = (await deps.store.read.loadProjection(key)) as Projection;
  await deps.store.read.saveProjection(key, {
    ...rest,
    ...(view === "label" || !label ? {} : { label }),
    // An edited comment is written over in place; a deleted one is posted anew.
    ...(view === "sticky" && sticky ? { sticky: { id: sticky.id, hash: "" } } : {}),
    ...(view === "label" && sticky ? { sticky } : {}),
  });
}

const NOTIFIER_TIMEOUT_MS = 3000;

/**
 * Tells the notifier (Slack) about the state, waiting a few seconds at most: GitHub never waits long on Slack, and a
 * Slack failure is logged, never thrown. Answers where the message lives.
 */
async function syncNotifier(
  deps: ConductorDeps,
  pr: PullRequest,
  state: PrState,
  policy: ResolvedOrgPolicy,
  message: MessageRef | undefined,
): Promise<MessageRef | undefined> {
  if (!deps.notifier) return undefined;
  const details = { pr: pr.number, stack: state.stack };
  const timeoutMs = deps.notifierTimeoutMs ?? NOTIFIER_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    const sync = deps.notifier.sync({
      repo: repoName(deps),
      pr,
      state,
      policy,
      ...(message ? { message } : {}),
    });
    const result = await Promise.race([sync, timeout]);
    if (result !== "timeout") return result;
    deps.log.warn({ ...details, timeoutMs }, "Slack sync timed out; GitHub flow goes on");
  } catch (error) {
    deps.log.error(
      { ...details, err: error instanceof Error ? error.message : String(error) },
      "Slack sync failed; GitHub flow goes on",
    );
  } finally {
    clearTimeout(timer);
  }
  return undefined;
}
