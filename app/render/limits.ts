/**
 * The platforms' size limits, defined once, and the one place long text is cut to fit them. Every renderer
 * builds its text whole and hands it to `truncate` with the limit of where it is going.
 */

import { GITHUB_LIMITS } from "../contracts/limits.js";

export { GITHUB_LIMITS, SLACK_LIMITS } from "../contracts/limits.js";

export type NoteStyle = "markdown" | "slack" | "plain";

export interface TruncateOptions {
  /** What was cut, for the note: "findings" gives "… 12 more lines of findings left out". */
  readonly what?: string;
  /** Where the whole of it can be read. */
  readonly link?: string;
  /** How to write the note and its link: GitHub markdown (default), Slack mrkdwn, or plain text. */
  readonly style?: NoteStyle;
}

function note(lines: number, options: TruncateOptions): string {
  const what = options.what ? ` of ${options.what}` : "";
  const count = `${String(lines).replace(/\B(?=(\d{3})+(?!\d))/g, ",")} more line${lines === 1 ? "" : "s"}${what} left out`;
  const link = options.link;
  switch (options.style ?? "markdown") {
    case "slack":
      return `_… ${count}._${link ? ` <${link}|See all of it.>` : ""}`;
    case "plain":
      return `… ${count}.${link ? ` See all of it: ${link}` : ""}`;
    default:
      return `_… ${count}._${link ? ` [See all of it.](${link})` : ""}`;
  }
}

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair. */
function cutChars(text: string, max: number): string {
  const cut = text.slice(0, Math.max(0, max));
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

const FENCE = /^ {0,3}(```|~~~)/;

/** The code fence left open after a line, given the one open before it. */
function fenceAfter(line: string, open: string | undefined): string | undefined {
  const fence = FENCE.exec(line)?.[1];
  if (!fence) return open;
  if (open === undefined) return fence;
  return fence === open ? undefined : open;
}

/**
 * Fits text into `max` characters (UTF-16 units, never fewer than the platforms count). Text that fits is
 * returned as it is. Otherwise it is cut at a line boundary, a code fence the cut leaves open is closed, and a
 * note says how many lines were left out and, given a link, where to read them. A first line longer than the
 * room is cut inside. The result is never longer than `max`.
 */
export function truncate(text: string, max: number, options: TruncateOptions = {}): string {
  if (text.length <= max) return text;
  const lines = text.split("\n");
  const tailAfter = (kept: number, fence: string | undefined) =>
    `${fence ? `${fence}\n` : ""}\n${note(lines.length - kept, options)}`;
  let best: { kept: number; tail: string } | undefined;
  let body = 0;
  let fence: string | undefined;
  for (let kept = 1; kept < lines.length; kept++) {
    body += lines[kept - 1]!.length + (kept > 1 ? 1 : 0);
    fence = fenceAfter(lines[kept - 1]!, fence);
    if (body > max) break;
    const tail = tailAfter(kept, fence);
    if (body + 1 + tail.length <= max) best = { kept, tail };
  }
  if (best) return `${lines.slice(0, best.kept).join("\n")}\n${best.tail}`;
  const tail = tailAfter(0, undefined);
  const room = max - tail.length - 1;
  if (room > 0) return `${cutChars(lines[0]!, room)}\n${tail}`;
  return cutChars(note(lines.length, { ...options, link: undefined }), max);
}

/** Splits a list into batches of at most `size`, in order (e.g. 50 annotations per request). */
export function batches<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`batch size must be a positive integer, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * How much of a long list each rendering shows before it says "and N more", and how long one item may be there.
 * With these, every rendering fits its platform's limit for any number of findings and reasons; `truncate`
 * remains the last cut-off.
 */
export const SHOWN = {
  /** Annotations on the Sentinel check run: one request's worth; the rest are counted in its summary. */
  annotations: GITHUB_LIMITS.annotationsPerRequest,
  /** Failing reasons, and passing ones, in the check run. */
  checkRunReasons: 20,
  checkRunReasonChars: 500,
  /** Rows of the check run's findings table, and the length of one cell. */
  checkRunFindings: 50,
  checkRunCellChars: 200,
  /** Items of a list inside a section (e.g. what the estimate could not price). */
  listItems: 20,
  /** Failing reasons in Sentinel's section of the sticky comment (as many as fit its 2,000 characters). */
  commentReasons: 5,
  commentReasonChars: 600,
  /** Reasons in the sticky comment when it has no Sentinel section. */
  stickyReasons: 20,
  stickyReasonChars: 1_000,
  /** Reasons in the Slack message. */
  slackReasons: 5,
  slackReasonChars: 400,
} as const;

/** 4950 → "4,950". */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Text of at most `max` characters, ending with "…" when cut, never splitting a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${cutChars(text, max - 1)}…`;
}

/** The first `max` items, and how many more there are. */
export function capList<T>(items: readonly T[], max: number): { readonly shown: T[]; readonly more: number } {
  return items.length <= max
    ? { shown: [...items], more: 0 }
    : { shown: items.slice(0, max), more: items.length - max };
}

export interface MoreOptions {
  /** Where all of them can be read. */
  readonly link?: string;
  /** What the link is called: "the run" unless said otherwise. */
  readonly linkText?: string;
  readonly style?: NoteStyle;
}

/** "and 4,950 more findings in the run: <link>", in the style of where it goes. */
export function andMore(count: number, what: string, options: MoreOptions = {}): string {
  const text = `and ${formatCount(count)} more ${what}`;
  const { link, linkText = "the run" } = options;
  switch (options.style ?? "markdown") {
    case "slack":
      return `_… ${text}${link ? ` in <${link}|${linkText}>` : ""}._`;
    case "plain":
      return `… ${text}${link ? ` in ${linkText}: ${link}` : ""}`;
    default:
      return `_… ${text}${link ? ` in [${linkText}](${link})` : ""}._`;
  }
}
