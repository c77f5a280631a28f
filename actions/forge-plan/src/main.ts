/**
 * forge-plan's pipeline: check the checkout is the head SHA, init, validate, plan, read the plan as JSON (masking
 * and redacting its sensitive values), seal plan and JSON with the plan key (AES-256-GCM), save the sealed files as
 * an artifact named after the stack and the SHA, and emit the ValidateRequest that Sentinel takes next, with the
 * sha256 of the plaintext plan that an apply must match.
 */
import {
  planCounts,
  planSecrets,
  redactPlan,
  type PlanJson,
} from "../../../app/agents/forge/terraform/plan-json.js";
import { artifactId } from "../../../app/contracts/canonical.js";
import type { ValidateRequest } from "../../../app/contracts/generated/index.js";
import { validateArtifact } from "../../../app/contracts/validator.js";
import {
  hashBytes,
  join,
  PLAN_JSON_FILE,
  PLAN_META_FILE,
  planArtifactName,
  problemsText,
  readPlanSpec,
  SEALED_PLAN_FILE,
  SEALED_PLAN_JSON_FILE,
  VALIDATE_REQUEST_FILE,
  writeJson,
  type PlanMeta,
} from "../../forge-common/src/stack.js";
import {
  failureOf,
  logOutput,
  PLAN_FILE,
  Terraform,
  type Diagnostic,
  type StepFailure,
} from "../../forge-common/src/terraform.js";
import type { Toolkit } from "../../forge-common/src/toolkit.js";
import { checkHead } from "../../forge-common/src/checkout.js";
import { seal } from "../../forge-common/src/plan-crypto.js";

export interface PlanInputs {
  /** The plan encryption key (INFRACREW_PLAN_KEY), already read and masked. */
  readonly planKey: Buffer;
  readonly workingDirectory: string;
  readonly stack: string;
  readonly sha: string;
  readonly pr?: number;
  readonly repository?: string;
  readonly backendBucket?: string;
  readonly backendRegion?: string;
  readonly timeoutMinutes: number;
  readonly retentionDays: number;
}

export type PlanOutcome =
  | {
      readonly ok: true;
      readonly request: ValidateRequest;
      readonly hasChanges: boolean;
      readonly artifact: string;
    }
  | { readonly ok: false; readonly failure: StepFailure };

/** Annotates validate's diagnostics on their files and sums them up. */
function validateFailure(toolkit: Toolkit, dir: string, stdout: string): StepFailure | undefined {
  let report: { valid?: boolean; error_count?: number; diagnostics?: Diagnostic[] };
  try {
    report = JSON.parse(stdout) as typeof report;
  } catch {
    return { phase: "plan", message: "terraform validate printed no JSON report" };
  }
  if (report.valid) return undefined;
  const errors = (report.diagnostics ?? []).filter((d) => d.severity === "error");
  for (const d of errors) {
    toolkit.core.error(`${d.summary}${d.detail ? `: ${d.detail}` : ""}`, {
      ...(d.range ? { file: join(dir, d.range.filename), line: d.range.start.line } : {}),
    });
  }
  const first = errors[0];
  const where = first?.range ? ` (${first.range.filename}:${first.range.start.line})` : "";
  return {
    phase: "plan",
    message: `terraform validate found ${report.error_count ?? errors.length} error(s)${first ? `: ${first.summary}${where}` : ""}`,
  };
}

export async function planStack(inputs: PlanInputs, toolkit: Toolkit): Promise<PlanOutcome> {
  const dir = inputs.workingDirectory;
  const failed = (failure: StepFailure): PlanOutcome => ({ ok: false, failure });
  const head = await checkHead(toolkit, inputs.sha, "the pull request's head SHA");
  if (head) return failed(head);
  const spec = await readPlanSpec(toolkit, dir);
  if (!spec.ok) return failed({ phase: "refused", message: problemsText(spec.problems) });

  const terraform = new Terraform(toolkit, {
    dir,
    timeoutSeconds: inputs.timeoutMinutes * 60,
    ...(inputs.backendBucket ? { backendBucket: inputs.backendBucket } : {}),
    ...(inputs.backendRegion ? { backendRegion: inputs.backendRegion } : {}),
  });
  const terraformVersion = await terraform.version();
  const initResult = await terraform.init();
  const init = failureOf(initResult, "init");
  if (init) return failed(init);
  logOutput(toolkit, "terraform init", initResult);
  const validation = await terraform.validate();
  const invalid = validateFailure(toolkit, dir, validation.stdout);
  if (invalid) return failed(invalid);
  const plan = await terraform.plan();
  const planFailure = failureOf(plan, "plan", [0, 2]);
  if (planFailure) return failed(planFailure);

  const show = await terraform.show();
  const showFailure = failureOf(show, "plan");
  if (showFailure) return failed(showFailure);
  let planJson: PlanJson;
  try {
    planJson = JSON.parse(show.stdout) as PlanJson;
  } catch {
    return failed({ phase: "plan", message: "terraform show -json printed no JSON plan" });
  }
  // Masked before anything of the plan is printed: the plan's own output is shown only now.
  for (const secret of planSecrets(planJson)) toolkit.core.setSecret(secret);
  logOutput(toolkit, "terraform plan", plan);
  const changes = planCounts(planJson);
  await writeJson(toolkit, join(dir, PLAN_JSON_FILE), redactPlan(planJson));

  const planBytes = await toolkit.fs.readBytes(join(dir, PLAN_FILE));
  if (!planBytes) return failed({ phase: "plan", message: `terraform plan wrote no ${PLAN_FILE}` });
  const planJsonBytes = await toolkit.fs.readBytes(join(dir, PLAN_JSON_FILE));
  if (!planJsonBytes) throw new Error(`internal: ${PLAN_JSON_FILE} was not written`);
  // Only sealed copies leave the runner: the plan holds variables and prior state in clear text.
  const bound = { stack: inputs.stack, sha: inputs.sha };
  await toolkit.fs.writeBytes(
    join(dir, SEALED_PLAN_FILE),
    seal(inputs.planKey, planBytes, { ...bound, file: PLAN_FILE }),
  );
  await toolkit.fs.writeBytes(
    join(dir, SEALED_PLAN_JSON_FILE),
    seal(inputs.planKey, planJsonBytes, { ...bound, file: PLAN_JSON_FILE }),
  );
  const createdAt = toolkit.clock.now().toISOString();
  const planSha256 = hashBytes(planBytes);
  const meta: PlanMeta = {
    stack: inputs.stack,
    sha: inputs.sha,
    dir,
    createdAt,
    ...(terraformVersion ? { terraformVersion } : {}),
    planSha256,
    sealed: "AES-256-GCM",
    changes,
  };
  await writeJson(toolkit, join(dir, PLAN_META_FILE), meta);

  const artifact = planArtifactName(inputs.stack, inputs.sha);
  const body = {
    schemaVersion: "0.1" as const,
    kind: "ValidateRequest" as const,
    createdAt,
    goalRef: spec.value.goalRef,
    ...(inputs.repository ? { repo: inputs.repository } : {}),
    ...(inputs.pr ? { pr: inputs.pr } : {}),
    stack: inputs.stack,
    dir,
    sha: inputs.sha,
    budgetMonthlyUsd: spec.value.cost.budgetMonthlyUsd,
    plan: {
      artifact,
      planFile: SEALED_PLAN_FILE,
      planJsonFile: SEALED_PLAN_JSON_FILE,
      sha256: planSha256,
    },
    planCounts: changes,
    ...(terraformVersion ? { terraformVersion } : {}),
  };
  const request = { ...body, id: artifactId(`validate-${inputs.stack}`, body) };
  const checked = validateArtifact("ValidateRequest", request);
  if (!checked.ok)
    throw new Error(`internal: the ValidateRequest is invalid: ${problemsText(checked.problems)}`);
  await writeJson(toolkit, join(dir, VALIDATE_REQUEST_FILE), checked.value);

  await toolkit.artifacts.upload(
    artifact,
    [SEALED_PLAN_FILE, SEALED_PLAN_JSON_FILE, PLAN_META_FILE, VALIDATE_REQUEST_FILE].map((f) => join(dir, f)),
    dir,
    inputs.retentionDays,
  );
  return { ok: true, request: checked.value, hasChanges: plan.exitCode === 2, artifact };
}
