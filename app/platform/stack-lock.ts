import type { Platform, PullRequest } from "./platform.js";
import { PlatformInputError } from "./platform-input-error.js";

/** Who tried to take a stack's lock: a pull request at its current head. */
export interface LockClaimant {
  readonly number: number;
  readonly headSha: string;
  readonly url: string;
}

export type LockAttempt =
  | { readonly acquired: true }
  | {
      readonly acquired: false;
      /** The open pull request holding the lock, or null when no open pull request has the locked commit. */
      readonly holderPr: number | null;
      readonly holderUrl: string | null;
      /** The commit the lock ref points at. */
      readonly lockSha: string;
      /** Ready to post: who holds the lock and how it is released. */
      readonly reason: string;
    };

export function lockRef(stack: string): string {
  return `refs/infracrew/locks/${checkStack(stack)}`;
}

export function appliedRef(stack: string): string {
  return `refs/infracrew/applied/${checkStack(stack)}`;
}

/**
 * Takes the stack's lock for a pull request: the ref refs/infracrew/locks/<stack>, created at the PR's head commit.
 * Only the creation wins (creating a ref that exists fails), so two deliveries for the same pull request cannot both
 * win either: the loser learns the holder, which may be its own pull request. Otherwise the answer names the holder,
 * found through the locked commit. Calls: 1 when free; 2 or 3 when held.
 */
export async function tryLock(platform: Platform, stack: string, pr: LockClaimant): Promise<LockAttempt> {
  const ref = lockRef(stack);
  if (await platform.createRef(ref, pr.headSha)) return { acquired: true };
  const lockSha = await platform.getRef(ref);
  if (lockSha === undefined) {
    // Released between our create and read: one more try, then report it as held.
    if (await platform.createRef(ref, pr.headSha)) return { acquired: true };
    return held(stack, undefined, (await platform.getRef(ref)) ?? "unknown");
  }
  if (lockSha === pr.headSha) return held(stack, { number: pr.number, url: pr.url }, lockSha);
  return held(stack, await holderOf(platform, lockSha, pr.number), lockSha);
}

/** Releases the lock if `prNumber` holds it; true when it was deleted. Calls: 1 when free, else 2 or 3. */
export async function unlock(platform: Platform, stack: string, prNumber: number): Promise<boolean> {
  const ref = lockRef(stack);
  const lockSha = await platform.getRef(ref);
  if (lockSha === undefined) return false;
  const holders = await platform.pullRequestsForCommit(lockSha);
  if (!holders.some((p) => p.number === prNumber)) return false;
  return platform.deleteRef(ref);
}

/** The last commit applied successfully on the stack (the rollback target), or undefined before the first. 1 call. */
export async function readApplied(platform: Platform, stack: string): Promise<string | undefined> {
  return platform.getRef(appliedRef(stack));
}

/** Records the applied commit; null forgets it (after a first apply is rolled back). 1 or 2 calls. */
export async function recordApplied(platform: Platform, stack: string, sha: string | null): Promise<void> {
  if (sha === null) await platform.deleteRef(appliedRef(stack));
  else await platform.setRef(appliedRef(stack), sha);
}

/** The open pull request the locked commit belongs to: the claimant's own, else one whose head it is, else any. */
async function holderOf(platform: Platform, sha: string, claimant: number): Promise<PullRequest | undefined> {
  const open = (await platform.pullRequestsForCommit(sha)).filter((p) => p.state === "open");
  return open.find((p) => p.number === claimant) ?? open.find((p) => p.headSha === sha) ?? open[0];
}

function held(
  stack: string,
  holder: Pick<PullRequest, "number" | "url"> | undefined,
  lockSha: string,
): LockAttempt {
  const short = lockSha.slice(0, 7);
  if (holder === undefined) {
    return {
      acquired: false,
      holderPr: null,
      holderUrl: null,
      lockSha,
      reason:
        `Stack \`${stack}\` is locked at commit ${short}, which no open pull request has. ` +
        "If nothing is applying it, `/unlock` releases it.",
    };
  }
  return {
    acquired: false,
    holderPr: holder.number,
    holderUrl: holder.url,
    lockSha,
    reason:
      `Stack \`${stack}\` is locked by #${holder.number} (${holder.url}). ` +
      `It is released when that pull request finishes applying or rolls back, or with \`/unlock\` on #${holder.number}.`,
  };
}

/** Stack names become ref components: what a stack directory may be called (infra/<name>/). */
function checkStack(stack: string): string {
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(stack) || stack.includes("..") || stack.endsWith(".lock")) {
    throw new PlatformInputError("stack-lock", `"${stack}" is not a valid stack name`);
  }
  return stack;
}
