import type { ScannerTool } from "../agents/sentinel/tools.js";
import { fail, ok, type Result } from "../contracts/problem.js";
import { TOOL_OPTIONS, toolOutputs } from "./check-args.js";
import { parseOptions } from "./options.js";

export const RUN_USAGE =
  "infracrew run <goal.(json|yaml|md)> [--policy infracrew.yml] [--out dir] [--now ISO-8601] [--trivy f] [--tfsec f] [--checkov f] [--conftest f] [--infracost f] [--plan-json f] [--no-diagram]";

export interface RunArgs {
  readonly goal: string;
  readonly policy?: string;
  readonly out?: string;
  readonly now?: string;
  readonly planJson?: string;
  readonly outputs: Readonly<Partial<Record<ScannerTool, string>>>;
  readonly diagram: boolean;
}

/** Reads `infracrew run`'s arguments: one goal file, and options named as `infracrew check` names them. */
export function parseRunArgs(args: readonly string[]): Result<RunArgs> {
  const parsed = parseOptions(args, {
    command: "run",
    options: ["--policy", "--out", "--now", "--plan-json", ...Object.keys(TOOL_OPTIONS)],
    flags: ["--no-diagram"],
  });
  const problems = [...parsed.problems];
  if (parsed.positionals.length !== 1) {
    problems.push({
      path: "",
      message: `name exactly one goal file (usage: ${RUN_USAGE})`,
    });
  }
  if (problems.length > 0) return fail(problems);
  const { values } = parsed;
  const optional = (option: string, key: keyof RunArgs) =>
    values.has(option) ? { [key]: values.get(option)! } : {};
  return ok({
    goal: parsed.positionals[0]!,
    ...optional("--policy", "policy"),
    ...optional("--out", "out"),
    ...optional("--now", "now"),
    ...optional("--plan-json", "planJson"),
    outputs: toolOutputs(values),
    diagram: !parsed.flags.has("--no-diagram"),
  });
}
