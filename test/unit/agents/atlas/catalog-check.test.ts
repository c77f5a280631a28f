import { describe, expect, it } from "vitest";
import { designGoal } from "../../../../app/agents/atlas/index.js";
import type { GoalStatement } from "../../../../app/contracts/generated/index.js";
import { readGoal } from "../../../../app/contracts/goal-intake.js";
import { examplePolicy } from "../../../support/atlas-policies.js";
import { readRepoFile } from "../../../support/repo-files.js";

const now = new Date("2026-12-05T00:00:00Z");

function webApi(): GoalStatement {
  const read = readGoal(readRepoFile("schemas", "examples", "goal-web-api.json"));
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.value.goal;
}

function reasons(goal: GoalStatement): [string, string | undefined][] {
  const outcome = designGoal(goal, examplePolicy(), { now });
  return outcome.kind === "DesignBlocked" ? outcome.value.reasons.map((r) => [r.code, r.field]) : [];
}

describe("a goal the catalog cannot design yet is blocked, naming the field, never designed as something else", () => {
  const goal = webApi();
  it.each<[string, GoalStatement, string]>([
    [
      "two regions without a domain to fail over",
      { ...goal, regions: ["eu-west-1", "eu-central-1"] },
      "workload.domain",
    ],
    [
      "a DynamoDB table",
      { ...goal, data: { ...goal.data, keyValue: { engine: "dynamodb" } } },
      "data.keyValue",
    ],
  ])("%s", (_name, g, field) => {
    expect(reasons(g)).toContainEqual(["not-in-catalog", field]);
  });

  it("designs workload.gpu now: GPUs on a web-api are no longer not-in-catalog", () => {
    const gpu = { ...goal, workload: { ...goal.workload, gpu: { type: "nvidia-a10g" as const, count: 1 } } };
    expect(reasons(gpu).filter(([code]) => code === "not-in-catalog")).toEqual([]);
  });
});
