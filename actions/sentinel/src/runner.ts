import { formatProblem } from "../../../app/contracts/problem.js";
import { readInputs } from "./inputs.js";
import { sentinel } from "./main.js";
import type { Toolkit } from "./toolkit.js";

/** Reads the inputs, runs the pipeline, sets the outputs, and turns every error into a failed step. */
export async function run(toolkit: Toolkit): Promise<void> {
  const key = toolkit.core.getInput("plan-key").trim();
  if (key !== "") toolkit.core.setSecret(key);
  const inputs = readInputs((name) => toolkit.core.getInput(name));
  if (!inputs.ok) {
    toolkit.core.setFailed(`Sentinel's inputs are invalid: ${inputs.problems.map(formatProblem).join("; ")}`);
    return;
  }
  try {
    const { result, resultFile } = await sentinel(inputs.value, toolkit);
    toolkit.core.setOutput("verdict", result.verdict);
    toolkit.core.setOutput("result-file", resultFile);
    toolkit.core.setOutput("failing-reasons", String(result.failingReasons ?? 0));
    toolkit.core.info(`Sentinel: ${result.verdict}`);
    if (result.verdict === "FAIL" && inputs.value.failStep) {
      toolkit.core.setFailed(
        `Sentinel: FAIL. ${result.reasons.slice(0, result.failingReasons ?? 1).join(" ")}`,
      );
    }
  } catch (error) {
    if (error instanceof Error && error.stack) toolkit.core.info(error.stack);
    const message = error instanceof Error ? error.message : String(error);
    toolkit.core.setFailed(`Sentinel could not finish, so nothing passed: ${message}`);
  }
}
