import YAML from "yaml";
import { readRepoFile } from "./repo-files.js";

/** The inputs the Conductor dispatches the apply workflow with (app/conductor/names.ts applyDispatchInputs). */
export interface ApplyInputs {
  readonly pr: string;
  readonly stack: string;
  readonly mode: "apply" | "rollback";
  readonly sha: string;
  readonly target_sha: string;
  readonly nonce: string;
  readonly plan_run_id: string;
  readonly plan_artifact_id: string;
  readonly plan_sha256: string;
}

/** What a run-name expression may read: the dispatch's inputs, or the event (`github.…`). */
export interface RunContext {
  readonly inputs?: Readonly<Record<string, string>>;
  readonly github?: Readonly<Record<string, unknown>>;
}

/** A workflow template of templates/workflows, parsed. */
export function workflowTemplate(file: string): Record<string, unknown> {
  return YAML.parse(readRepoFile("templates/workflows", file)) as Record<string, unknown>;
}

/**
 * The title GitHub gives a run of the template: its `run-name` evaluated in the context. Only `${{ a }}` and
 * `${{ a || b }}` with `inputs.<name>` and `github.<path>` are understood (an absent value is empty, as on GitHub);
 * anything else fails the test.
 */
export function runName(file: string, context: RunContext): string {
  const template = workflowTemplate(file)["run-name"];
  if (typeof template !== "string") throw new Error(`${file} has no run-name`);
  return template.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expression: string) => {
    const values = expression.split("||").map((term) => read(context, term.trim(), expression));
    return values.find((v) => v !== "") ?? "";
  });
}

function read(context: RunContext, term: string, expression: string): string {
  const [root, ...path] = term.split(".");
  if (!/^[a-z_.]+$/.test(term) || path.length === 0 || (root !== "inputs" && root !== "github"))
    throw new Error(`run-name: cannot evaluate ${expression}`);
  let value: unknown = root === "inputs" ? context.inputs : context.github;
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
  return value === undefined || value === null ? "" : String(value);
}

/** The title of an apply workflow run dispatched with `inputs`. */
export function applyRunName(inputs: ApplyInputs): string {
  return runName("infracrew-apply.yml", { inputs: { ...inputs } });
}
