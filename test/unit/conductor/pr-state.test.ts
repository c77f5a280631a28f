import { describe, expect, it } from "vitest";
import { isRolledBack, rememberHandled } from "../../../app/conductor/pr-state.js";
import { prState } from "../../support/pr-states.js";

describe("the PR state's handled ids", () => {
  it("keeps the last 100, newest last, each once", () => {
    let state = prState("VALIDATING");
    for (let i = 0; i < 150; i++) state = rememberHandled(state, `comment:${i}`);
    expect(state.handled).toHaveLength(100);
    expect(state.handled[0]).toBe("comment:50");
    state = rememberHandled(state, "comment:60");
    expect(state.handled.filter((h) => h === "comment:60")).toHaveLength(1);
    expect(state.handled.at(-1)).toBe("comment:60");
  });
});

describe("a rolled-back PR", () => {
  it("is DONE after a successful rollback, and only then", () => {
    const done = prState("DONE");
    expect(isRolledBack(done)).toBe(false);
    const rolled = { ...prState("ROLLBACK"), state: "DONE" as const };
    expect(isRolledBack({ ...rolled, rollback: { ...rolled.rollback!, status: "success" } })).toBe(true);
    expect(isRolledBack({ ...rolled, rollback: { ...rolled.rollback!, status: "failure" } })).toBe(false);
  });
});
