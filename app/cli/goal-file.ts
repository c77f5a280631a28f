import type { GoalStatement } from "../contracts/generated/index.js";
import { readGoal, type GoalFormat } from "../contracts/goal-intake.js";
import type { Result } from "../contracts/problem.js";
import type { CliIo } from "./io.js";
import { readTextFile } from "./read-text-file.js";

/** How a goal file is read, by its name; anything else is told by its content. */
export function goalFormatOf(file: string): GoalFormat {
  if (/\.json$/i.test(file)) return "json";
  if (/\.ya?ml$/i.test(file)) return "yaml";
  if (/\.(md|markdown)$/i.test(file)) return "markdown";
  return "auto";
}

/** Reads a GoalStatement file (JSON, YAML, a fenced block in Markdown, or the issue form). */
export async function loadGoal(io: CliIo, file: string): Promise<Result<GoalStatement>> {
  const text = await readTextFile(io, file);
  const goal = text.ok ? readGoal(text.value, goalFormatOf(file)) : text;
  return goal.ok ? { ok: true, value: goal.value.goal } : goal;
}
