import type { AuditEntry } from "../conductor/audit.js";

const WIDTHS = { actor: 18, action: 28, decision: 10 } as const;

const pad = (text: string, width: number): string =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);

/** One line of text: no line breaks or control characters from people's or tools' text. */
const oneLine = (text: string): string =>
  Array.from(text, (c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? " " : c))
    .join("")
    .replace(/ {2,}/g, " ")
    .trim();

/**
 * The audit log of a pull request (or a repository's decisions that name none) as text, one decision a line:
 * when, who, what, the decision, the commit, and why.
 */
export function renderAuditText(target: string, entries: readonly AuditEntry[]): string {
  if (entries.length === 0) return `${target}: no decisions recorded\n`;
  const lines = entries.map((e) =>
    [
      e.at,
      pad(oneLine(e.actor), WIDTHS.actor),
      pad(oneLine(e.action), WIDTHS.action),
      pad(oneLine(e.decision), WIDTHS.decision),
      (e.sha ?? "").slice(0, 7).padEnd(7),
      oneLine(e.reason),
    ].join("  "),
  );
  const header = [
    "when".padEnd(20),
    pad("who", WIDTHS.actor),
    pad("what", WIDTHS.action),
    pad("decision", WIDTHS.decision),
    "commit ",
    "why",
  ].join("  ");
  const count = `${entries.length} decision${entries.length === 1 ? "" : "s"}`;
  return [`${target}: ${count}`, "", header, ...lines, ""].join("\n");
}
