import path from "node:path";
import type { EvaluateInput } from "../agents/sentinel/evaluate.js";
import { placeholderGoalRef } from "../agents/sentinel/goal-ref.js";
import { TOOL_OUTPUT_BYTES } from "../agents/sentinel/input-limits.js";
import { isTerraformFileName, type TerraformFile } from "../agents/sentinel/locate-blocks.js";
import {
  describeInputProblem,
  parseTerraformPlan,
  parseToolOutput,
  type InputProblem,
  type InputSource,
  type TerraformPlan,
} from "../agents/sentinel/parsers/index.js";
import { parseTerraformFiles, type HclModel } from "../agents/sentinel/parsers/terraform-hcl.js";
import type { ToolOutcome } from "../agents/sentinel/report.js";
import type { Tool } from "../agents/sentinel/tools.js";
import { readArtifact } from "../contracts/artifact-intake.js";
import type { PlanSpec } from "../contracts/generated/plan-spec.js";
import { defaultPolicy, readPolicy } from "../contracts/policy-intake.js";
import { formatProblem, type Problem } from "../contracts/problem.js";
import type { CheckArgs } from "./check-args.js";
import type { CliIo } from "./io.js";
import { readTextFile } from "./read-text-file.js";

export type Loaded =
  { readonly ok: true; readonly input: EvaluateInput } | { readonly ok: false; readonly messages: string[] };

/** Collects what was wrong with each input, as `file: …` lines. */
class Complaints {
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

function relativeDir(io: CliIo, dir: string | undefined): string | undefined {
  if (dir === undefined) return undefined;
  const relative = path.relative(io.cwd, path.resolve(io.cwd, dir)).split(path.sep).join("/");
  return relative === "" ? "." : relative;
}

async function loadPolicy(io: CliIo, file: string | undefined, complaints: Complaints) {
  if (file === undefined) return defaultPolicy();
  const text = await readTextFile(io, file);
  const policy = text.ok ? readPolicy(text.value) : text;
  if (policy.ok) return policy.value;
  complaints.add(file, policy.problems);
  return undefined;
}

async function loadPlanSpec(
  io: CliIo,
  dir: string | undefined,
  complaints: Complaints,
): Promise<PlanSpec | undefined> {
  if (dir === undefined) return undefined;
  const file = path.posix.join(dir, "planspec.json");
  if ((await io.fileSize(file)) === "missing") return undefined;
  const text = await readTextFile(io, file);
  const artifact = text.ok ? readArtifact(text.value, file) : text;
  if (!artifact.ok) complaints.add(file, artifact.problems);
  else if (artifact.value.kind !== "PlanSpec")
    complaints.add(file, [{ path: "kind", message: `must be PlanSpec (got ${artifact.value.kind})` }]);
  else return artifact.value.value;
  return undefined;
}

async function loadOutputs(
  io: CliIo,
  args: CheckArgs,
  scan: InputSource,
  complaints: Complaints,
): Promise<ToolOutcome[]> {
  const outcomes: ToolOutcome[] = [];
  for (const [tool, file] of Object.entries(args.outputs) as [ToolOutcome["tool"], string][]) {
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

async function loadPlan(
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

/** The stack's Terraform files; undefined when there is no --dir, or it is not a directory. */
async function loadTerraformFiles(
  io: CliIo,
  dir: string | undefined,
  complaints: Complaints,
): Promise<TerraformFile[] | undefined> {
  if (dir === undefined) return undefined;
  const names = await io.listFiles(dir);
  if (names === "missing") {
    complaints.add(dir, [{ path: "--dir", message: "is not a directory" }]);
    return undefined;
  }
  const files: TerraformFile[] = [];
  for (const name of names.filter(isTerraformFileName)) {
    const file = path.posix.join(dir, name);
    const text = await readTextFile(io, file);
    if (text.ok) files.push({ path: file, text: text.value });
    else complaints.addRead("terraform", file, text.problems);
  }
  return files;
}

async function loadHcl(
  plan: TerraformPlan | undefined,
  dir: string | undefined,
  files: readonly TerraformFile[] | undefined,
  complaints: Complaints,
): Promise<HclModel | undefined> {
  if (plan || dir === undefined || files === undefined) return undefined;
  if (!files.some((f) => f.path.endsWith(".tf"))) {
    complaints.add(dir, [
      { path: "--dir", message: "has no .tf files, and there is no --plan-json to check instead" },
    ]);
    return undefined;
  }
  const model = await parseTerraformFiles(files);
  if (model.ok) return model.value;
  complaints.addInput(model.problems);
  return undefined;
}

/** Reads every input `infracrew check` was given; each bad one is a message, and none is half-read. */
export async function loadCheckInputs(io: CliIo, args: CheckArgs): Promise<Loaded> {
  const complaints = new Complaints();
  const dir = relativeDir(io, args.dir);
  const roots = [io.cwd, ...(io.env.GITHUB_WORKSPACE ? [io.env.GITHUB_WORKSPACE] : [])];
  const scan: InputSource = { file: "", ...(dir && dir !== "." ? { scanDir: dir } : {}), roots };
  const policy = await loadPolicy(io, args.policy, complaints);
  const planSpec = await loadPlanSpec(io, dir, complaints);
  const toolReports = await loadOutputs(io, args, scan, complaints);
  const plan = await loadPlan(io, args.planJson, complaints);
  const terraformFiles = await loadTerraformFiles(io, dir, complaints);
  const hcl = await loadHcl(plan, dir, terraformFiles, complaints);
  const budget = args.budget ?? planSpec?.cost.budgetMonthlyUsd;
  if (budget === undefined) {
    complaints.add("infracrew check", [
      {
        path: "--budget",
        message: "is needed: give --budget <usd>, or --dir with a planspec.json (its cost.budgetMonthlyUsd)",
      },
    ]);
  }
  if (complaints.messages.length > 0 || !policy || budget === undefined)
    return { ok: false, messages: complaints.messages };
  return {
    ok: true,
    input: {
      goalRef: planSpec?.goalRef ?? placeholderGoalRef(dir),
      toolReports,
      ...(plan ? { plan } : {}),
      ...(hcl ? { hcl } : {}),
      ...(terraformFiles && terraformFiles.length > 0 ? { terraformFiles } : {}),
      policy,
      budgetMonthlyUsd: budget,
      now: io.now(),
    },
  };
}
