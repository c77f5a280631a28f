/** Text for one GitHub-markdown table cell: pipes escaped, lines joined, never empty. */
export function cell(text: string | number | undefined): string {
  const value = text === undefined || text === "" ? " " : String(text);
  return value.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** Inline code that holds any text: the fence is longer than any run of backticks inside. */
export function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return longest > 0 ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

export type Align = "left" | "right";

/** A GitHub-markdown table; columns align left unless said otherwise. */
export function table(
  headers: readonly string[],
  rows: readonly (readonly (string | number | undefined)[])[],
  align: readonly Align[] = [],
): string {
  const rule = headers.map((_, i) => (align[i] === "right" ? "---:" : "---"));
  return [headers, rule, ...rows.map((row) => row.map(cell))].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

/** Slack mrkdwn text: the three characters Slack asks to escape. */
export function slackEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "`": "&#96;" };

/**
 * Text that people or tools wrote, made literal in GitHub markdown (outside code spans): on one line, with HTML,
 * backticks and @mentions neutralised. Table cells still go through `cell` for their pipes.
 */
export function plain(text: string): string {
  return text
    .replace(/\r\n|[\r\n\u2028\u2029]/g, " ")
    .replace(/[&<>`]/g, (c) => ENTITIES[c]!)
    .replace(/@(?=[A-Za-z0-9])/g, "@\u200b");
}
