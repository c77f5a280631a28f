import { describe, expect, it } from "vitest";
import { andList } from "../../../app/format/and-list.js";

describe("andList", () => {
  it.each<[string[], string]>([
    [[], ""],
    [["a"], "a"],
    [["a", "b"], "a and b"],
    [["a", "b", "c"], "a, b and c"],
  ])("%j → %j", (words, said) => {
    expect(andList(words)).toBe(said);
  });
});
