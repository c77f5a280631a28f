import type { Finding, ValidationResult } from "../../contracts/generated/validation-result.js";
import { formatPercent, formatUsd, formatUsdChange } from "../../format/money.js";
import { TOOL_INFO } from "../../agents/sentinel/tools.js";

/** The phrases every Sentinel rendering shares, so the check run, the comment and Slack say the same. */

export function verdictMark(result: ValidationResult): string {
  return result.verdict === "PASS" ? "✅" : "❌";
}

export function planPhrase(result: ValidationResult): string {
  const { create, update, delete: remove, replace } = result.plan;
  return `${create} to create, ${update} to update, ${remove} to delete, ${replace} to replace`;
}

export function costPhrase(result: ValidationResult): string {
  const { cost } = result;
  const change = cost.diffMonthlyUsd !== undefined ? ` (${formatUsdChange(cost.diffMonthlyUsd)})` : "";
  const source = cost.source === "infracost" ? "Infracost" : "offline estimate";
  return `${formatUsd(cost.monthlyUsd)}/month${change}, ${source}`;
}

export function budgetPhrase(result: ValidationResult): string {
  const { budget } = result;
  const share = budget.ratio === null ? "no ratio" : `${formatPercent(budget.ratio)} of`;
  return `${share} the ${formatUsd(budget.monthlyUsd)} budget; brake at ${formatPercent(budget.brakeRatio)}`;
}

export function findingsPhrase(result: ValidationResult): string {
  const blocking = result.findings.filter((f) => f.blocking).length;
  const total = result.findings.length;
  if (total === 0) return "none";
  return `${blocking} blocking of ${total}`;
}

export function toolName(tool: Finding["tool"]): string {
  return TOOL_INFO[tool].label;
}

export function where(finding: Finding): string {
  if (!finding.file) return "";
  if (!finding.line) return finding.file;
  const end = finding.endLine && finding.endLine !== finding.line ? `-${finding.endLine}` : "";
  return `${finding.file}:${finding.line}${end}`;
}

/** How many reasons fail the verdict: the contract's count, or all of them for a FAIL that does not say. */
export function failingCount(result: ValidationResult): number {
  return result.failingReasons ?? (result.verdict === "FAIL" ? result.reasons.length : 0);
}

export function shortSha(result: ValidationResult): string | undefined {
  return result.sha?.slice(0, 7);
}

/** A finding's rule title and, when the tool said more, what it said: `Title: message`. */
export function problemText(finding: Finding): string {
  return finding.message ? `${finding.title.replace(/[.:]$/, "")}: ${finding.message}` : finding.title;
}
