import type { ValidationResult } from "../../contracts/generated/validation-result.js";
import { truncate } from "../limits.js";
import { plain } from "../markdown.js";
import { budgetPhrase, costPhrase, failingCount, findingsPhrase, planPhrase, verdictMark } from "./words.js";

/**
 * Sentinel's part of the sticky PR comment is short, so the comment stays readable with every other section
 * in it; the full detail is in the check run.
 */
export const COMMENT_SECTION_CHARS = 2_000;

const SHOWN_REASONS = 5;

export interface CommentOptions {
  /** The `Infracrew / Sentinel` check run, where the full report is. */
  readonly checkRunUrl?: string;
}

/** The Sentinel section of the sticky PR comment: the verdict, the figures, and why it failed. */
export function renderCommentSection(result: ValidationResult, options: CommentOptions = {}): string {
  const failing = result.reasons.slice(0, failingCount(result));
  const shown = failing.slice(0, SHOWN_REASONS).map((r) => `- ${plain(r)}`);
  const more =
    failing.length > SHOWN_REASONS ? [`- … and ${failing.length - SHOWN_REASONS} more reasons`] : [];
  const link = options.checkRunUrl
    ? `[Full report in the check run](${options.checkRunUrl})`
    : "Full report in the check run.";
  const lines = [
    `### ${verdictMark(result)} Sentinel: ${result.verdict}`,
    "",
    `**Plan** ${planPhrase(result)} · **Cost** ${costPhrase(result)} (${budgetPhrase(result)}) · **Findings** ${findingsPhrase(result)}`,
    ...(shown.length > 0 ? ["", ...shown, ...more] : []),
    "",
    link,
  ];
  return truncate(
    lines.join("\n"),
    COMMENT_SECTION_CHARS,
    options.checkRunUrl ? { link: options.checkRunUrl } : {},
  );
}
