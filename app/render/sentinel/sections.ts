import type { ValidationResult } from "../../contracts/generated/validation-result.js";
import { formatPercent, formatUsd, formatUsdChange } from "../../format/money.js";
import { code, plain, table } from "../markdown.js";
import { failingCount, problemText, shortSha, toolName, verdictMark, where } from "./words.js";

/** The Markdown sections of Sentinel's report, each built on its own and joined by the renderers. */

export function headingSection(result: ValidationResult): string {
  const at = [
    result.stack ? code(result.stack) : undefined,
    shortSha(result) ? `at ${code(shortSha(result)!)}` : undefined,
  ]
    .filter(Boolean)
    .join(" ");
  return `## ${verdictMark(result)} Sentinel: ${result.verdict}${at ? ` — ${at}` : ""}`;
}

export function reasonsSection(result: ValidationResult): string {
  const failing = failingCount(result);
  const bullets = (reasons: readonly string[], mark: string) =>
    reasons.map((r) => `- ${mark} ${plain(r)}`).join("\n");
  const parts = [];
  if (failing > 0) parts.push(`**Why it failed**\n\n${bullets(result.reasons.slice(0, failing), "❌")}`);
  if (failing < result.reasons.length) {
    parts.push(`**What was checked**\n\n${bullets(result.reasons.slice(failing), "✔️")}`);
  }
  return parts.join("\n\n");
}

export function planSection(result: ValidationResult): string {
  const { create, update, delete: remove, replace } = result.plan;
  return `### Plan\n\n${table(["Create", "Update", "Delete", "Replace"], [[create, update, remove, replace]], ["right", "right", "right", "right"])}`;
}

export function costSection(result: ValidationResult): string {
  const { cost, budget } = result;
  const row = [
    formatUsd(cost.monthlyUsd),
    cost.diffMonthlyUsd === undefined ? "" : formatUsdChange(cost.diffMonthlyUsd),
    formatUsd(budget.monthlyUsd),
    budget.ratio === null ? "" : formatPercent(budget.ratio),
    `${formatPercent(budget.brakeRatio)} (${formatUsd(budget.monthlyUsd * budget.brakeRatio)})`,
    cost.source === "infracost" ? "Infracost" : "offline estimate",
  ];
  const lines = [
    "### Cost against the budget",
    "",
    table(
      ["Forecast / month", "Change", "Budget", "Share", "Brake", "Source"],
      [row],
      ["right", "right", "right", "right", "right"],
    ),
  ];
  if (cost.note) lines.push("", `${plain(cost.note)}.`);
  const unpriced = cost.unpriced ?? [];
  if (unpriced.length > 0) {
    lines.push("", `Not in the estimate (${unpriced.length}):`, "", ...unpriced.map((u) => `- ${plain(u)}`));
  }
  return lines.join("\n");
}

export function findingsSection(result: ValidationResult): string {
  if (result.findings.length === 0) return "### Findings\n\nNone.";
  const rows = result.findings.map((f) => [
    f.blocking ? "❌" : "",
    f.severity,
    f.link ? `[${plain(f.ruleId)}](${f.link})` : plain(f.ruleId),
    [toolName(f.tool), ...(f.alsoReportedBy ?? []).map((a) => `${toolName(a.tool)} ${plain(a.ruleId)}`)].join(
      ", ",
    ),
    f.resource ? code(f.resource) : "",
    plain(where(f)),
    plain(problemText(f)),
  ]);
  const blocking = result.findings.filter((f) => f.blocking).length;
  return [
    `### Findings (${result.findings.length}, ${blocking} blocking)`,
    "",
    table(["", "Severity", "Rule", "Reported by", "Resource", "Where", "Problem"], rows),
  ].join("\n");
}

export function toolsSection(result: ValidationResult): string {
  const rows = result.tools.map((t) => [
    toolName(t.name),
    t.status,
    t.version && plain(t.version),
    t.findings,
    t.reason && plain(t.reason),
  ]);
  return `### Tools\n\n${table(["Tool", "Status", "Version", "Findings", "Notes"], rows, ["left", "left", "left", "right"])}`;
}

export function footerSection(result: ValidationResult): string {
  return `<sub>${result.id} · ${result.createdAt}</sub>`;
}
