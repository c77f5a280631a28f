import { expect } from "vitest";
import { designGoal } from "../../app/agents/atlas/index.js";
import type { GoalStatement, PlanSpec } from "../../app/contracts/generated/index.js";
import type { ResolvedOrgPolicy } from "../../app/contracts/generated/org-policy.js";
import { readGoal } from "../../app/contracts/goal-intake.js";
import { readPolicy } from "../../app/contracts/policy-intake.js";
import { validateArtifact } from "../../app/contracts/validator.js";
import { readRepoFile } from "./repo-files.js";

export const regionsNow = new Date("2026-11-27T00:00:00Z");

/** examples/infracrew.yml: the policy whose hosted zone (example.com) a two-region goal's domain lies in. */
export function domainPolicy(): ResolvedOrgPolicy {
  const read = readPolicy(readRepoFile("examples", "infracrew.yml"));
  if (!read.ok) throw new Error("examples/infracrew.yml is invalid");
  return read.value;
}

/** A goal of examples/, read as the intake reads it. */
export function examplesGoal(file: string): GoalStatement {
  const read = readGoal(readRepoFile("examples", file));
  if (!read.ok) throw new Error(`${file}: ${JSON.stringify(read.problems)}`);
  return read.value.goal;
}

/** The goal's PlanSpec, checked against the schema; a block fails the test with its reasons. */
export function designedPlan(goal: GoalStatement, policy = domainPolicy()): PlanSpec {
  const outcome = designGoal(goal, policy, { now: regionsNow });
  if (outcome.kind !== "PlanSpec") throw new Error(JSON.stringify(outcome.value.reasons));
  const valid = validateArtifact("PlanSpec", outcome.value);
  expect(valid.ok, JSON.stringify(valid)).toBe(true);
  return outcome.value;
}
