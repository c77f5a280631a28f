import type { PlanSpec } from "../../contracts/generated/index.js";
import type { AvailabilityLink } from "../../contracts/generated/plan-spec.js";
import { formatPercent, formatUsd, formatUsdChange } from "../../format/money.js";
import { costLineLabel } from "../../format/cost-line-label.js";
import { freeTierWords } from "../../format/free-tier.js";
import { plain, table } from "../markdown.js";

export function summarySection(spec: PlanSpec, issueNumber: number): string {
  const parts = [
    `Infracrew's design for goal #${issueNumber}: **${plain(spec.summary)}**`,
    "",
    `\`${spec.pattern}\` in \`${spec.region}\` (${spec.environment}), Terraform in \`${spec.terraform.dir}/\`.`,
  ];
  if (spec.relaxations && spec.relaxations.length > 0) {
    parts.push("", `To fit the constraints Atlas relaxed: ${spec.relaxations.map(plain).join("; ")}.`);
  }
  return parts.join("\n");
}

export function diagramSection(spec: PlanSpec): string {
  return ["### Architecture", "", "```mermaid", spec.diagram.mermaid.trimEnd(), "```"].join("\n");
}

export function costSection(spec: PlanSpec): string {
  const { cost } = spec;
  const brake = cost.brakeRatio ?? 0.8;
  const rows = cost.lines.map((line) => [
    plain(costLineLabel(line)),
    formatUsd(line.monthlyUsd),
    plain(line.basis),
  ]);
  rows.push([
    "**Total**",
    `**${formatUsd(cost.monthlyUsd)}**`,
    `${formatPercent(cost.ratio)} of the ${formatUsd(cost.budgetMonthlyUsd)} budget`,
  ]);
  if (cost.monthlyUsdWithoutFreeTier !== undefined) {
    rows.push([
      "Total without the free tier",
      formatUsd(cost.monthlyUsdWithoutFreeTier),
      `if other stacks in the account already use ${freeTierWords(cost)}`,
    ]);
  }
  return [
    "### Cost",
    "",
    table(["Component", "Monthly", "Basis"], rows, ["left", "right", "left"]),
    "",
    `The budget brake fails Sentinel at ${formatPercent(brake)} of the budget (${formatUsd(brake * cost.budgetMonthlyUsd)}). Prices: ${plain(cost.priceSource)}, ${plain(cost.priceDate)}.`,
  ].join("\n");
}

function linkRows(links: readonly AvailabilityLink[], on: string): string[][] {
  return links.map((l) => [
    plain(l.component),
    on,
    `${l.availability} %`,
    l.sla === undefined ? "—" : `${l.sla} %`,
    plain(l.source),
  ]);
}

/**
 * Availability is shown from its request path alone (what must be up for a user's request to succeed), each link's
 * designed figure beside its SLA figure and page; a worker's backlog bound follows. Atlas's explanation is the same
 * product in words.
 */
export function sizingSection(spec: PlanSpec): string {
  const { availability: a, capacity: c } = spec;
  const path = a.path.map((link) => `${plain(link.component)} ${link.availability} %`).join(" × ");
  const slaNote =
    a.sla !== undefined && a.sla !== a.composite ? ` (${a.sla} % on the SLA figures alone)` : "";
  const rows = [...linkRows(a.path, "request"), ...linkRows(a.backlog?.consumer ?? [], "queued jobs")];
  return [
    "### Sizing and availability",
    "",
    `- **Capacity:** ${plain(c.explanation)}`,
    `- **Availability** of the request path: ${path} = **${a.composite} %** against a target of ${a.target} %${slaNote}.`,
    ...(a.backlog?.explanation ? [`- **Backlog:** ${plain(a.backlog.explanation)}`] : []),
    "",
    table(["Component", "Path", "Designed", "SLA", "SLA page"], rows, [
      "left",
      "left",
      "right",
      "right",
      "left",
    ]),
  ].join("\n");
}

export function tradeOffSection(spec: PlanSpec): string {
  if (spec.alternatives.length === 0) return "";
  const rows = spec.alternatives.map((alt) => [
    plain(alt.decision),
    plain(alt.chosen),
    plain(alt.rejected),
    plain(alt.reason) +
      (alt.monthlyUsdDelta !== undefined ? ` (${formatUsdChange(alt.monthlyUsdDelta)}/month)` : ""),
  ]);
  return ["### Trade-offs", "", table(["Decision", "Chosen", "Rejected", "Why"], rows)].join("\n");
}

export function riskSection(spec: PlanSpec): string {
  if (spec.risks.length === 0) return "";
  const rows = spec.risks.map((r) => [r.component, r.failure, r.impact, r.mitigation, r.residual].map(plain));
  return [
    "### Risks",
    "",
    table(["Component", "If it fails", "Impact", "Mitigation", "Left over"], rows),
  ].join("\n");
}

export function savingsSection(spec: PlanSpec): string {
  if (spec.savings.length === 0) return "";
  const rows = spec.savings.map((s) => [plain(s.suggestion), formatUsd(s.yearlyUsd), plain(s.basis)]);
  return [
    "### Possible savings",
    "",
    table(["Suggestion", "Per year", "Basis"], rows, ["left", "right", "left"]),
  ].join("\n");
}

export function nextStepsSection(): string {
  return [
    "### Next",
    "",
    "The `Infracrew / Sentinel` check plans this stack and validates it (scanners, org policy, budget brake).",
    "When it passes, comment `/approve` to apply exactly that plan. `/help` lists the commands.",
  ].join("\n");
}
