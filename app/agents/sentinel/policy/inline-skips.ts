/**
 * Inline scanner skip comments: `#trivy:ignore:AVD-AWS-0104`, `#tfsec:ignore:aws-…`, `#checkov:skip=CKV_AWS_260:why`
 * (and Checkov's `bridgecrew:skip=` and `cortex:skip=`). A pull request that writes one hides a finding from the
 * scanner, so the pull request would grade itself: Sentinel finds every one and honours only the rules the org
 * policy allows (`policy.allowedSkips`) and Forge's own generated exceptions.
 *
 * The markers are found wherever the scanners could read them, and then some: anywhere on a line (in a comment of
 * any style, a string, a heredoc), in any letter case, with spaces around `:` and `=`. Each scanner's own reading
 * (Checkov: a regular expression over every line; Trivy and tfsec: the space-separated words of every line, after
 * leading `#`, `/` and `*`) finds a subset of these, and reads the same rule ids or ids no check has.
 */
import { SCANNER_EXCEPTIONS, type ScannerException } from "../../forge/catalog/scanner-exceptions.js";
import type { TerraformFile } from "../locate-blocks.js";

/** Which scanners read a marker: Checkov's `checkov:skip=`, or Trivy's and tfsec's `trivy:ignore:`/`tfsec:ignore:`. */
export type SkipSyntax = "checkov" | "trivy";

/** One inline skip comment, where it is and the rules it skips. */
export interface SkipMarker {
  readonly file: string;
  readonly line: number;
  readonly syntax: SkipSyntax;
  /** The marker as written, up to the end of its rule ids (cut when very long). */
  readonly text: string;
  /** The rule ids it names, in order; `*` skips every rule; empty when it names none. */
  readonly ruleIds: readonly string[];
}

/** Checkov's marker, in any case and with spaces (Checkov reads `checkov:skip=` and then ` *`). */
const CHECKOV = /(?:checkov|bridgecrew|cortex)[ \t]*:[ \t]*skip[ \t]*=[ \t]*/gi;

/**
 * The comma-separated rule ids after it, read where the marker ends. Checkov reads `[A-Za-z_\d]+` in Python, whose
 * `\d` is any Unicode digit: an id cut at the first non-ASCII digit would hide the ids after it.
 */
const CHECKOV_IDS = /[A-Za-z0-9_\p{Nd}]+(?:[ \t]*,[ \t]*[A-Za-z0-9_\p{Nd}]+)*/uy;

/** Trivy's and tfsec's prefix; what follows is `key:value` sections, one of them `ignore:<id>`. */
const TRIVY = /(?:trivy|tfsec)[ \t]*:/gi;

const MAX_TEXT = 120;

const isBlank = (c: string | undefined) => c === " " || c === "\t";
/** Trivy splits a line into words at spaces only: a tab or any other space is inside a word, and so in a section. */
const endsSection = (c: string | undefined) => c === undefined || c === ":" || c === " " || c === "\n";

/**
 * The `:`-separated sections after a Trivy or tfsec prefix at `from`, trimmed, with spaces and tabs allowed around
 * each `:` (Trivy reads one word without spaces: a subset); and where they end.
 */
function trivySections(text: string, from: number): { sections: string[]; end: number } {
  const sections: string[] = [];
  let i = from;
  for (;;) {
    while (isBlank(text[i])) i++;
    const start = i;
    while (!endsSection(text[i])) i++;
    sections.push(text.slice(start, i).trim());
    let next = i;
    while (isBlank(text[next])) next++;
    if (text[next] !== ":") return { sections, end: i };
    i = next + 1;
  }
}

/**
 * The rule ids of Trivy or tfsec sections: each value after an `ignore` key, cut at `[` (its parameters). An id the
 * scanner reads differently (with a quote, a tab) is one no check has, so it skips nothing there.
 */
function trivyRuleIds(sections: readonly string[]): string[] {
  const ids: string[] = [];
  for (let i = 0; i < sections.length - 1; i++) {
    if (sections[i]!.toLowerCase() !== "ignore") continue;
    // A quote after the id closes the string it was written in (no check id has one).
    const id = sections[i + 1]!.split("[")[0]!.replace(/["'`]+$/, "");
    if (id !== "" && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** The marker for a reason: control characters and line breaks as spaces, cut when very long. */
function shown(text: string): string {
  let out = "";
  for (const c of text) {
    const code = c.codePointAt(0)!;
    out += code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 ? " " : c;
  }
  out = out.trim();
  return out.length > MAX_TEXT ? `${out.slice(0, MAX_TEXT - 1)}…` : out;
}

/** Every inline skip marker in a file, in the order written. */
export function findSkipMarkers(file: TerraformFile): SkipMarker[] {
  const { text } = file;
  const starts = lineStarts(text);
  const found: (SkipMarker & { offset: number })[] = [];
  for (const match of text.matchAll(CHECKOV)) {
    CHECKOV_IDS.lastIndex = match.index + match[0].length;
    const ids = CHECKOV_IDS.exec(text)?.[0].split(/[ \t]*,[ \t]*/) ?? [];
    found.push({
      offset: match.index,
      file: file.path,
      line: lineOf(starts, match.index),
      syntax: "checkov",
      text: shown(text.slice(match.index, CHECKOV_IDS.lastIndex || match.index + match[0].length)),
      ruleIds: [...new Set(ids)],
    });
  }
  for (const match of text.matchAll(TRIVY)) {
    const { sections, end } = trivySections(text, match.index + match[0].length);
    const ids = trivyRuleIds(sections);
    // `trivy:` in prose ("Trivy: the scanner") names no rule to ignore and skips nothing.
    if (ids.length === 0) continue;
    found.push({
      offset: match.index,
      file: file.path,
      line: lineOf(starts, match.index),
      syntax: "trivy",
      text: shown(text.slice(match.index, end).replace(/["'`]+$/, "")),
      ruleIds: ids,
    });
  }
  return found.sort((a, b) => a.offset - b.offset).map(({ offset: _offset, ...marker }) => marker);
}

/** The rule ids of Forge's own generated exceptions (app/agents/forge/catalog/scanner-exceptions.ts). */
export const FORGE_SKIPS: ReadonlySet<string> = new Set(
  Object.values(SCANNER_EXCEPTIONS as Record<string, ScannerException>).flatMap((e) =>
    [e.trivy, e.tfsec, e.checkov].filter((id): id is string => id !== undefined),
  ),
);

/** Why a rule may be skipped: the org policy allows it, or it is one of Forge's own exceptions. */
export type SkipAllowance = "policy" | "forge";

export interface JudgedSkip {
  readonly marker: SkipMarker;
  /** The rules it skips that nothing allows (`*` included); empty when the marker is allowed. */
  readonly refused: readonly string[];
  /** How each allowed rule is allowed. */
  readonly allowed: readonly { readonly ruleId: string; readonly by: SkipAllowance }[];
}

/**
 * Each marker judged against `allowedSkips` (exact rule ids) and Forge's exceptions. A marker naming no rule,
 * or `*`, is refused: what it skips cannot be allowed by name.
 */
export function judgeSkipMarkers(
  markers: readonly SkipMarker[],
  allowedSkips: readonly string[],
): JudgedSkip[] {
  const policy = new Set(allowedSkips);
  return markers.map((marker) => {
    const refused: string[] = [];
    const allowed: { ruleId: string; by: SkipAllowance }[] = [];
    if (marker.ruleIds.length === 0) refused.push("");
    for (const ruleId of marker.ruleIds) {
      if (policy.has(ruleId)) allowed.push({ ruleId, by: "policy" });
      else if (FORGE_SKIPS.has(ruleId)) allowed.push({ ruleId, by: "forge" });
      else refused.push(ruleId);
    }
    return { marker, refused, allowed };
  });
}

/** Every marker in the stack's files, judged. */
export function checkInlineSkips(
  files: readonly TerraformFile[],
  allowedSkips: readonly string[],
): JudgedSkip[] {
  return judgeSkipMarkers(files.flatMap(findSkipMarkers), allowedSkips);
}
