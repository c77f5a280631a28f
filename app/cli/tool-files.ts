import { TOOL_OUTPUT_BYTES } from "../agents/sentinel/input-limits.js";
import {
  describeInputProblem,
  parseTerraformPlan,
  parseToolOutput,
  type InputProblem,
  type InputSource,
  type TerraformPlan,
} from "../agents/sentinel/parsers/index.js";
import type { ToolOutcome } from "../agents/sentinel/report.js";
import type { ScannerTool, Tool } from "../agents/sentinel/tools.js";
import { formatProblem, type Problem } from "../contracts/problem.js";
import path from "node:path";
import type { CliIo } from "./io.js";
import { readTextFile } from "./read-text-file.js";

/** Reading the outputs of the scanners and of `terraform show -json`, for `check` and `run`. */

/** A directory as given, relative to the working directory with forward slashes ("." for itself). */
export function relativeDir(io: CliIo, dir: string | undefined): string | undefined {
  if (dir === undefined) return undefined;
  const relative = path.relative(io.cwd, path.resolve(io.cwd, dir)).split(path.sep).join("/");
  return relative === "" ? "." : relative;
}

/** Where scanner outputs' paths are read from: inside the scanned directory, absolute under a root. */
export function scanSource(io: CliIo, dir: string | undefined): InputSource {
  const roots = [io.cwd, ...(io.env.GITHUB_WORKSPACE ? [io.env.GITHUB_WORKSPACE] : [])];
  return { file: "", ...(dir && dir !== "." ? { scanDir: dir } : {}), roots };
}

/** Collects what was wrong with each input, as `file: …` lines. */
export class Complaints {
  readonly messages: string[] = [];

  add(file: string, problems: readonly Problem[]): void {
    for (const p of problems) this.messages.push(`${file}: ${formatProblem(p)}`);
  }

  addInput(problems: readonly InputProblem[]): void {
    for (const p of problems) this.messages.push(describeInputProblem(p));
  }

  /** A file's own problems (missing, too large, not text), said as the tool's. */
  addRead(tool: Tool, file: string, problems: readonly Problem[]): void {
    this.addInput(problems.map((p) => ({ ...p, tool, file })));
  }
}

export async function loadOutputs(
  io: CliIo,
  files: Readonly<Partial<Record<ScannerTool, string>>>,
  scan: InputSource,
  complaints: Complaints,
): Promise<ToolOutcome[]> {
  const outcomes: ToolOutcome[] = [];
  for (const [tool, file] of Object.entries(files) as [ToolOutcome["tool"], string][]) {
    const text = await readTextFile(io, file, TOOL_OUTPUT_BYTES);
    if (!text.ok) {
      complaints.addRead(tool, file, text.problems);
      continue;
    }
    // Conftest names files as it was given them; the scanners name them within the directory they scanned.
    const source = tool === "conftest" ? { ...scan, file, scanDir: undefined } : { ...scan, file };
    const report = parseToolOutput(tool, text.value, source);
    if (report.ok) outcomes.push({ tool, status: "ran", report: report.value });
    else complaints.addInput(report.problems);
  }
  return outcomes;
}

export async function loadPlan(
  io: CliIo,
  file: string | undefined,
  complaints: Complaints,
): Promise<TerraformPlan | undefined> {
  if (file === undefined) return undefined;
  const text = await readTextFile(io, file, TOOL_OUTPUT_BYTES);
  if (!text.ok) return void complaints.addRead("terraform", file, text.problems);
  const plan = parseTerraformPlan(text.value, { file });
  if (plan.ok) return plan.value;
  complaints.addInput(plan.problems);
  return undefined;
}
