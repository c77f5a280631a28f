import type { ResolvedOrgPolicy } from "../../../contracts/generated/org-policy.js";
import type { PlanSpec } from "../../../contracts/generated/plan-spec.js";
import type { ToolRun, ValidationResult } from "../../../contracts/generated/validation-result.js";
import { located, terraformRun } from "../evaluate.js";
import { fromInfracost } from "../forecast.js";
import type { TerraformFile } from "../locate-blocks.js";
import type { HclModel } from "../parsers/terraform-hcl.js";
import type { TerraformPlan } from "../parsers/terraform-plan-json.js";
import { toFinding, reportViolations } from "../policy-results.js";
import { runOrgPolicy } from "../policy/run-policy.js";
import { Reasons } from "../reasons.js";
import type { ToolOutcome } from "../report.js";
import { judgeScanners } from "../scanner-results.js";
import { judgeInlineSkips } from "../skip-results.js";
import { SCANNER_TOOLS, type ScannerTool } from "../tools.js";
import { budgetRun, judgeBudget, validationResult } from "../verdict.js";
import { checkDesign } from "./design-policy.js";
import { designForecast } from "./design-forecast.js";
import { notCheckedOffline, NOT_OFFLINE, policyPassed, modulesCovered } from "./offline-words.js";
import { checkModuleTags, stackModules } from "./stack-modules.js";

export { NOT_OFFLINE };

export interface OfflineInput {
  /** The design Forge rendered: its components, tags, region and cost estimate. */
  readonly planSpec: PlanSpec;
  /** The scanner outputs that were given; every other scanner is skipped as not installable offline. */
  readonly toolReports: readonly ToolOutcome[];
  /** The Terraform files Forge wrote, parsed: their providers and the resources outside modules. */
  readonly hcl?: HclModel;
  /** A plan, when one was given (`terraform show -json`): the org policy then runs on it. */
  readonly plan?: TerraformPlan;
  readonly terraformFiles?: readonly TerraformFile[];
  readonly policy: ResolvedOrgPolicy;
  readonly now: Date;
}

/**
 * Sentinel's offline verdict, for `infracrew run` on a laptop with no cloud, no scanners and no plan: the org
 * policy on the design (and on the Terraform files), the design's cost estimate against the budget brake, and
 * any scanner outputs given, judged as usual. A scanner that was not given is skipped and does not fail it;
 * the reasons say first that the verdict is offline and what it did not check. The required check on a pull
 * request (`evaluate`) never runs in this mode.
 */
export function evaluateOffline(input: OfflineInput): ValidationResult {
  const { planSpec: spec } = input;
  const rules = input.policy.policy;
  const reasons = new Reasons();
  const given = new Set(input.toolReports.map((o) => o.tool));
  const offline: ScannerTool[] = SCANNER_TOOLS.filter((t) => !given.has(t));
  const plan = input.plan ? located(input.plan, input.terraformFiles) : undefined;
  reasons.pass(notCheckedOffline(offline, plan !== undefined));
  const model = plan ?? input.hcl;
  const terraform = terraformRun(
    { ...(plan ? { plan } : {}), ...(input.hcl ? { hcl: input.hcl } : {}) },
    reasons,
  );
  const outcomes: ToolOutcome[] = [
    ...input.toolReports,
    ...offline.map((tool) => ({ tool, status: "skipped" as const, reason: NOT_OFFLINE })),
  ];
  const scanners = judgeScanners(outcomes, {
    required: new Set(rules.requiredTools.filter((t) => given.has(t))),
    threshold: rules.failOnSeverity,
    hasResources: (model?.resources.length ?? 0) > 0,
    reasons,
    unscanned: () => {},
  });
  const modules = input.hcl && !plan ? stackModules(input.hcl, spec) : undefined;
  const violations = [
    ...checkDesign(spec, rules),
    ...(model ? runOrgPolicy(model, rules) : []),
    ...(input.hcl && !plan ? checkModuleTags(input.hcl, rules) : []),
  ];
  if (reportViolations(violations, reasons)) reasons.pass(policyPassed(spec, model));
  if (modules && input.hcl!.modules.length > 0) reasons.pass(modulesCovered(modules));
  const skipFindings = judgeInlineSkips(input.terraformFiles, rules, reasons);
  const forecast = scanners.cost
    ? fromInfracost(scanners.cost, reasons)
    : designForecast(spec, modules?.shared ?? [], reasons);
  const budget = judgeBudget(forecast, spec.cost.budgetMonthlyUsd, rules, reasons);
  const policyFindings = [...violations.map(toFinding), ...skipFindings];
  const tools: ToolRun[] = [
    terraform,
    ...scanners.runs,
    {
      name: "infracrew-policy",
      status: "ran",
      findings: policyFindings.length,
      reason: `offline: at the design level, on the PlanSpec's ${spec.components.length} components${model ? `, and on ${model.source === "plan" ? "the plan" : "the Terraform files"}` : ""}`,
    },
    budgetRun(budget, forecast.cost.source === "infracost" ? "Infracost" : "the design's estimate"),
  ];
  return validationResult({
    goalRef: spec.goalRef,
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
