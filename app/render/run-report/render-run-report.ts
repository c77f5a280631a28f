import type { PlanSpec } from "../../contracts/generated/index.js";
import type { ValidationResult } from "../../contracts/generated/validation-result.js";
import { code, plain, table } from "../markdown.js";
import { assumptionsSection } from "../pr-body/assumptions-section.js";
import {
  costSection,
  diagramSection,
  riskSection,
  savingsSection,
  sizingSection,
  tradeOffSection,
} from "../pr-body/sections.js";
import { networkSection } from "../pr-body/network-section.js";
import {
  costSection as sentinelCostSection,
  findingsSection,
  footerSection,
  planSection,
  reasonsSection,
  toolsSection,
} from "../sentinel/sections.js";
import { budgetPhrase, costPhrase, findingsPhrase, verdictMark } from "../sentinel/words.js";

/** What became of diagram.svg: its file name, or why there is none. */
export type DiagramOutcome =
  { readonly rendered: true; readonly file: string } | { readonly rendered: false; readonly why: string };

export interface RunReport {
  readonly goalFile: string;
  readonly spec: PlanSpec;
  readonly result: ValidationResult;
  readonly diagram: DiagramOutcome;
  /** Every file the run wrote, relative to the output directory. */
  readonly files: readonly string[];
}

function titleSection({ spec, result, goalFile }: RunReport): string {
  return [
    `# ${spec.name}: ${verdictMark(result)} ${result.verdict} (offline)`,
    "",
    `\`infracrew run ${goalFile}\`: Atlas designed the goal, Forge wrote its Terraform (\`terraform/\`) and Sentinel checked it, on this machine, with no cloud account and no GitHub. Below is what the goal's pull request would say (the design), then what Sentinel's check would say (the verdict).`,
    "",
    `**Cost** ${costPhrase(result)} (${budgetPhrase(result)}) · **Findings** ${findingsPhrase(result)}`,
  ].join("\n");
}

/** The design in a few lines, with the picture when it was rendered; the pull request has the issue's words here. */
function designSummary(spec: PlanSpec, diagram: DiagramOutcome): string {
  const lines = [
    "## The design (the pull request's body)",
    "",
    `**${plain(spec.summary)}**: \`${spec.pattern}\` in \`${spec.region}\` (${spec.environment}), ${spec.components.length} components, ${spec.availability.composite} % availability against a target of ${spec.availability.target} %.`,
  ];
  if (spec.relaxations && spec.relaxations.length > 0) {
    lines.push("", `To fit the constraints Atlas relaxed: ${spec.relaxations.map(plain).join("; ")}.`);
  }
  lines.push(
    "",
    diagram.rendered
      ? `![Architecture of ${spec.name}](${diagram.file})`
      : `> **No diagram.svg:** ${diagram.why}`,
  );
  return lines.join("\n");
}

function componentsSection(spec: PlanSpec): string {
  const rows = spec.components.map((c) => [code(c.id), c.kind, plain(c.rationale)]);
  return ["### Components", "", table(["Component", "Kind", "Why"], rows)].join("\n");
}

/**
 * Sentinel's report as its check run shows it, but whole (a file has no length limit); without a plan there are no
 * plan counts to show.
 */
function sentinelSections(result: ValidationResult): string[] {
  const planned = result.tools.some((t) => t.name === "terraform" && t.status === "ran");
  const whole = { whole: true };
  return [
    `## ${verdictMark(result)} Sentinel: ${result.verdict} (offline)`,
    reasonsSection(result, whole),
    ...(planned ? [planSection(result)] : []),
    sentinelCostSection(result, whole),
    findingsSection(result, whole),
    toolsSection(result, whole),
  ];
}

function filesSection(files: readonly string[]): string {
  const terraform = files.filter((f) => f.startsWith("terraform/"));
  const others = files.filter((f) => !f.startsWith("terraform/"));
  return [
    "## Files",
    "",
    ...others.map((f) => `- \`${f}\``),
    `- \`terraform/\`: ${terraform.map((f) => `\`${f.slice("terraform/".length)}\``).join(", ")}`,
  ].join("\n");
}

/** report.md of an `infracrew run` that designed the goal: the design, Sentinel's verdict and the files. */
export function renderRunReport(report: RunReport): string {
  const { spec, result } = report;
  const sections = [
    titleSection(report),
    designSummary(spec, report.diagram),
    diagramSection(spec),
    componentsSection(spec),
    networkSection(spec),
    costSection(spec),
    sizingSection(spec),
    assumptionsSection(spec),
    tradeOffSection(spec),
    riskSection(spec),
    savingsSection(spec),
    ...sentinelSections(result),
    filesSection(report.files),
    footerSection(result),
  ];
  return `${sections.filter((s) => s !== "").join("\n\n")}\n`;
}
