import type { ValidationResult } from "../../contracts/generated/validation-result.js";
import { SHOWN, andMore, clip, truncate } from "../limits.js";
import { plain } from "../markdown.js";
import { budgetPhrase, costPhrase, failingCount, findingsPhrase, planPhrase, verdictMark } from "./words.js";

/**
 * Sentinel's part of the sticky PR comment is short, so the comment stays readable with every other section
 * in it; the full detail is in the check run.
 */
export const COMMENT_SECTION_CHARS = 2_000;

export interface CommentOptions {
  /** The `Infracrew / Sentinel` check run, where the full report is. */
  readonly checkRunUrl?: string;
}

/**
 * The first failing reasons that fit the section, at most `SHOWN.commentReasons`, each cut to
 * `SHOWN.commentReasonChars`; the first always shows.
 */
function reasonsThatFit(failing: readonly string[], room: number): string[] {
  const lines: string[] = [];
  let used = 0;
  for (const reason of failing.slice(0, SHOWN.commentReasons)) {
    const line = `- ${plain(clip(reason, SHOWN.commentReasonChars))}`;
    if (lines.length > 0 && used + line.length + 1 > room) break;
    lines.push(line);
    used += line.length + 1;
  }
  return lines;
}

/** The Sentinel section of the sticky PR comment: the verdict, the figures, and why it failed. */
export function renderCommentSection(result: ValidationResult, options: CommentOptions = {}): string {
  const link = options.checkRunUrl
    ? `[Full report in the check run](${options.checkRunUrl})`
    : "Full report in the check run.";
  const head = [
    `### ${verdictMark(result)} Sentinel: ${result.verdict}`,
    "",
    `**Plan** ${planPhrase(result)} · **Cost** ${costPhrase(result)} (${budgetPhrase(result)}) · **Findings** ${findingsPhrase(result)}`,
  ];
  const failing = result.reasons.slice(0, failingCount(result));
  const where = options.checkRunUrl ? { link: options.checkRunUrl, linkText: "the check run" } : {};
  const moreLine = (more: number) => `- ${andMore(more, "reasons", where)}`;
  // Room for the reasons: what the heading, the link and the longest "and N more" line leave.
  const room =
    COMMENT_SECTION_CHARS - [...head, "", "", link, moreLine(failing.length)].join("\n").length - 1;
  const shown = reasonsThatFit(failing, room);
  const more = failing.length - shown.length;
  const lines = [
    ...head,
    ...(shown.length > 0 ? ["", ...shown, ...(more > 0 ? [moreLine(more)] : [])] : []),
    "",
    link,
  ];
  return truncate(
    lines.join("\n"),
    COMMENT_SECTION_CHARS,
    options.checkRunUrl ? { link: options.checkRunUrl } : {},
  );
}
