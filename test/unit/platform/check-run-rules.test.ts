import { describe, expect, test } from "vitest";
import { prepareCheckRun, shorten } from "../../../app/platform/check-run-rules.js";
import type { CheckRunInput } from "../../../app/platform/platform.js";
import { annotations } from "../../support/annotations.js";

const base: CheckRunInput = {
  name: "Infracrew / Conductor",
  headSha: "5".repeat(40),
  status: "in_progress",
  title: "t",
  summary: "s",
};
const action = (identifier: string) => ({ label: "Approve", description: "Approve the plan", identifier });

describe("prepareCheckRun", () => {
  test.each([
    [
      "a summary of 65,536 characters",
      { summary: "x".repeat(65_536) },
      /output\.summary has 65536 characters/,
    ],
    ["a text of 65,536 characters", { text: "x".repeat(65_536) }, /output\.text has 65536 characters/],
    ["4 actions", { actions: ["a", "b", "c", "d"].map(action) }, /4 actions; GitHub takes at most 3/],
    ["an identifier of 21 characters", { actions: [action("i".repeat(21))] }, /must have 1 to 20 characters/],
    ["an empty identifier", { actions: [action("")] }, /must have 1 to 20 characters/],
    [
      "completed without a conclusion",
      { status: "completed" as const },
      /is completed but has no conclusion/,
    ],
    [
      "a conclusion while in progress",
      { conclusion: "success" as const },
      /has a conclusion but is in_progress/,
    ],
  ])("refuses %s", (_name, change, message) => {
    expect(() => prepareCheckRun({ ...base, ...change })).toThrow(message);
  });

  test("accepts exactly GitHub's limits", () => {
    const prepared = prepareCheckRun({
      ...base,
      summary: "x".repeat(65_535),
      text: "y".repeat(65_535),
      actions: [action("i".repeat(20)), action("b"), action("c")],
    });
    expect(prepared.actions).toHaveLength(3);
  });

  test.each([
    [0, []],
    [1, [1]],
    [50, [50]],
    [51, [50, 1]],
    [150, [50, 50, 50]],
    [151, [50, 50, 50, 1]],
  ])("batches %i annotations as %j", (count, sizes) => {
    const prepared = prepareCheckRun({
      ...base,
      annotations: annotations(count),
    });
    expect(prepared.annotationBatches.map((b) => b.length)).toEqual(sizes);
  });
});

describe("shorten", () => {
  test.each([
    ["Approve", 20, "Approve"],
    ["x".repeat(20), 20, "x".repeat(20)],
    ["x".repeat(21), 20, `${"x".repeat(19)}…`],
  ])("%j to %i → %j", (text, max, expected) => {
    expect(shorten(text, max)).toBe(expected);
    expect(shorten(text, max).length).toBeLessThanOrEqual(max);
  });
});
