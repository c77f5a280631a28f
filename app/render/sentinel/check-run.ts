import type { ValidationResult } from "../../contracts/generated/validation-result.js";
import { formatUsd } from "../../format/money.js";
import { GITHUB_LIMITS, truncate } from "../limits.js";
import {
  costSection,
  findingsSection,
  footerSection,
  headingSection,
  planSection,
  reasonsSection,
  toolsSection,
  type SectionOptions,
} from "./sections.js";
import { findingsPhrase } from "./words.js";

export interface CheckRunOutput {
  readonly title: string;
  readonly summary: string;
  readonly text: string;
}

export interface RenderOptions {
  /** Where the whole report can be read (the workflow run, or the artifact), for the cut-off note. */
  readonly detailsUrl?: string;
}

/** The conclusion of the `Infracrew / Sentinel` check run. */
export function checkRunConclusion(result: ValidationResult): "success" | "failure" {
  return result.verdict === "PASS" ? "success" : "failure";
}

export function checkRunTitle(result: ValidationResult): string {
  const { create, update, delete: remove, replace } = result.plan;
  const plan = `+${create} ~${update} -${remove} ±${replace}`;
  return `${result.verdict} · plan ${plan} · ${formatUsd(result.cost.monthlyUsd)}/month · findings: ${findingsPhrase(result)}`;
}

/**
 * The whole report as Markdown: what the check run shows, the job summary, and `infracrew check --format markdown`.
 * Long lists are cut with "and N more" (linking to `options.link`), unless `options.whole`.
 */
export function reportMarkdown(
  result: ValidationResult,
  options: SectionOptions = {},
): {
  readonly summary: string;
  readonly text: string;
} {
  return {
    summary: [
      headingSection(result),
      reasonsSection(result, options),
      planSection(result),
      costSection(result, options),
      findingsSection(result, options),
    ].join("\n\n"),
    text: [toolsSection(result, options), footerSection(result)].join("\n\n"),
  };
}

/**
 * The check run's output: title, summary and text, each within GitHub's limit for any number of findings and
 * reasons: lists cut with "and N more" and a link to the run, then `truncate` as the last cut-off.
 */
export function renderCheckRun(result: ValidationResult, options: RenderOptions = {}): CheckRunOutput {
  const link = options.detailsUrl ? { link: options.detailsUrl } : {};
  const { summary, text } = reportMarkdown(result, { ...link, annotated: true });
  return {
    title: checkRunTitle(result),
    summary: truncate(summary, GITHUB_LIMITS.checkRunSummary, { what: "the report", ...link }),
    text: truncate(text, GITHUB_LIMITS.checkRunText, { what: "the tools", ...link }),
  };
}
