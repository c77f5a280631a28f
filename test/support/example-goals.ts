import type { GoalStatement } from "../../app/contracts/generated/index.js";
import { readGoal } from "../../app/contracts/goal-intake.js";
import { readRepoFile } from "./repo-files.js";

/** A shared example goal from schemas/examples/, read as the intake reads it. */
export function exampleGoal(file: string): GoalStatement {
  const read = readGoal(readRepoFile("schemas", "examples", file));
  if (!read.ok) throw new Error(`${file}: ${JSON.stringify(read.problems)}`);
  return read.value.goal;
}
