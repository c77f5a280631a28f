import type { ResolvedOrgPolicy } from "../../contracts/generated/org-policy.js";
import type { ValidateRequest } from "../../contracts/generated/validate-request.js";
import type { GoalRef, ToolRun, ValidationResult } from "../../contracts/generated/validation-result.js";
import { forecastCost } from "./forecast.js";
import { BlockIndex, type TerraformFile } from "./locate-blocks.js";
import type { TerraformPlan } from "./parsers/terraform-plan-json.js";
import type { HclModel } from "./parsers/terraform-hcl.js";
import { judgePolicy } from "./policy-results.js";
import { Reasons } from "./reasons.js";
import type { ToolOutcome } from "./report.js";
import type { StackModel } from "./resources.js";
import { failUnscanned, judgeScanners } from "./scanner-results.js";
import { judgeInlineSkips } from "./skip-results.js";
import type { ScannerTool } from "./tools.js";
import { budgetRun, judgeBudget, validationResult } from "./verdict.js";

export interface EvaluateInput {
  /** Forge's request, when Sentinel runs for one: it gives the stack, the commit and the goal. */
  readonly request?: ValidateRequest;
  readonly goalRef: GoalRef;
  /** What each scanner (Infracost included) gave: its parsed output, or why there is none. */
  readonly toolReports: readonly ToolOutcome[];
  readonly plan?: TerraformPlan;
  /** Why the plan could not be read, when one was given but is unreadable. */
  readonly planProblem?: string;
  /** What is wrong with the other inputs (the policy file, the budget): each one fails the verdict. */
  readonly inputProblems?: readonly string[];
  /** The stack's Terraform files parsed, for the org policy when there is no plan. */
  readonly hcl?: HclModel;
  /**
   * The stack's Terraform files as text, to place the plan's resources at file:line and to find the inline scanner
   * skip comments in them (each fails unless the policy allows its rule).
   */
  readonly terraformFiles?: readonly TerraformFile[];
  readonly policy: ResolvedOrgPolicy;
  readonly budgetMonthlyUsd: number;
  /** Scanners required on top of those the policy requires (e.g. by the workflow). */
  readonly requiredTools?: readonly ScannerTool[];
  readonly now: Date;
}

/** The plan's resources and providers, placed at the blocks that write them. */
export function located(plan: TerraformPlan, files: readonly TerraformFile[] | undefined): TerraformPlan {
  if (!files || files.length === 0) return plan;
  const index = new BlockIndex(files);
  return {
    ...plan,
    resources: plan.resources.map((r) => {
      const location = r.location ?? index.resource(r.address);
      return location ? { ...r, location } : r;
    }),
    providers: plan.providers.map((p) => {
      const location = p.location ?? index.provider(p.key);
      return location ? { ...p, location } : p;
    }),
  };
}

export function terraformRun(
  input: Pick<EvaluateInput, "plan" | "hcl" | "planProblem">,
  reasons: Reasons,
): ToolRun {
  const { plan, hcl } = input;
  if (input.planProblem) {
    reasons.fail(`The plan could not be read: ${input.planProblem}.`);
    return { name: "terraform", status: "failed", reason: input.planProblem };
  }
  if (plan) {
    for (const note of plan.notes) reasons.fail(`The plan cannot be fully checked: ${note}.`);
    return {
      name: "terraform",
      status: "ran",
      ...(plan.terraformVersion ? { version: plan.terraformVersion } : {}),
      reason: `plan format ${plan.formatVersion}, ${plan.resources.length} resource changes`,
    };
  }
  return {
    name: "terraform",
    status: "skipped",
    reason: hcl ? "no plan; the org policy ran on the Terraform files" : "no plan and no Terraform files",
  };
}

/**
 * Sentinel's verdict, from everything it was given: the scanners' outputs, the org policy on the plan (or on
 * the HCL when there is no plan) and on the inline scanner skips in the files, the cost forecast against the
 * budget brake, and the tools the policy requires. Pure: it reads only its input, and says every reason for the verdict.
 */
export function evaluate(input: EvaluateInput): ValidationResult {
  const rules = input.policy.policy;
  const reasons = new Reasons();
  const plan = input.plan ? located(input.plan, input.terraformFiles) : undefined;
  const model: StackModel | undefined = plan ?? input.hcl;
  for (const problem of input.inputProblems ?? []) reasons.fail(problem);
  const terraform = terraformRun(input, reasons);
  const scanners = judgeScanners(input.toolReports, {
    required: new Set([...rules.requiredTools, ...(input.requiredTools ?? [])]),
    threshold: rules.failOnSeverity,
    hasResources: (model?.resources.length ?? 0) > 0,
    reasons,
    unscanned: failUnscanned,
  });
  const policyFindings = [
    ...judgePolicy(model, rules, reasons),
    ...judgeInlineSkips(input.terraformFiles, rules, reasons),
  ];
  const forecast = forecastCost(scanners.cost, model, reasons);
  const budget = judgeBudget(forecast, input.budgetMonthlyUsd, rules, reasons);
  const tools: ToolRun[] = [
    terraform,
    ...scanners.runs,
    {
      name: "infracrew-policy",
      status: model ? "ran" : "skipped",
      ...(model ? { findings: policyFindings.length } : { reason: "no plan and no Terraform files" }),
    },
    budgetRun(budget, forecast.cost.source === "infracost" ? "Infracost" : "the offline estimate"),
  ];
  return validationResult({
    goalRef: input.goalRef,
    ...(input.request ? { request: input.request } : {}),
    reasons,
    findings: [...scanners.findings, ...policyFindings],
    forecast,
    budget,
    rules,
    ...(plan ? { plan } : {}),
    tools,
    now: input.now,
  });
}
