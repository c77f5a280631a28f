import type { ValidationResult } from "../contracts/generated/index.js";
import type { Severity, ValidationFigures } from "./pr-state.js";

export const SEVERITIES: readonly Severity[] = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO"];

/** The figures of a ValidationResult that the Conductor keeps in the PR's state. */
export function validationFigures(result: ValidationResult): ValidationFigures {
  const findings = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const finding of result.findings) findings[finding.severity] += 1;
  const { create, update, delete: remove, replace } = result.plan;
  return {
    costMonthlyUsd: result.cost.monthlyUsd,
    budgetMonthlyUsd: result.budget.monthlyUsd,
    ratio: result.budget.ratio,
    brakeRatio: result.budget.brakeRatio,
    findings,
    plan: { create, update, delete: remove, replace },
  };
}

/** Sentinel's budget brake: the forecast at or above the brake ratio of the budget. */
export function brakeTripped(figures: ValidationFigures): boolean {
  return figures.ratio === null ? figures.costMonthlyUsd > 0 : figures.ratio >= figures.brakeRatio;
}
