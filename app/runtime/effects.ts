import { createHash } from "node:crypto";
import { applyDispatchInputs, planDispatchInputs } from "../conductor/names.js";
import type { PullRequest } from "../platform/platform.js";
import { renderGoalDone } from "../render/goal-comment.js";
import { MARKERS } from "../render/markers.js";
import type { EffectRow } from "../store/store.js";
import type { ConductorDeps } from "./deps.js";
import { project, type ProjectPayload } from "./projector.js";

/** A run the App dispatched is looked for from a minute before its record, for clocks that differ a little. */
const CLOCK_SKEW_MS = 60_000;

/** The hidden marker of a comment the outbox posts: a retry finds it instead of posting the comment twice. */
export function effectMarker(key: string): string {
  return `<!-- infracrew:effect ${createHash("sha256").update(key).digest("hex").slice(0, 16)} -->`;
}

/**
 * Carries out one effect from the outbox on GitHub (and Slack). Each is idempotent: a retry after a crash or a
 * failure part-way finds what the first try did (a comment by its marker, a dispatch by its nonce) and goes on.
 */
export async function executeEffect(deps: ConductorDeps, effect: EffectRow): Promise<void> {
  const { platform } = deps;
  switch (effect.kind) {
    case "comment": {
      const { issue, body } = effect.payload as { issue: number; body: string };
      const marker = effectMarker(effect.key);
      if (effect.attempts > 1 && (await platform.findComment(issue, marker))) return;
      await platform.createComment(issue, `${body}\n\n${marker}`);
      return;
    }
    case "react": {
      const { commentId } = effect.payload as { commentId: number };
      await platform.addReaction(commentId, "eyes");
      return;
    }
    case "dispatch":
      return dispatch(deps, (effect.payload as { nonce: string }).nonce, effect.attempts);
    case "merge": {
      const { sha } = effect.payload as { sha: string };
      const pr = effect.pr!;
      const merged = await platform.mergePullRequest(pr, sha, "squash");
      if (!merged.merged) await platform.createComment(pr, `Applied, but not merged: ${merged.message}`);
      return;
    }
    case "close-goal": {
      const { issue, summary, pr } = effect.payload as { issue: number; summary: string; pr: PullRequest };
      await platform.ensureComment(issue, MARKERS.goal, renderGoalDone(summary, pr));
      await platform.closeIssue(issue, "completed");
      return;
    }
    case "project":
      return project(deps, { repo: effect.repo, pr: effect.pr! }, effect.payload as ProjectPayload);
    default:
      throw new Error(`internal: unknown effect kind ${effect.kind}`);
  }
}

/**
 * Sends a dispatch recorded in the store, and records the run GitHub started for it. A retry first looks for the run
 * by its nonce: if the first try reached GitHub before it failed, that run is taken, never a second one started.
 */
async function dispatch(deps: ConductorDeps, nonce: string, attempt: number): Promise<void> {
  const record = await deps.store.read.getDispatch(nonce);
  if (!record) throw new Error(`internal: no dispatch record for nonce ${nonce}`);
  if (record.runId !== null) return;
  if (attempt > 1) {
    const since = new Date(Date.parse(record.createdAt) - CLOCK_SKEW_MS).toISOString();
    const found = await deps.platform.findDispatchedRun(record.workflow, nonce, since);
    if (found) {
      await deps.store.read.setDispatchRun(nonce, found.id);
      return;
    }
  }
  const inputs =
    record.mode === "plan"
      ? planDispatchInputs({ pr: record.pr, sha: record.sha, stack: record.stack, nonce })
      : applyDispatchInputs({
          pr: record.pr,
          stack: record.stack,
          mode: record.mode,
          sha: record.sha,
          targetSha: record.targetSha,
          nonce,
          plan: record.plan,
        });
  const run = await deps.platform.dispatchWorkflow(record.workflow, record.ref, inputs);
  if (run.runId !== undefined && !(await deps.store.read.setDispatchRun(nonce, run.runId)))
    deps.log.error({ nonce, runId: run.runId }, "GitHub answered a run already bound to another dispatch");
}
