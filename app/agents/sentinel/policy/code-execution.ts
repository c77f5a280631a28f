import type { StackModel } from "../resources.js";
import { violation, type Violation } from "./violation.js";

/** Every provisioner and external program in the stack fails the check: code that runs outside Terraform's model. */
export function checkCodeExecution(model: StackModel): Violation[] {
  return model.codeRuns.map((run) =>
    violation(
      "code-execution",
      `${run.address} runs code on the runner (${run.what}), outside what the plan shows and the scanners check; Infracrew stacks run none`,
      run,
    ),
  );
}
