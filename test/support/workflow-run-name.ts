import YAML from "yaml";
import { readRepoFile } from "./repo-files.js";

/** The inputs the Conductor dispatches the apply workflow with. */
export interface ApplyInputs {
  readonly pr: string;
  readonly sha: string;
  readonly stack: string;
  readonly mode: "apply" | "rollback";
  readonly known_good_sha: string;
}

let runName: string | undefined;

/**
 * The title GitHub gives a run of templates/workflows/infracrew-apply.yml: its `run-name` evaluated with the inputs.
 * Only `${{ inputs.a }}` and `${{ inputs.a || inputs.b }}` are understood; anything else fails the test.
 */
export function applyRunName(inputs: ApplyInputs): string {
  runName ??= (YAML.parse(readRepoFile("templates/workflows/infracrew-apply.yml")) as { "run-name": string })[
    "run-name"
  ];
  return runName.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expression: string) => {
    const values = expression.split("||").map((term) => {
      const name = /^inputs\.([a-z_]+)$/.exec(term.trim())?.[1];
      if (!name || !(name in inputs)) throw new Error(`run-name: cannot evaluate ${expression}`);
      return inputs[name as keyof ApplyInputs];
    });
    return values.find((v) => v !== "") ?? "";
  });
}
