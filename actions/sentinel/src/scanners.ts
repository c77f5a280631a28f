import {
  describeInputProblem,
  parseToolOutput,
  type InputSource,
} from "../../../app/agents/sentinel/parsers/index.js";
import type { ToolOutcome } from "../../../app/agents/sentinel/report.js";
import { toolLabel, type ScannerTool } from "../../../app/agents/sentinel/tools.js";
import type { Toolkit } from "./toolkit.js";

/**
 * Where a scan happens and writes: the workspace (the commands' working directory), the stack, the plan and
 * Conftest's policies relative to it, and an absolute directory for the outputs.
 */
export interface ScanPlace {
  readonly workspace: string;
  readonly dir: string;
  readonly planJson: string;
  readonly conftestPolicy: string;
  readonly outDir: string;
}

/** How a scanner is run: the command, its arguments, the exit codes that still mean "ran", and its output. */
export interface ScannerCommand {
  readonly command: string;
  readonly args: readonly string[];
  /** Exit codes with a report: tfsec, Checkov and Conftest exit 1 when they find problems. */
  readonly reportExitCodes: readonly number[];
  /** The file it writes its output to; undefined when it writes to stdout. */
  readonly outputFile?: string;
}

/** The exact command line of each scanner, reading the stack (or the plan) and writing JSON. */
export function scannerCommand(tool: ScannerTool, at: ScanPlace): ScannerCommand {
  const out = (name: string) => `${at.outDir}/${name}`;
  switch (tool) {
    case "trivy":
      return {
        command: "trivy",
        args: ["config", "--format", "json", "--output", out("trivy.json"), at.dir],
        reportExitCodes: [0],
        outputFile: out("trivy.json"),
      };
    case "tfsec":
      return {
        command: "tfsec",
        args: [at.dir, "--format", "json", "--out", out("tfsec.json"), "--soft-fail"],
        reportExitCodes: [0, 1],
        outputFile: out("tfsec.json"),
      };
    case "checkov":
      return {
        command: "checkov",
        args: ["-d", at.dir, "-o", "json", "--output-file-path", out("checkov")],
        reportExitCodes: [0, 1],
        outputFile: out("checkov/results_json.json"),
      };
    case "conftest":
      return {
        command: "conftest",
        args: ["test", "--output", "json", "--all-namespaces", "--policy", at.conftestPolicy, at.planJson],
        reportExitCodes: [0, 1],
      };
    case "infracost":
      return {
        command: "infracost",
        args: ["breakdown", "--path", at.planJson, "--format", "json", "--out-file", out("infracost.json")],
        reportExitCodes: [0],
        outputFile: out("infracost.json"),
      };
  }
}

/** The last lines a failed command wrote, to say why it failed. */
function tail(text: string): string {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const last = lines.slice(-3).join(" / ");
  return last.length > 300 ? `…${last.slice(-300)}` : last;
}

/** Runs one scanner and reads its output: it ran (with its report), or failed, and why. */
export async function runScanner(tool: ScannerTool, at: ScanPlace, toolkit: Toolkit): Promise<ToolOutcome> {
  const { command, args, reportExitCodes, outputFile } = scannerCommand(tool, at);
  const label = toolLabel(tool);
  let result;
  try {
    result = await toolkit.exec(command, args, { cwd: at.workspace });
  } catch (error) {
    const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { tool, status: "failed", reason: `${label} could not be started (is it installed?): ${why}` };
  }
  if (!reportExitCodes.includes(result.exitCode)) {
    const said = tail(`${result.stderr}\n${result.stdout}`);
    return {
      tool,
      status: "failed",
      reason: `${label} exited with code ${result.exitCode}${said ? `: ${said}` : ""}`,
    };
  }
  const text = outputFile === undefined ? result.stdout : await toolkit.fs.read(outputFile);
  if (text === undefined)
    return { tool, status: "failed", reason: `${label} wrote no output to ${outputFile}` };
  // Conftest names the files as it was given them; the others name them within the directory they scanned.
  const source: InputSource = {
    file: outputFile ?? `${command} stdout`,
    ...(tool === "conftest" || at.dir === "." ? {} : { scanDir: at.dir }),
    roots: [at.workspace],
  };
  const report = parseToolOutput(tool, text, source);
  if (!report.ok)
    return { tool, status: "failed", reason: report.problems.map(describeInputProblem).join("; ") };
  return { tool, status: "ran", report: report.value };
}
