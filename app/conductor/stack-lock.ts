import type { Platform } from "../platform/platform.js";
import { appliedRef, lockRef } from "./names.js";

export type LockResult =
  | { readonly acquired: true }
  | { readonly acquired: false; readonly holderPr: number; readonly holderUrl: string };

export async function tryLock(
  platform: Platform,
  stack: string,
  pr: { number: number; headSha: string; url: string },
): Promise<LockResult> {
  if (await platform.createRef(lockRef(stack), pr.headSha)) return { acquired: true };
  const sha = await platform.getRef(lockRef(stack));
  const holder = sha ? (await platform.pullRequestsForCommit(sha)).find((p) => p.headSha === sha) : undefined;
  return {
    acquired: false,
    holderPr: holder?.number ?? 0,
    holderUrl: holder?.url ?? `commit ${sha ?? "unknown"}`,
  };
}

export async function unlock(platform: Platform, stack: string, prNumber: number): Promise<boolean> {
  const sha = await platform.getRef(lockRef(stack));
  if (!sha) return false;
  const holders = await platform.pullRequestsForCommit(sha);
  if (!holders.some((p) => p.number === prNumber)) return false;
  return platform.deleteRef(lockRef(stack));
}

export async function readApplied(platform: Platform, stack: string): Promise<string | undefined> {
  return platform.getRef(appliedRef(stack));
}

export async function recordApplied(platform: Platform, stack: string, sha: string | null): Promise<void> {
  if (sha === null) await platform.deleteRef(appliedRef(stack));
  else await platform.setRef(appliedRef(stack), sha);
}
