import { describe, expect, it } from "vitest";
import { groupCommit } from "../../../app/store/group-commit.js";

describe("groupCommit", () => {
  it("sends the calls that arrive during a write together, and answers each its own result", async () => {
    const batches: number[][] = [];
    const write = groupCommit(async (batch: readonly number[]) => {
      batches.push([...batch]);
      await new Promise((r) => setTimeout(r, 5));
      return batch.map((n) => n * 10);
    });
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => write(n)));
    expect(results).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1], [2, 3, 4, 5]]);
  });

  it("never lets a batch grow past its limit", async () => {
    const sizes: number[] = [];
    const write = groupCommit(async (batch: readonly number[]) => {
      sizes.push(batch.length);
      await new Promise((r) => setTimeout(r, 1));
      return batch;
    }, 4);
    await Promise.all(Array.from({ length: 11 }, (_, i) => write(i)));
    expect(sizes).toEqual([1, 4, 4, 2]);
  });

  it("fails every call of a failed write, and keeps serving the next ones", async () => {
    let fail = true;
    const write = groupCommit(async (batch: readonly string[]) => {
      await new Promise((r) => setTimeout(r, 1));
      if (fail) throw new Error("the database went away");
      return batch;
    });
    const first = await Promise.allSettled([write("a"), write("b")]);
    expect(first.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    fail = false;
    expect(await write("c")).toBe("c");
  });
});
