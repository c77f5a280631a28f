import { describe, expect, it } from "vitest";
import { designGoal } from "../../../../app/agents/atlas/index.js";
import { readGoal } from "../../../../app/contracts/goal-intake.js";
import { validateArtifact } from "../../../../app/contracts/validator.js";
import { examplePolicy } from "../../../support/atlas-policies.js";
import { expectGolden } from "../../../support/golden.js";
import { readRepoFile } from "../../../support/repo-files.js";

const now = new Date("2026-11-27T00:00:00Z");

describe("Atlas golden PlanSpecs for stream-processor goals (reviewed by reading)", () => {
  it.each([
    [["examples", "stream-processor.json"], "clickstream.plan-spec.json"],
    [["schemas", "examples", "goal-stream-kafka.json"], "payment-events.plan-spec.json"],
  ])("%j plans to test/golden/atlas/%s", (file, golden) => {
    const read = readGoal(readRepoFile(...file));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const outcome = designGoal(read.value.goal, examplePolicy(), { now });
    expect(outcome.kind).toBe("PlanSpec");
    expect(validateArtifact("PlanSpec", outcome.value).ok).toBe(true);
    expectGolden(`atlas/${golden}`, `${JSON.stringify(outcome.value, null, 2)}\n`);
  });
});
