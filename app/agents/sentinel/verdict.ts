import type { ResolvedPolicyRules } from "../../contracts/generated/org-policy.js";
import type { ValidateRequest } from "../../contracts/generated/validate-request.js";
import type {
  Finding,
  GoalRef,
  ToolRun,
  ValidationResult,
} from "../../contracts/generated/validation-result.js";
import { artifactId } from "../../contracts/canonical.js";
import { checkBudgetBrake, type BrakeCheck } from "./budget-brake.js";
import { compareFindings } from "./findings/merge.js";
import type { Forecast } from "./forecast.js";
import { formatUsd } from "../../format/money.js";
import type { TerraformPlan } from "./parsers/terraform-plan-json.js";
import { planCounts } from "./plan-counts.js";
import type { Reasons } from "./reasons.js";

export interface BudgetJudged {
  /** The budget the brake used: the goal's, or the org's cap when that is lower. */
  readonly budgetUsd: number;
  /** Undefined when there is no forecast to judge. */
  readonly brake?: BrakeCheck;
}

/** The budget brake on the forecast, with the goal's budget capped by the org's `maxMonthlyUsd`. */
export function judgeBudget(
  forecast: Forecast,
  budgetMonthlyUsd: number,
  rules: ResolvedPolicyRules,
  reasons: Reasons,
): BudgetJudged {
  const cap = rules.maxMonthlyUsd;
  let budgetUsd = budgetMonthlyUsd;
  if (cap !== undefined && budgetMonthlyUsd > cap) {
    reasons.pass(
      `The goal's budget of ${formatUsd(budgetMonthlyUsd)} is over the org's cap of ${formatUsd(cap)} a goal; the brake uses the cap.`,
    );
    budgetUsd = cap;
  }
  if (forecast.monthlyUsd === undefined) return { budgetUsd };
  const brake = checkBudgetBrake(forecast.monthlyUsd, budgetUsd, rules.budgetBrakeRatio);
  if (brake.tripped) reasons.fail(brake.reason);
  else reasons.pass(brake.reason);
  return { budgetUsd, brake };
}

export interface Judged {
  readonly goalRef: GoalRef;
  readonly request?: ValidateRequest;
  readonly reasons: Reasons;
  /** Scanner and org-policy findings, in any order. */
  readonly findings: readonly Finding[];
  readonly forecast: Forecast;
  readonly budget: BudgetJudged;
  readonly rules: ResolvedPolicyRules;
  readonly plan?: TerraformPlan;
  readonly tools: readonly ToolRun[];
  readonly now: Date;
}

function timestamp(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The ValidationResult of what was judged: FAIL when any reason fails it, with every reason said. */
export function validationResult(judged: Judged): ValidationResult {
  const { reasons, budget } = judged;
  const findings = [...judged.findings].sort(
    (a, b) => Number(b.blocking) - Number(a.blocking) || compareFindings(a, b),
  );
  const body = {
    goalRef: judged.goalRef,
    ...(judged.request ? { stack: judged.request.stack, sha: judged.request.sha } : {}),
    verdict: reasons.failing.length > 0 ? ("FAIL" as const) : ("PASS" as const),
    reasons: reasons.all(),
    failingReasons: reasons.failing.length,
    findings,
    cost: judged.forecast.cost,
    budget: {
      monthlyUsd: budget.budgetUsd,
      ratio: budget.brake?.ratio ?? null,
      brakeRatio: judged.rules.budgetBrakeRatio,
    },
    plan: planCounts(judged.plan),
    tools: [...judged.tools],
  };
  return {
    schemaVersion: "0.1",
    kind: "ValidationResult",
    id: artifactId(`validation-${judged.goalRef.name}`, body),
    createdAt: timestamp(judged.now),
    ...body,
  };
}

/** The budget brake's line in `tools[]`: it ran on a forecast from `from`, or failed for want of one. */
export function budgetRun(budget: BudgetJudged, from: string): ToolRun {
  return {
    name: "infracrew-budget",
    status: budget.brake ? "ran" : "failed",
    reason: budget.brake ? `forecast from ${from}` : "no cost forecast",
  };
}
