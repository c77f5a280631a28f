/**
 * Writes the HCL tree in canonical `terraform fmt` style: two-space indent, and the `=` of consecutive one-line
 * attributes aligned. As in hclwrite's formatter, a line that opens a multi-line value, a block, a comment or a
 * blank line ends an alignment group.
 */
import type { Body, Expr } from "./ast.js";
import { escapeHclString, hclString } from "./escape.js";

const INDENT = "  ";
const BARE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEYWORDS = new Set(["true", "false", "null", "for", "in", "if"]);
const MAX_INLINE_LIST = 100;

function key(name: string): string {
  return BARE_KEY.test(name) && !KEYWORDS.has(name) ? name : hclString(name);
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? value.toFixed(0) : String(value);
}

/** The expression on one line, or undefined when it is written over several. */
function inline(expr: Expr): string | undefined {
  switch (expr.$hcl) {
    case "string":
      return hclString(expr.value);
    case "number":
      return formatNumber(expr.value);
    case "bool":
      return String(expr.value);
    case "null":
      return "null";
    case "ref":
      return expr.text;
    case "template":
      return `"${expr.parts.map((p) => (typeof p === "string" ? escapeHclString(p) : `\${${mustInline(p)}}`)).join("")}"`;
    case "list": {
      if (expr.items.length === 0) return "[]";
      if (expr.items.some((i) => i.$hcl === "object" || i.$hcl === "list")) return undefined;
      const items = expr.items.map(inline);
      if (items.some((i) => i === undefined)) return undefined;
      const text = `[${items.join(", ")}]`;
      return text.length <= MAX_INLINE_LIST ? text : undefined;
    }
    case "object":
      return expr.entries.length === 0 ? "{}" : undefined;
    case "call": {
      const args = expr.args.map(inline);
      return args.some((a) => a === undefined) ? undefined : `${expr.name}(${args.join(", ")})`;
    }
  }
}

function mustInline(expr: Expr): string {
  const text = inline(expr);
  if (text === undefined) throw new Error("internal: an interpolated expression must fit on one line");
  return text;
}

/**
 * An expression over several lines: the text that follows `name = ` on the first line, then the following lines
 * (already indented), the last of which closes it at `indent`.
 */
function multiline(expr: Expr, indent: string): { first: string; rest: string[] } {
  const text = inline(expr);
  if (text !== undefined) return { first: text, rest: [] };
  const inner = indent + INDENT;
  switch (expr.$hcl) {
    case "list": {
      const rest: string[] = [];
      for (const item of expr.items) {
        const value = multiline(item, inner);
        if (value.rest.length === 0) {
          rest.push(`${inner}${value.first},`);
        } else {
          rest.push(`${inner}${value.first}`, ...value.rest.slice(0, -1), `${value.rest.at(-1)!},`);
        }
      }
      return { first: "[", rest: [...rest, `${indent}]`] };
    }
    case "object":
      return {
        first: "{",
        rest: [
          ...printEntries(
            expr.entries.map(([k, v]) => [key(k), v] as const),
            inner,
          ),
          `${indent}}`,
        ],
      };
    case "call": {
      const last = expr.args.at(-1)!;
      const head = expr.args.slice(0, -1).map(mustInline);
      const value = multiline(last, indent);
      return {
        first: `${expr.name}(${[...head, value.first].join(", ")}`,
        rest: [...value.rest.slice(0, -1), `${value.rest.at(-1)!})`],
      };
    }
    default:
      throw new Error(`internal: ${expr.$hcl} has no multi-line form`);
  }
}

/** `name = value` lines, with the `=` of each run of one-line values aligned. */
function printEntries(entries: readonly (readonly [string, Expr])[], indent: string): string[] {
  const out: string[] = [];
  let run: [string, string][] = [];
  const flush = (): void => {
    const width = Math.max(0, ...run.map(([name]) => name.length));
    for (const [name, value] of run) out.push(`${indent}${name.padEnd(width)} = ${value}`);
    run = [];
  };
  for (const [name, value] of entries) {
    const text = multiline(value, indent);
    if (text.rest.length === 0) {
      run.push([name, text.first]);
    } else {
      flush();
      out.push(`${indent}${name} = ${text.first}`, ...text.rest);
    }
  }
  flush();
  return out;
}

function printBody(body: Body, indent: string): string[] {
  const out: string[] = [];
  let entries: [string, Expr][] = [];
  const flush = (): void => {
    out.push(...printEntries(entries, indent));
    entries = [];
  };
  for (const item of trimBlanks(body)) {
    if (item.item === "attribute") {
      entries.push([item.name, item.value]);
      continue;
    }
    flush();
    if (item.item === "blank") {
      out.push("");
    } else if (item.item === "comment") {
      out.push(item.directive ? `${indent}#${item.text}` : `${indent}# ${item.text}`.trimEnd());
    } else {
      const head = [item.type, ...item.labels.map(hclString)].join(" ");
      const inner = printBody(item.body, indent + INDENT);
      out.push(
        ...(inner.length === 0 ? [`${indent}${head} {}`] : [`${indent}${head} {`, ...inner, `${indent}}`]),
      );
    }
  }
  flush();
  return out;
}

/** Drops blank lines at the start and end of a body and runs of more than one. */
function trimBlanks(body: Body): Body {
  const out = body.filter((item, i) => item.item !== "blank" || body[i - 1]?.item !== "blank");
  while (out[0]?.item === "blank") out.shift();
  while (out.at(-1)?.item === "blank") out.pop();
  return out;
}

/** A whole .tf file. */
export function printHcl(body: Body): string {
  return `${printBody(body, "").join("\n")}\n`;
}
