import { designGoal } from "../../agents/atlas/index.js";
import { checkPlanSpecForRender, renderStack } from "../../agents/forge/index.js";
import { formatUsd } from "../../format/money.js";
import { evaluateOffline } from "../../agents/sentinel/offline/evaluate-offline.js";
import { parseTerraformFiles } from "../../agents/sentinel/parsers/terraform-hcl.js";
import type { DesignBlocked, PlanSpec } from "../../contracts/generated/index.js";
import type { ValidationResult } from "../../contracts/generated/validation-result.js";
import { validateArtifact } from "../../contracts/validator.js";
import { formatProblem } from "../../contracts/problem.js";
import type { Progress } from "../progress.js";
import { renderDiagramSvg, type DiagramSvg } from "./diagram-svg.js";
import type { RunInputs } from "./run-inputs.js";
import type { CliIo } from "../io.js";
import type { OutFile } from "./write-run.js";

export type CrewOutcome =
  | { readonly kind: "blocked"; readonly blocked: DesignBlocked }
  | {
      readonly kind: "validated";
      readonly spec: PlanSpec;
      /** Forge's files, relative to the output directory (`terraform/…`). */
      readonly terraform: readonly OutFile[];
      readonly result: ValidationResult;
      /** Undefined with --no-diagram. */
      readonly diagram?: DiagramSvg;
    };

export function artifactText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Atlas, then Forge, then Sentinel (offline), then the diagram: each a step on the progress lines. */
export async function runCrew(
  io: CliIo,
  inputs: RunInputs,
  progress: Progress,
  options: { readonly diagram: boolean },
): Promise<CrewOutcome> {
  const { goal, policy, now } = inputs;
  const outcome = await progress.step(
    "Atlas",
    `designing ${goal.name}`,
    () => designGoal(goal, policy, { now }),
    (o) =>
      o.kind === "PlanSpec"
        ? {
            state: "ok",
            text: `designed ${o.value.name}: ${o.value.pattern} in ${o.value.regions?.join(" and ") ?? o.value.region}, ${o.value.components.length} components, ${formatUsd(o.value.cost.monthlyUsd)}/month`,
          }
        : { state: "fail", text: `design blocked: ${o.value.reasons.map((r) => r.code).join(", ")}` },
  );
  if (outcome.kind === "DesignBlocked") return { kind: "blocked", blocked: outcome.value };
  const spec = outcome.value;

  const terraform = await progress.step(
    "Forge",
    "writing the Terraform",
    () => forgeFiles(spec, inputs),
    (files) => ({ state: "ok", text: `wrote ${files.length} files for terraform/` }),
  );

  const result = await progress.step(
    "Sentinel",
    "checking the stack offline",
    () => sentinel(spec, terraform, inputs),
    (r) => ({
      state: r.verdict === "PASS" ? "ok" : "fail",
      text: `${r.verdict} (offline): ${r.failingReasons ?? 0} failing of ${r.reasons.length} reasons, ${r.findings.length} findings, forecast ${formatUsd(r.cost.monthlyUsd)}/month of ${formatUsd(r.budget.monthlyUsd)}`,
    }),
  );

  const diagram = options.diagram
    ? await progress.step(
        "Diagram",
        "rendering diagram.svg with Chromium",
        () => renderDiagramSvg(io, spec.diagram.mermaid),
        (d) =>
          d.ok
            ? { state: "ok", text: "rendered diagram.svg" }
            : { state: "note", text: `no diagram.svg: ${d.why}` },
      )
    : undefined;
  return { kind: "validated", spec, terraform, result, ...(diagram ? { diagram } : {}) };
}

function forgeFiles(spec: PlanSpec, inputs: RunInputs): OutFile[] {
  const problems = checkPlanSpecForRender(spec);
  if (problems.length > 0) {
    throw new Error(`Forge cannot render Atlas's PlanSpec: ${problems.map(formatProblem).join("; ")}`);
  }
  const prefix = `${spec.terraform.dir}/`;
  return renderStack(spec, { policy: inputs.policy }).files.map((f) => {
    if (!f.path.startsWith(prefix)) throw new Error(`Forge wrote ${f.path} outside ${spec.terraform.dir}`);
    return { path: `terraform/${f.path.slice(prefix.length)}`, content: f.content };
  });
}

async function sentinel(spec: PlanSpec, terraform: readonly OutFile[], inputs: RunInputs) {
  // Named where they will be written, so findings point at the files a person opens.
  const files = terraform
    .filter((f) => f.path.endsWith(".tf"))
    .map((f) => ({ path: `${inputs.out}/${f.path}`, text: f.content }));
  const hcl = await parseTerraformFiles(files);
  if (!hcl.ok) throw new Error(`Forge's Terraform does not parse: ${JSON.stringify(hcl.problems)}`);
  const result = evaluateOffline({
    planSpec: spec,
    toolReports: inputs.toolReports,
    hcl: hcl.value,
    ...(inputs.plan ? { plan: inputs.plan } : {}),
    terraformFiles: files,
    policy: inputs.policy,
    now: inputs.now,
  });
  const valid = validateArtifact("ValidationResult", result);
  if (!valid.ok)
    throw new Error(`Sentinel made an invalid ValidationResult: ${JSON.stringify(valid.problems)}`);
  return result;
}
