/**
 * forge-apply's pipeline. `apply` applies exactly the saved plan the App approved (./saved-plan.ts): it refuses
 * another checkout, another run's or another stack's artifact, a plan older than the limit, a sealed file that does
 * not open with the plan key, and a plan whose sha256 is not the approved one. `rollback` plans and applies the last known-good revision, or, on a stack's first apply, destroys what the
 * apply created but its data stores (see app/agents/forge/rollback.ts). Either way the result is an ApplyResult.
 */
import { firstApplyRollback, retainedDataStores } from "../../../app/agents/forge/rollback.js";
import { planSecrets, type PlanJson } from "../../../app/agents/forge/terraform/plan-json.js";
import {
  outputSecrets,
  redactOutputs,
  type OutputsJson,
} from "../../../app/agents/forge/terraform/outputs-json.js";
import type { PlanSpec } from "../../../app/contracts/generated/index.js";
import type { PlanCounts } from "../../../app/contracts/generated/validate-request.js";
import { checkHead } from "../../forge-common/src/checkout.js";
import { failureOf, logOutput, Terraform, type StepFailure } from "../../forge-common/src/terraform.js";
import { fetchApprovedPlan, type ApprovedPlan } from "./saved-plan.js";
import type { ExecResult, Toolkit } from "../../forge-common/src/toolkit.js";

export interface ApplyInputs {
  readonly mode: "apply" | "rollback";
  readonly workingDirectory: string;
  readonly stack: string;
  /** The approved SHA (apply), or the revision being rolled back (rollback). */
  readonly sha: string;
  readonly knownGoodSha?: string;
  readonly pr?: number;
  readonly repository?: string;
  readonly maxPlanAgeMinutes: number;
  readonly timeoutMinutes: number;
  /** apply: the plan Sentinel passed, as the App dispatched it. */
  readonly plan?: ApprovedPlan;
  /** apply: the plan encryption key (INFRACREW_PLAN_KEY), read and masked. */
  readonly planKey?: Buffer;
  readonly backendBucket?: string;
  readonly backendRegion?: string;
}

/** What a run did, before it is written as an ApplyResult. */
export interface ApplyOutcome {
  readonly sha: string;
  readonly failure?: StepFailure;
  readonly outputs?: ReturnType<typeof redactOutputs>;
  readonly changes?: PlanCounts;
  readonly destroyed?: readonly string[];
  readonly retained?: readonly string[];
}

function terraformFor(inputs: ApplyInputs, toolkit: Toolkit): Terraform {
  return new Terraform(toolkit, {
    dir: inputs.workingDirectory,
    timeoutSeconds: inputs.timeoutMinutes * 60,
    ...(inputs.backendBucket ? { backendBucket: inputs.backendBucket } : {}),
    ...(inputs.backendRegion ? { backendRegion: inputs.backendRegion } : {}),
  });
}

/** Reads the outputs after an apply, masking the sensitive ones before anything is printed. */
type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: StepFailure };

async function readOutputs(
  terraform: Terraform,
  toolkit: Toolkit,
): Promise<Checked<ReturnType<typeof redactOutputs>>> {
  const result = await terraform.output();
  const failure = failureOf(result, "output");
  if (failure) return { ok: false, failure };
  let outputs: OutputsJson;
  try {
    outputs = JSON.parse(result.stdout) as OutputsJson;
  } catch {
    return { ok: false, failure: { phase: "output", message: "terraform output -json printed no JSON" } };
  }
  for (const secret of outputSecrets(outputs)) toolkit.core.setSecret(secret);
  return { ok: true, value: redactOutputs(outputs) };
}

/**
 * Masks every sensitive value a saved plan holds (from `terraform show -json`), before the plan is applied and its
 * output printed.
 */
async function maskPlan(terraform: Terraform, toolkit: Toolkit): Promise<StepFailure | undefined> {
  const show = await terraform.show();
  const failure = failureOf(show, "plan");
  if (failure) return failure;
  try {
    for (const secret of planSecrets(JSON.parse(show.stdout) as PlanJson)) toolkit.core.setSecret(secret);
  } catch {
    return { phase: "plan", message: "terraform show -json printed no JSON plan" };
  }
  return undefined;
}

/**
 * After an apply: reads the outputs (masking the sensitive ones), and only then prints what the apply said, whose
 * values the plan's and the outputs' masks now cover.
 */
async function finish(
  sha: string,
  terraform: Terraform,
  toolkit: Toolkit,
  applied: ExecResult,
  changes?: PlanCounts,
): Promise<ApplyOutcome> {
  const outputs = await readOutputs(terraform, toolkit);
  logOutput(toolkit, "terraform apply", applied);
  const counts = changes ? { changes } : {};
  return outputs.ok
    ? { sha, outputs: outputs.value, ...counts }
    : { sha, failure: outputs.failure, ...counts };
}

/**
 * Masks the saved plan's secrets, prints the plan's output (when it was just made), and applies the plan: what the
 * apply printed, or the failure of the first step that failed.
 */
async function maskAndApply(
  terraform: Terraform,
  toolkit: Toolkit,
  planned?: ExecResult,
): Promise<Checked<ExecResult>> {
  const masked = await maskPlan(terraform, toolkit);
  if (masked) return { ok: false, failure: masked };
  if (planned) logOutput(toolkit, "terraform plan", planned);
  const applied = await terraform.apply();
  const failure = failureOf(applied, "apply");
  if (!failure) return { ok: true, value: applied };
  logOutput(toolkit, "terraform apply", applied);
  return { ok: false, failure };
}

async function applySavedPlan(inputs: ApplyInputs, toolkit: Toolkit): Promise<ApplyOutcome> {
  const { sha, plan, planKey } = inputs;
  const head = await checkHead(toolkit, sha, "the approved SHA");
  if (head) return { sha, failure: head };
  if (!plan || !planKey) {
    return {
      sha,
      failure: {
        phase: "refused",
        message:
          "the dispatch names no approved plan (plan-run-id, plan-artifact-id, plan-sha256): nothing is applied",
      },
    };
  }
  const fetched = await fetchApprovedPlan(
    {
      workingDirectory: inputs.workingDirectory,
      stack: inputs.stack,
      sha,
      plan,
      planKey,
      maxPlanAgeMinutes: inputs.maxPlanAgeMinutes,
    },
    toolkit,
  );
  if (!fetched.ok) return { sha, failure: fetched.failure };
  const { meta } = fetched;
  const terraform = terraformFor(inputs, toolkit);
  const init = await initialized(terraform, toolkit);
  if (init) return { sha, failure: init, changes: meta.changes };
  const applied = await maskAndApply(terraform, toolkit);
  if (!applied.ok) return { sha, failure: applied.failure, changes: meta.changes };
  return finish(sha, terraform, toolkit, applied.value, meta.changes);
}

/** terraform init, its output printed (it holds no plan values): the failure, if any. */
async function initialized(terraform: Terraform, toolkit: Toolkit): Promise<StepFailure | undefined> {
  const init = await terraform.init();
  const failure = failureOf(init, "init");
  if (!failure) logOutput(toolkit, "terraform init", init);
  return failure;
}

async function rollbackToKnownGood(
  inputs: ApplyInputs,
  toolkit: Toolkit,
  knownGood: string,
): Promise<ApplyOutcome> {
  const head = await checkHead(toolkit, knownGood, "the last known-good SHA");
  if (head) return { sha: knownGood, failure: head };
  const terraform = terraformFor(inputs, toolkit);
  const init = await initialized(terraform, toolkit);
  if (init) return { sha: knownGood, failure: init };
  const planned = await terraform.plan();
  const planFailure = failureOf(planned, "plan", [0, 2]);
  if (planFailure) return { sha: knownGood, failure: planFailure };
  const applied = await maskAndApply(terraform, toolkit, planned);
  if (!applied.ok) return { sha: knownGood, failure: applied.failure };
  return finish(knownGood, terraform, toolkit, applied.value);
}

function stateAddresses(stdout: string): string[] {
  return stdout
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

async function rollbackFirstApply(
  inputs: ApplyInputs,
  toolkit: Toolkit,
  spec: PlanSpec,
): Promise<ApplyOutcome> {
  const { sha } = inputs;
  const head = await checkHead(toolkit, sha, "the revision being rolled back");
  if (head) return { sha, failure: head };
  const terraform = terraformFor(inputs, toolkit);
  const init = await initialized(terraform, toolkit);
  if (init) return { sha, failure: init };
  const before = await terraform.stateList();
  const listFailure = failureOf(before, "destroy");
  if (listFailure) return { sha, failure: listFailure };
  const plan = firstApplyRollback(spec);
  const existing = stateAddresses(before.stdout);
  const targets = plan.destroy.filter((t) => existing.some((a) => a === t || a.startsWith(`${t}.`)));
  if (targets.length > 0) {
    const destroyed = await terraform.destroy(targets);
    // A destroy prints resource addresses and the values Terraform shows redacted; it runs on no saved plan.
    logOutput(toolkit, "terraform destroy", destroyed);
    const destroy = failureOf(destroyed, "destroy");
    if (destroy) return { sha, failure: destroy };
  }
  const after = await terraform.stateList();
  const afterFailure = failureOf(after, "destroy");
  if (afterFailure) return { sha, failure: afterFailure };
  const remaining = stateAddresses(after.stdout);
  const retained = retainedDataStores(remaining, plan);
  if (retained.length > 0) {
    toolkit.core.warning(
      `Kept the data stores of the first apply, for a person to decide: ${retained.join(", ")}`,
    );
  }
  return {
    sha,
    outputs: {},
    destroyed: existing.filter(
      (a) => !remaining.includes(a) && !a.startsWith("data.") && !a.includes(".data."),
    ),
    retained,
  };
}

export async function applyStack(
  inputs: ApplyInputs,
  toolkit: Toolkit,
  spec: PlanSpec,
): Promise<ApplyOutcome> {
  if (inputs.mode === "apply") return applySavedPlan(inputs, toolkit);
  if (inputs.knownGoodSha) return rollbackToKnownGood(inputs, toolkit, inputs.knownGoodSha);
  return rollbackFirstApply(inputs, toolkit, spec);
}
