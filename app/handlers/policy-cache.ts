import { readPolicy, type ResolvedOrgPolicy } from "../contracts/policy-intake.js";
import type { Result } from "../contracts/problem.js";

/** How many configs the app keeps read: one per blob SHA, so each version of a repository's config is one entry. */
export const POLICY_CACHE_ENTRIES = 256;

/** A map of at most `capacity` entries that forgets the least recently used one first. Pure: no clock, no I/O. */
export class LruMemo<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new Error(`an LRU memo needs a capacity of at least 1, got ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** The value, which becomes the most recently used; undefined when it is not kept. */
  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key)!;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Keeps the value as the most recently used, forgetting the least recently used entry when full. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
  }

  /** The kept value, or `compute()`'s, kept. */
  getOrCompute(key: K, compute: () => V): V {
    if (this.entries.has(key)) return this.get(key)!;
    const value = compute();
    this.set(key, value);
    return value;
  }
}

const BLOB_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * `.github/infracrew.yml` read once per blob SHA: the same version of the file, asked for by every webhook of every
 * pull request, is parsed and validated once (`readPolicy`, with its size and alias limits), and a problem is
 * remembered as much as a policy. Each answer is a copy, so no caller can change another's.
 *
 * The key is the git blob SHA of the text (from the contents API's `sha`, or the tree): the caller vouches that
 * the text is that blob's.
 */
export class PolicyCache {
  private readonly memo: LruMemo<string, Result<ResolvedOrgPolicy>>;
  private readonly read: (text: string) => Result<ResolvedOrgPolicy>;

  constructor(
    options: { readonly capacity?: number; readonly read?: (text: string) => Result<ResolvedOrgPolicy> } = {},
  ) {
    this.memo = new LruMemo(options.capacity ?? POLICY_CACHE_ENTRIES);
    this.read = options.read ?? readPolicy;
  }

  get size(): number {
    return this.memo.size;
  }

  /** The result for this blob if it was read, without reading anything. */
  peek(blobSha: string): Result<ResolvedOrgPolicy> | undefined {
    const kept = this.memo.get(checked(blobSha));
    return kept && structuredClone(kept);
  }

  /** `readPolicy(text)`, read once per blob SHA; `text` may be a function, called only when the blob is new. */
  policyFor(blobSha: string, text: string | (() => string)): Result<ResolvedOrgPolicy> {
    const result = this.memo.getOrCompute(checked(blobSha), () =>
      this.read(typeof text === "function" ? text() : text),
    );
    return structuredClone(result);
  }
}

function checked(blobSha: string): string {
  if (!BLOB_SHA.test(blobSha))
    throw new Error(`a config blob SHA is 40 or 64 lowercase hex characters, got ${JSON.stringify(blobSha)}`);
  return blobSha;
}
