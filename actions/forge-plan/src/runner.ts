/** forge-plan's runner: reads and checks the inputs, runs the pipeline, reports its outcome, catches every error. */
import { formatProblem } from "../../../app/contracts/problem.js";
import {
  internalError,
  POSITIVE,
  readInputs,
  STACK_INPUTS,
  type InputSpec,
} from "../../forge-common/src/inputs.js";
import { readKeyInput } from "../../forge-common/src/plan-key-input.js";
import { join, PLAN_JSON_FILE, VALIDATE_REQUEST_FILE } from "../../forge-common/src/stack.js";
import type { Toolkit } from "../../forge-common/src/toolkit.js";
import { planStack } from "./main.js";

export const PLAN_INPUTS = {
  ...STACK_INPUTS,
  "artifact-retention-days": { default: "7", ...POSITIVE },
} satisfies Record<string, InputSpec>;

export async function run(toolkit: Toolkit): Promise<void> {
  const { core } = toolkit;
  try {
    // The key is read (and masked) first, before anything can be printed.
    const key = readKeyInput(core);
    const read = readInputs(core, PLAN_INPUTS);
    if (!read.ok) {
      core.setFailed(`forge-plan: ${read.problems.map(formatProblem).join("; ")}`);
      return;
    }
    if (!key.ok) {
      core.setFailed(`forge-plan: plan-key: ${key.message}`);
      return;
    }
    const i = read.value;
    const outcome = await planStack(
      {
        planKey: key.key,
        workingDirectory: i["working-directory"],
        stack: i.stack,
        sha: i.sha,
        ...(i.pr ? { pr: Number(i.pr) } : {}),
        ...(i.repository ? { repository: i.repository } : {}),
        ...(i["backend-bucket"] ? { backendBucket: i["backend-bucket"] } : {}),
        ...(i["backend-region"] ? { backendRegion: i["backend-region"] } : {}),
        timeoutMinutes: Number(i["timeout-minutes"]),
        retentionDays: Number(i["artifact-retention-days"]),
      },
      toolkit,
    );
    if (!outcome.ok) {
      core.setFailed(`forge-plan: ${outcome.failure.phase}: ${outcome.failure.message}`);
      return;
    }
    const dir = i["working-directory"];
    const c = outcome.request.planCounts!;
    core.setOutput("validate-request", join(dir, VALIDATE_REQUEST_FILE));
    core.setOutput("plan-json", join(dir, PLAN_JSON_FILE));
    core.setOutput("artifact", outcome.artifact);
    core.setOutput("has-changes", String(outcome.hasChanges));
    core.info(
      `Planned ${i.stack} at ${i.sha}: ${c.create} to create, ${c.update} to update, ${c.delete} to delete, ${c.replace} to replace; saved as ${outcome.artifact}.`,
    );
  } catch (error) {
    core.setFailed(internalError("forge-plan", error));
  }
}
