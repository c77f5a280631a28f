/** Escapes text for a markdown table cell: no pipes or line breaks may leak into the table structure. */
export function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

export function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align?: readonly ("left" | "right")[],
): string {
  const rule = headers.map((_, i) => (align?.[i] === "right" ? "---:" : "---"));
  return [headers, rule, ...rows.map((r) => r.map(cell))].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

export function usd(amount: number): string {
  const fixed = amount >= 1000 ? Math.round(amount).toLocaleString("en-US") : amount.toFixed(2);
  return `$${fixed}`;
}

export function percent(ratio: number, digits = 0): string {
  return `${(ratio * 100).toFixed(digits)} %`;
}

export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/** Neutralises @mentions and HTML in text that people wrote, before it goes into a comment. */
export function plain(text: string): string {
  return text.replace(/[<>]/g, (c) => (c === "<" ? "&lt;" : "&gt;")).replace(/@(?=[A-Za-z0-9])/g, "@\u200b");
}
