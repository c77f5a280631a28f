import type { ValidationResult } from "../../contracts/generated/validation-result.js";
import { formatPercent, formatUsd, formatUsdChange } from "../../format/money.js";
import { SHOWN, andMore, capList, clip, formatCount } from "../limits.js";
import { code, plain, table } from "../markdown.js";
import { annotatable } from "./annotations.js";
import { failingCount, problemText, shortSha, toolName, verdictMark, where } from "./words.js";

/** The Markdown sections of Sentinel's report, each built on its own and joined by the renderers. */

export interface SectionOptions {
  /** Where the whole result can be read (the workflow run), for the "and N more" notes. */
  readonly link?: string;
  /** Say how many findings the check run annotates, when it cannot annotate them all. */
  readonly annotated?: boolean;
  /** Every reason and finding, uncut: for a file (report.md), never for GitHub or Slack. */
  readonly whole?: boolean;
}

/** A list's first items (all of them when `whole`), and the "and N more" note for the rest. */
function some<T>(items: readonly T[], max: number, options: SectionOptions): { shown: T[]; more: number } {
  return options.whole ? { shown: [...items], more: 0 } : capList(items, max);
}

function cut(text: string, max: number, options: SectionOptions): string {
  return options.whole ? text : clip(text, max);
}

function moreNote(more: number, what: string, options: SectionOptions): string[] {
  return more > 0 ? [andMore(more, what, options.link ? { link: options.link } : {})] : [];
}

export function headingSection(result: ValidationResult): string {
  const at = [
    result.stack ? code(result.stack) : undefined,
    shortSha(result) ? `at ${code(shortSha(result)!)}` : undefined,
  ]
    .filter(Boolean)
    .join(" ");
  return `## ${verdictMark(result)} Sentinel: ${result.verdict}${at ? ` — ${at}` : ""}`;
}

export function reasonsSection(result: ValidationResult, options: SectionOptions = {}): string {
  const failing = failingCount(result);
  const bullets = (reasons: readonly string[], mark: string, what: string) => {
    const { shown, more } = some(reasons, SHOWN.checkRunReasons, options);
    return [
      ...shown.map((r) => `- ${mark} ${plain(cut(r, SHOWN.checkRunReasonChars, options))}`),
      ...moreNote(more, what, options).map((note) => `- ${note}`),
    ].join("\n");
  };
  const parts = [];
  if (failing > 0)
    parts.push(
      `**Why it failed**\n\n${bullets(result.reasons.slice(0, failing), "❌", "reasons it failed")}`,
    );
  if (failing < result.reasons.length) {
    parts.push(`**What was checked**\n\n${bullets(result.reasons.slice(failing), "✔️", "reasons")}`);
  }
  return parts.join("\n\n");
}

export function planSection(result: ValidationResult): string {
  const { create, update, delete: remove, replace } = result.plan;
  return `### Plan\n\n${table(["Create", "Update", "Delete", "Replace"], [[create, update, remove, replace]], ["right", "right", "right", "right"])}`;
}

export function costSection(result: ValidationResult, options: SectionOptions = {}): string {
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
    const { shown, more } = some(unpriced, SHOWN.listItems, options);
    lines.push(
      "",
      `Not in the estimate (${formatCount(unpriced.length)}):`,
      "",
      ...shown.map((u) => `- ${plain(cut(u, SHOWN.checkRunReasonChars, options))}`),
      ...moreNote(more, "resources not in the estimate", options).map((note) => `- ${note}`),
    );
  }
  return lines.join("\n");
}

export function findingsSection(result: ValidationResult, options: SectionOptions = {}): string {
  if (result.findings.length === 0) return "### Findings\n\nNone.";
  const cell = (text: string) => cut(text, SHOWN.checkRunCellChars, options);
  const { shown, more } = some(result.findings, SHOWN.checkRunFindings, options);
  const rows = shown.map((f) => [
    f.blocking ? "❌" : "",
    f.severity,
    f.link ? `[${plain(cell(f.ruleId))}](${cell(f.link)})` : plain(cell(f.ruleId)),
    cell(
      [
        toolName(f.tool),
        ...(f.alsoReportedBy ?? []).map((a) => `${toolName(a.tool)} ${plain(a.ruleId)}`),
      ].join(", "),
    ),
    f.resource ? code(cell(f.resource)) : "",
    plain(cell(where(f))),
    plain(cell(problemText(f))),
  ]);
  const blocking = result.findings.filter((f) => f.blocking).length;
  const located = annotatable(result).length;
  const annotations =
    options.annotated && located > SHOWN.annotations
      ? [
          `Annotated on the files: the first ${SHOWN.annotations} of the ${formatCount(located)} findings with a file and line. ${andMore(
            located - SHOWN.annotations,
            "findings with a file and line",
            options.link ? { link: options.link } : {},
          )}`,
          "",
        ]
      : [];
  return [
    `### Findings (${formatCount(result.findings.length)}, ${formatCount(blocking)} blocking)`,
    "",
    ...annotations,
    table(["", "Severity", "Rule", "Reported by", "Resource", "Where", "Problem"], rows),
    ...(more > 0 ? ["", ...moreNote(more, "findings", options)] : []),
  ].join("\n");
}

export function toolsSection(result: ValidationResult, options: SectionOptions = {}): string {
  const rows = result.tools.map((t) => [
    toolName(t.name),
    t.status,
    t.version && plain(cut(t.version, SHOWN.checkRunCellChars, options)),
    t.findings,
    t.reason && plain(cut(t.reason, SHOWN.checkRunReasonChars, options)),
  ]);
  return `### Tools\n\n${table(["Tool", "Status", "Version", "Findings", "Notes"], rows, ["left", "left", "left", "right"])}`;
}

export function footerSection(result: ValidationResult): string {
  return `<sub>${result.id} · ${result.createdAt}</sub>`;
}
