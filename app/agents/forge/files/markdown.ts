/** Markdown that stays what it is whatever text goes in: table cells, inline text and fenced blocks. */

/** Text for a table cell or a line: one line, no table breaks, no HTML, no stray formatting. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, " ")
    .replace(/[\\`*_[\]|<>#~]/g, (c) => `\\${c}`)
    .trim();
}

/** A fenced code block whose fence is longer than any run of backticks inside it. */
export function fence(language: string, body: string): string {
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const marks = "`".repeat(Math.max(3, longest + 1));
  return `${marks}${language}\n${body.replace(/\n+$/, "")}\n${marks}`;
}

export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}
