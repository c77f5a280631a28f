import path from "node:path";
import type { EvaluateInput } from "../agents/sentinel/evaluate.js";
import { placeholderGoalRef } from "../agents/sentinel/goal-ref.js";
import { isTerraformFileName, type TerraformFile } from "../agents/sentinel/locate-blocks.js";
import type { TerraformPlan } from "../agents/sentinel/parsers/index.js";
import { parseTerraformFiles, type HclModel } from "../agents/sentinel/parsers/terraform-hcl.js";
import { readArtifact } from "../contracts/artifact-intake.js";
import type { PlanSpec } from "../contracts/generated/plan-spec.js";
import { defaultPolicy, readPolicy } from "../contracts/policy-intake.js";
import type { CheckArgs } from "./check-args.js";
import type { CliIo } from "./io.js";
import { readTextFile } from "./read-text-file.js";
import { Complaints, loadOutputs, loadPlan, relativeDir, scanSource } from "./tool-files.js";

export type Loaded =
  { readonly ok: true; readonly input: EvaluateInput } | { readonly ok: false; readonly messages: string[] };

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
  const scan = scanSource(io, dir);
  const policy = await loadPolicy(io, args.policy, complaints);
  const planSpec = await loadPlanSpec(io, dir, complaints);
  const toolReports = await loadOutputs(io, args.outputs, scan, complaints);
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
