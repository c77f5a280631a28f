import type { ConductorEvent } from "../conductor/events.js";
import type { PrState } from "../conductor/pr-state.js";
import type { PrKey, StoreTx } from "../store/store.js";
import type { PrContext } from "./run-event.js";

/** The URL of pull request `n` of the same repository as `url` (a pull request's html_url). */
const pullUrl = (url: string, n: number): string => url.replace(/\/pull\/\d+$/, `/pull/${n}`);

/** Ready to post: who holds the stack's lock, and how it is released. */
export function lockHeldReason(stack: string, holder: number, prUrl: string): string {
  const url = pullUrl(prUrl, holder);
  return (
    `Stack \`${stack}\` is locked by #${holder} (${url}). ` +
    `It is released when that pull request finishes applying or rolls back, or with \`/unlock\` on #${holder}.`
  );
}

/**
 * Takes the stack's lock for the pull request (its row in the store; the insert wins or waits and loses) and says
 * what happened, as the event the transition table expects. An apply takes the head GitHub answered during this
 * delivery (a push that raced the approval is caught there) and the stack's applied revision from the store.
 */
export async function takeLock(
  tx: StoreTx,
  key: PrKey,
  state: PrState,
  ctx: PrContext,
  now: Date,
): Promise<ConductorEvent> {
  const lock = await tx.tryLock(key.repo, state.stack, { pr: key.pr, sha: state.headSha }, now);
  if (!lock.acquired) {
    return {
      type: "lock-held",
      holderPr: lock.holder.pr,
      reason: lockHeldReason(state.stack, lock.holder.pr, ctx.pr.url),
    };
  }
  if (state.awaitingLock === "rollback")
    return { type: "lock-acquired", headSha: state.headSha, appliedSha: null };
  return {
    type: "lock-acquired",
    headSha: ctx.pr.headSha,
    appliedSha: await tx.appliedSha(key.repo, state.stack),
  };
}

/** A state whose workflow still needs the lock: an apply or a rollback runs, or a failed rollback awaits a person. */
function holdsOnPurpose(state: PrState): boolean {
  return state.state === "APPLYING" || (state.state === "ROLLBACK" && state.rollback?.status !== "success");
}

/**
 * `/unlock`: releases the lock when this pull request holds it, or when its holder no longer needs it (the holder is
 * done, closed or gone: a stale lock). Otherwise says who holds it.
 */
export async function unlockOnRequest(
  tx: StoreTx,
  key: PrKey,
  state: PrState,
  by: string,
  prUrl: string,
): Promise<ConductorEvent> {
  const lock = await tx.getLock(key.repo, state.stack);
  if (!lock)
    return {
      type: "lock-kept",
      reason: `Stack \`${state.stack}\` is not locked: there is nothing to release.`,
    };
  if (lock.pr !== key.pr) {
    const holder = await tx.loadPr({ repo: key.repo, pr: lock.pr });
    if (holder && holdsOnPurpose(holder.state)) {
      return {
        type: "lock-kept",
        reason:
          `Stack \`${state.stack}\` is locked by #${lock.pr} (${pullUrl(prUrl, lock.pr)}), not by this pull request: ` +
          `\`/unlock\` on #${lock.pr} releases it.`,
      };
    }
  }
  await tx.releaseLock(key.repo, state.stack);
  return { type: "lock-released", by };
}
