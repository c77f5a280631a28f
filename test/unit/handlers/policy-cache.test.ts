import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { LruMemo, POLICY_CACHE_ENTRIES, PolicyCache } from "../../../app/handlers/policy-cache.js";
import { readPolicy } from "../../../app/contracts/policy-intake.js";

const sha = (n: number) => n.toString(16).padStart(40, "0");

describe("LruMemo", () => {
  it("forgets the least recently used entry when full; a read makes an entry recent", () => {
    const memo = new LruMemo<string, number>(2);
    memo.set("a", 1);
    memo.set("b", 2);
    expect(memo.get("a")).toBe(1);
    memo.set("c", 3);
    expect([memo.has("a"), memo.has("b"), memo.has("c"), memo.size]).toEqual([true, false, true, 2]);
  });

  it("computes a value once per key while it is kept", () => {
    const memo = new LruMemo<string, number>(1);
    const compute = vi.fn(() => 7);
    expect([memo.getOrCompute("k", compute), memo.getOrCompute("k", compute)]).toEqual([7, 7]);
    expect(compute).toHaveBeenCalledTimes(1);
    memo.getOrCompute("other", () => 0);
    memo.getOrCompute("k", compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it("keeps a value of undefined as a value", () => {
    const memo = new LruMemo<string, undefined>(1);
    const compute = vi.fn(() => undefined);
    memo.getOrCompute("k", compute);
    memo.getOrCompute("k", compute);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses a capacity of %s", (capacity) => {
    expect(() => new LruMemo(capacity)).toThrow(/capacity of at least 1/);
  });

  it("behaves as a model LRU for any sequence of reads and writes, and never holds more than its capacity", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 8 })), { maxLength: 60 }),
        (capacity, ops) => {
          const memo = new LruMemo<number, number>(capacity);
          let model: number[] = []; // keys, least recent first
          for (const [write, key] of ops) {
            if (write) {
              memo.set(key, key * 10);
              model = [...model.filter((k) => k !== key), key].slice(-capacity);
            } else {
              const expected = model.includes(key) ? key * 10 : undefined;
              expect(memo.get(key)).toBe(expected);
              if (expected !== undefined) model = [...model.filter((k) => k !== key), key];
            }
            expect(memo.size).toBe(model.length);
            expect(memo.size).toBeLessThanOrEqual(capacity);
          }
        },
      ),
    );
  });
});

describe("PolicyCache: .github/infracrew.yml read once per blob SHA", () => {
  it("keeps 256 configs by default", () => {
    expect(POLICY_CACHE_ENTRIES).toBe(256);
  });

  it("parses a blob once, however often it is asked for, and a new blob again", () => {
    const read = vi.fn(readPolicy);
    const cache = new PolicyCache({ read });
    const text = "policy:\n  requiredTags: [team]\n";
    const first = cache.policyFor(sha(1), text);
    const second = cache.policyFor(sha(1), () => {
      throw new Error("a kept blob is not read again");
    });
    expect(second).toEqual(first);
    expect(first.ok && first.value.policy.requiredTags).toEqual(["team"]);
    expect(read).toHaveBeenCalledTimes(1);
    cache.policyFor(sha(2), "policy:\n  requiredTags: [owner]\n");
    expect(read).toHaveBeenCalledTimes(2);
  });

  it("remembers a refusal as much as a policy", () => {
    const read = vi.fn(readPolicy);
    const cache = new PolicyCache({ read });
    const bad = "approvals: &a {}\napply: *a\n";
    const first = cache.policyFor(sha(3), bad);
    expect(first.ok).toBe(false);
    expect(cache.policyFor(sha(3), bad)).toEqual(first);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it("answers each caller with its own copy", () => {
    const cache = new PolicyCache();
    const mine = cache.policyFor(sha(4), "policy:\n  requiredTags: [team]\n");
    if (mine.ok) (mine.value.policy.requiredTags as string[]).push("changed");
    const theirs = cache.policyFor(sha(4), "");
    expect(theirs.ok && theirs.value.policy.requiredTags).toEqual(["team"]);
  });

  it("peeks without reading; forgets the least recently used blob past its capacity", () => {
    const cache = new PolicyCache({ capacity: 2 });
    expect(cache.peek(sha(5))).toBeUndefined();
    cache.policyFor(sha(5), "");
    cache.policyFor(sha(6), "");
    cache.peek(sha(5));
    cache.policyFor(sha(7), "");
    expect([cache.peek(sha(5)) !== undefined, cache.peek(sha(6)) !== undefined, cache.size]).toEqual([
      true,
      false,
      2,
    ]);
  });

  it.each(["", "main", "ABCDEF".padEnd(40, "0"), sha(1).slice(1)])("refuses %j as a blob SHA", (key) => {
    expect(() => new PolicyCache().policyFor(key, "")).toThrow(/40 or 64 lowercase hex/);
  });
});
