import { evaluate, type EvaluateInput } from "../../../app/agents/sentinel/evaluate.js";
import { placeholderGoalRef } from "../../../app/agents/sentinel/goal-ref.js";
import { isTerraformFileName, type TerraformFile } from "../../../app/agents/sentinel/locate-blocks.js";
import { describeInputProblem, parseTerraformPlan } from "../../../app/agents/sentinel/parsers/index.js";
import type { ToolOutcome } from "../../../app/agents/sentinel/report.js";
import { SCANNER_TOOLS } from "../../../app/agents/sentinel/tools.js";
import { readArtifact } from "../../../app/contracts/artifact-intake.js";
import type { ArtifactTypes } from "../../../app/contracts/generated/index.js";
import type { ValidationResult } from "../../../app/contracts/generated/validation-result.js";
import { defaultPolicy, readPolicy } from "../../../app/contracts/policy-intake.js";
import { formatProblem } from "../../../app/contracts/problem.js";
import { validateArtifact } from "../../../app/contracts/validator.js";
import { GITHUB_LIMITS, truncate } from "../../../app/render/limits.js";
import { reportMarkdown } from "../../../app/render/sentinel/check-run.js";
import type { SentinelInputs } from "./inputs.js";
import { readPlanArtifact } from "./plan-artifact.js";
import { runScanner, type ScanPlace } from "./scanners.js";
import type { Toolkit } from "./toolkit.js";

/** The artifact the Conductor reads, and the file in it. */
export const ARTIFACT_NAME = "infracrew-validation-result";
export const RESULT_FILE = "validation-result.json";

/** Reads an artifact file of one kind; what is wrong with it becomes a problem that fails the verdict. */
async function readKind<K extends "ValidateRequest" | "PlanSpec">(
  toolkit: Toolkit,
  workspace: string,
  file: string,
  kind: K,
  need: "required" | "optional",
  problems: string[],
): Promise<ArtifactTypes[K] | undefined> {
  const text = await toolkit.fs.read(`${workspace}/${file}`);
  if (text === undefined) {
    if (need === "required") problems.push(`There is no ${kind} file ${file}.`);
    return undefined;
  }
  const artifact = readArtifact(text, file);
  if (!artifact.ok) {
    problems.push(`${file} is not a valid ${kind}: ${artifact.problems.map(formatProblem).join("; ")}.`);
  } else if (artifact.value.kind !== kind) {
    problems.push(`${file} is a ${artifact.value.kind}, not a ${kind}.`);
  } else {
    return artifact.value.value as ArtifactTypes[K];
  }
  return undefined;
}

async function loadPolicy(toolkit: Toolkit, workspace: string, file: string, problems: string[]) {
  const text = await toolkit.fs.read(`${workspace}/${file}`);
  if (text === undefined) return defaultPolicy();
  const policy = readPolicy(text);
  if (policy.ok) return policy.value;
  problems.push(
    `The org policy ${file} is invalid, so Sentinel used the defaults and fails: ${policy.problems.map(formatProblem).join("; ")}.`,
  );
  return defaultPolicy();
}

async function loadPlan(
  toolkit: Toolkit,
  workspace: string,
  file: string,
): Promise<Pick<EvaluateInput, "plan" | "planProblem">> {
  if (file === "") return { planProblem: "the plan artifact gave no plan JSON" };
  const text = await toolkit.fs.read(file.startsWith("/") ? file : `${workspace}/${file}`);
  if (text === undefined) return { planProblem: `there is no file ${file}` };
  const plan = parseTerraformPlan(text, { file });
  return plan.ok ? { plan: plan.value } : { planProblem: plan.problems.map(describeInputProblem).join("; ") };
}

async function terraformFiles(toolkit: Toolkit, workspace: string, dir: string): Promise<TerraformFile[]> {
  const names = (await toolkit.fs.list(`${workspace}/${dir}`)) ?? [];
  const files: TerraformFile[] = [];
  for (const name of names.filter(isTerraformFileName)) {
    const path = dir === "." ? name : `${dir}/${name}`;
    const text = await toolkit.fs.read(`${workspace}/${path}`);
    if (text !== undefined) files.push({ path, text });
  }
  return files;
}

async function runScanners(inputs: SentinelInputs, at: ScanPlace, toolkit: Toolkit): Promise<ToolOutcome[]> {
  const outcomes: ToolOutcome[] = [];
  for (const tool of SCANNER_TOOLS) {
    if (!inputs.scanners.includes(tool)) {
      outcomes.push({ tool, status: "skipped", reason: "not in the action's scanners input" });
      continue;
    }
    toolkit.core.info(`Sentinel: running ${tool}`);
    outcomes.push(await runScanner(tool, at, toolkit));
  }
  return outcomes;
}

/**
 * The Sentinel action's pipeline: run the scanners, read the plan (from the workspace, or sealed in forge-plan's
 * artifact), the policy and the budget, evaluate, then write validation-result.json (naming the saved plan it
 * judged) and the job summary, and upload the result as the artifact the Conductor reads.
 */
export async function sentinel(
  inputs: SentinelInputs,
  toolkit: Toolkit,
): Promise<{ result: ValidationResult; resultFile: string }> {
  const workspace = toolkit.env.GITHUB_WORKSPACE ?? ".";
  const outDir = `${toolkit.env.RUNNER_TEMP ?? workspace}/infracrew-sentinel`;
  await toolkit.fs.mkdir(outDir);
  await toolkit.fs.mkdir(`${outDir}/checkov`);
  const problems: string[] = [];
  const fromArtifact = inputs.planArtifact
    ? await readPlanArtifact(
        toolkit,
        { artifact: inputs.planArtifact, key: inputs.planKey ?? "", dir: inputs.dir, outDir },
        problems,
      )
    : undefined;
  const request = fromArtifact
    ? fromArtifact.request
    : inputs.validateRequest
      ? await readKind(toolkit, workspace, inputs.validateRequest, "ValidateRequest", "required", problems)
      : undefined;
  const planJson = fromArtifact ? (fromArtifact.planJson ?? "") : inputs.planJson;
  const planSpec = await readKind(
    toolkit,
    workspace,
    `${inputs.dir}/planspec.json`,
    "PlanSpec",
    "optional",
    problems,
  );
  const policy = await loadPolicy(toolkit, workspace, inputs.policy, problems);
  const budget = inputs.budget ?? request?.budgetMonthlyUsd ?? planSpec?.cost.budgetMonthlyUsd;
  if (budget === undefined)
    problems.push(
      "There is no budget: give the budget input, a ValidateRequest, or a planspec.json in the stack directory.",
    );
  const at: ScanPlace = {
    workspace,
    dir: inputs.dir,
    planJson,
    conftestPolicy: inputs.conftestPolicy,
    outDir,
  };
  const evaluated = evaluate({
    ...(request ? { request } : {}),
    goalRef: request?.goalRef ?? planSpec?.goalRef ?? placeholderGoalRef(inputs.dir),
    toolReports: await runScanners(inputs, at, toolkit),
    ...(await loadPlan(toolkit, workspace, planJson)),
    terraformFiles: await terraformFiles(toolkit, workspace, inputs.dir),
    inputProblems: problems,
    policy,
    budgetMonthlyUsd: budget ?? 0,
    requiredTools: inputs.required,
    now: toolkit.now(),
  });
  // The saved plan this verdict is about: the App records it on a PASS, and the apply must use exactly it.
  const result: ValidationResult = request?.plan
    ? { ...evaluated, savedPlan: { artifact: request.plan.artifact, sha256: request.plan.sha256 } }
    : evaluated;
  const valid = validateArtifact("ValidationResult", result);
  if (!valid.ok)
    throw new Error(
      `Sentinel made an invalid ValidationResult: ${valid.problems.map(formatProblem).join("; ")}`,
    );
  const resultFile = `${outDir}/${RESULT_FILE}`;
  await toolkit.fs.write(resultFile, `${JSON.stringify(result, null, 2)}\n`);
  const { summary, text } = reportMarkdown(result);
  await toolkit.core.writeSummary(
    truncate(`${summary}\n\n${text}\n`, GITHUB_LIMITS.jobSummary, { what: "the report" }),
  );
  await toolkit.artifact.upload(ARTIFACT_NAME, [resultFile], outDir);
  return { result, resultFile };
}
