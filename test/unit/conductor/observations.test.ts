import { describe, expect, it } from "vitest";
import { transition } from "../../../app/conductor/transitions.js";
import { policyWith } from "../../support/policies.js";
import type { ValidationResult } from "../../../app/contracts/generated/index.js";
import { observe } from "../../../app/conductor/observations.js";
import type { PrState } from "../../../app/conductor/pr-state.js";
import { brakeTripped, validationFigures } from "../../../app/conductor/validation-figures.js";
import { prState, SHA_A, SHA_GOOD } from "../../support/pr-states.js";
import { readRepoFile } from "../../support/repo-files.js";

const result = JSON.parse(readRepoFile("schemas/examples/validation-result-pass.json")) as ValidationResult;

describe("validation figures", () => {
  it("keep the cost, the budget and the counts of a ValidationResult", () => {
    expect(validationFigures(result)).toEqual({
      costMonthlyUsd: 96.4,
      budgetMonthlyUsd: 300,
      ratio: 0.3213,
      brakeRatio: 0.8,
      findings: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 1, INFO: 0 },
      plan: { create: 31, update: 0, delete: 0, replace: 0 },
    });
  });

  it.each([
    [0.79, false],
    [0.8, true],
    [1.4, true],
  ])("a ratio of %s trips the 0.8 brake: %s", (ratio, tripped) => {
    expect(brakeTripped({ ...validationFigures(result), ratio })).toBe(tripped);
  });
});

const applying = prState("APPLYING");
const rolling = prState("ROLLBACK");
const figures = validationFigures(result);

describe("observations between two states", () => {
  it.each<[string, PrState, PrState, ReturnType<typeof observe>]>([
    ["nothing changed", applying, applying, []],
    [
      "an apply that succeeded after 9 minutes",
      applying,
      {
        ...applying,
        state: "DONE",
        apply: { ...applying.apply!, status: "success", finishedAt: "2026-11-27T12:09:00Z" },
      },
      [{ type: "run-finished", mode: "apply", status: "success", seconds: 540 }],
    ],
    ["a redelivered apply result", prState("DONE"), prState("DONE"), []],
    [
      "an apply timed out and rolled back in the same event",
      applying,
      { ...rolling, apply: { ...applying.apply!, status: "timeout", finishedAt: "2026-11-27T12:31:00Z" } },
      [{ type: "run-finished", mode: "apply", status: "timeout", seconds: 1860 }],
    ],
    [
      "a rollback that began 6 minutes after its trigger",
      rolling,
      { ...rolling, rollback: { ...rolling.rollback!, startedAt: "2026-11-27T12:16:00Z" } },
      [{ type: "rollback-began", seconds: 360 }],
    ],
    [
      "a rollback that finished 20 minutes after its trigger",
      { ...rolling, rollback: { ...rolling.rollback!, startedAt: "2026-11-27T12:11:00Z" } },
      {
        ...rolling,
        state: "DONE",
        rollback: {
          ...rolling.rollback!,
          startedAt: "2026-11-27T12:11:00Z",
          finishedAt: "2026-11-27T12:30:00Z",
          status: "success",
          breaches: ["finish"],
        },
      },
      [{ type: "run-finished", mode: "rollback", status: "success", seconds: 1200 }],
    ],
    [
      "a second rollback of the same PR",
      {
        ...rolling,
        state: "DONE",
        rollback: { ...rolling.rollback!, finishedAt: "2026-11-27T12:20:00Z", status: "success" },
      },
      {
        ...rolling,
        rollback: {
          ...rolling.rollback!,
          triggeredAt: "2026-11-28T09:00:00Z",
          startedAt: "2026-11-28T09:01:00Z",
          toSha: SHA_GOOD,
        },
      },
      [{ type: "rollback-began", seconds: 60 }],
    ],
    [
      "a new validation over the brake",
      prState("VALIDATING"),
      {
        ...prState("BLOCKED"),
        validation: { sha: SHA_A, verdict: "FAIL", reasons: ["over"], figures: { ...figures, ratio: 0.93 } },
      },
      [{ type: "budget-brake", stack: "checkout-api", ratio: 0.93 }],
    ],
    [
      "a new validation under the brake",
      prState("VALIDATING"),
      {
        ...prState("WAIT_FOR_APPROVE"),
        validation: { sha: SHA_A, verdict: "PASS", reasons: ["ok"], figures },
      },
      [],
    ],
  ])("%s", (_name, before, after, expected) => {
    expect(observe(before, after)).toEqual(expected);
  });

  it("reports a tripped brake once, not again when the same validation is carried on", () => {
    const validation = {
      sha: SHA_A,
      verdict: "FAIL" as const,
      reasons: ["over"],
      figures: { ...figures, ratio: 2 },
    };
    const blocked = { ...prState("BLOCKED"), validation };
    expect(observe(prState("VALIDATING"), blocked)).toHaveLength(1);
    expect(observe(blocked, { ...blocked, handled: ["comment:9"] })).toEqual([]);
  });
});

describe("a validation's figures", () => {
  it("are kept in the state by the transition table", () => {
    const next = transition(
      prState("VALIDATING"),
      { type: "validation-completed", runId: "5", sha: SHA_A, verdict: "PASS", reasons: ["ok"], figures },
      {
        now: "2026-11-27T12:05:00Z",
        policy: policyWith(),
        appLogin: "infracrew[bot]",
        prNumber: 9,
        nonce: "3".repeat(32),
      },
    );
    expect(next.state.validation?.figures).toEqual(figures);
  });
});
