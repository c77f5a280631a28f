import { fail, ok, showValue, type Problem, type Result } from "../contracts/problem.js";
import type { ScannerTool } from "../agents/sentinel/tools.js";
import { parseOptions } from "./options.js";

export type ReportFormat = "json" | "markdown";

export interface CheckArgs {
  readonly planJson?: string;
  readonly outputs: Readonly<Partial<Record<ScannerTool, string>>>;
  readonly dir?: string;
  readonly policy?: string;
  readonly budget?: number;
  readonly format: ReportFormat;
}

export const TOOL_OPTIONS: Readonly<Record<string, ScannerTool>> = {
  "--trivy": "trivy",
  "--tfsec": "tfsec",
  "--checkov": "checkov",
  "--conftest": "conftest",
  "--infracost": "infracost",
};

/** The scanner output files named by their options (--trivy f …), by tool. */
export function toolOutputs(values: ReadonlyMap<string, string>): Partial<Record<ScannerTool, string>> {
  const outputs: Partial<Record<ScannerTool, string>> = {};
  for (const [option, tool] of Object.entries(TOOL_OPTIONS)) {
    const file = values.get(option);
    if (file !== undefined) outputs[tool] = file;
  }
  return outputs;
}

const OPTIONS = ["--plan-json", ...Object.keys(TOOL_OPTIONS), "--dir", "--policy", "--budget", "--format"];

function budgetOf(value: string): number | Problem {
  const amount = /^\s*\$?\s*(\d+(?:\.\d+)?)\s*$/.exec(value.replace(/,/g, ""));
  if (!amount || Number(amount[1]) <= 0) {
    return {
      path: "--budget",
      message: `must be a monthly amount in USD greater than 0 (got ${showValue(value)})`,
    };
  }
  return Number(amount[1]);
}

/** Reads `infracrew check`'s options; every mistake is a problem naming the option. */
export function parseCheckArgs(args: readonly string[]): Result<CheckArgs> {
  const parsed = parseOptions(args, { command: "check", options: OPTIONS });
  const { values } = parsed;
  const problems: Problem[] = [
    ...parsed.positionals.map((arg) => ({
      path: arg,
      message: "is not an option: name each file with its option",
    })),
    ...parsed.problems,
  ];
  const format = values.get("--format") ?? "markdown";
  if (format !== "json" && format !== "markdown") {
    problems.push({ path: "--format", message: `must be json or markdown (got ${showValue(format)})` });
  }
  const budget = values.has("--budget") ? budgetOf(values.get("--budget")!) : undefined;
  if (typeof budget === "object") problems.push(budget);
  if (problems.length > 0) return fail(problems);
  const outputs = toolOutputs(values);
  const optional = (key: string, name: string) => (values.has(key) ? { [name]: values.get(key)! } : {});
  return ok({
    ...optional("--plan-json", "planJson"),
    outputs,
    ...optional("--dir", "dir"),
    ...optional("--policy", "policy"),
    ...(typeof budget === "number" ? { budget } : {}),
    format: format as ReportFormat,
  });
}
