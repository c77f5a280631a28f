import { readFileSync } from "node:fs";
import path from "node:path";
import { readGoal } from "../app/contracts/goal-intake.js";
import { time, type BenchRow } from "./harness.js";

export const title = "Goal intake";

export async function run(): Promise<BenchRow[]> {
  const examples = path.join(import.meta.dirname, "..", "schemas", "examples");
  const json = readFileSync(path.join(examples, "goal-web-api.json"), "utf8");
  const form = readFileSync(path.join(examples, "goal-issue-form-body.md"), "utf8");
  const fromJson = await time(() => readGoal(json), { runs: 2000 });
  const fromForm = await time(() => readGoal(form), { runs: 2000 });
  return [
    { name: "readGoal(json), median", value: fromJson.medianMs * 1000, unit: "µs" },
    { name: "readGoal(issue form), median", value: fromForm.medianMs * 1000, unit: "µs" },
  ];
}
