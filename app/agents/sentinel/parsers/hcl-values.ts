import { isObject } from "./input.js";

/** A value read from HCL: known, or an expression Sentinel cannot evaluate without Terraform. */
export type HclValue =
  { readonly known: true; readonly value: unknown } | { readonly known: false; readonly expression: string };

/** Stands in for a value inside a known object whose own value is an expression (e.g. a tag value). */
const UNKNOWN_VALUE = Symbol("unknown");

export interface HclScope {
  readonly variables: Readonly<Record<string, unknown>>;
  readonly locals: Readonly<Record<string, unknown>>;
}

const WHOLE = /^\$\{([\s\S]*)\}$/;
/** A template interpolation or directive; hcl2json writes a literal `${` or `%{` doubled (`$${`, `%%{`). */
const TEMPLATE = /(?<![$%])[$%]\{/;
const MAX_DEPTH = 8;

/** Splits `a, { b = 1 }, c` at the commas outside brackets and quotes. */
function splitArguments(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === "\\") i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === "(" || c === "{" || c === "[") depth++;
    else if (c === ")" || c === "}" || c === "]") depth--;
    else if (c === "," && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last) out.push(last);
  return out;
}

/** The keys of an object literal `{ team = "a", "cost-center" = var.cc }`; its values stay unknown. */
function objectLiteralKeys(text: string): Record<string, unknown> | undefined {
  const body = /^\{([\s\S]*)\}$/.exec(text.trim());
  if (!body) return undefined;
  const out: Record<string, unknown> = {};
  for (const entry of splitArguments(body[1]!.replace(/\n/g, ","))) {
    const key = /^"?([A-Za-z0-9_.:/=+@ -]+?)"?\s*[=:]/.exec(entry);
    if (!key) return undefined;
    out[key[1]!] = UNKNOWN_VALUE;
  }
  return out;
}

function expression(text: string, scope: HclScope, depth: number): HclValue {
  const unknown: HclValue = { known: false, expression: text };
  if (depth > MAX_DEPTH) return unknown;
  const reference = /^(var|local)\.([A-Za-z0-9_-]+)$/.exec(text.trim());
  if (reference) {
    const table = reference[1] === "var" ? scope.variables : scope.locals;
    return Object.hasOwn(table, reference[2]!) ? resolve(table[reference[2]!], scope, depth + 1) : unknown;
  }
  const merge = /^merge\(([\s\S]*)\)$/.exec(text.trim());
  if (merge) {
    const merged: Record<string, unknown> = {};
    for (const argument of splitArguments(merge[1]!)) {
      const literal = objectLiteralKeys(argument);
      const part = literal
        ? { known: true as const, value: literal }
        : expression(argument, scope, depth + 1);
      if (!part.known || !isObject(part.value)) return unknown;
      Object.assign(merged, part.value);
    }
    return { known: true, value: merged };
  }
  return unknown;
}

/**
 * Resolves what hcl2json gives for an attribute: literals as they are, `${var.x}` and `${local.x}` from the
 * variables' values and the locals, `${merge(...)}` of those and of object literals (keys only). Anything
 * else is an expression only Terraform can evaluate.
 */
export function resolve(value: unknown, scope: HclScope, depth = 0): HclValue {
  if (typeof value === "string") {
    const whole = WHOLE.exec(value);
    if (whole && !TEMPLATE.test(whole[1]!)) return expression(whole[1]!, scope, depth);
    if (TEMPLATE.test(value)) return { known: false, expression: value };
    return { known: true, value: value.replace(/([$%])\1\{/g, "$1{") };
  }
  if (Array.isArray(value)) {
    const items = value.map((v) => resolve(v, scope, depth));
    const missing = items.find((i) => !i.known);
    return missing ?? { known: true, value: items.map((i) => (i.known ? i.value : undefined)) };
  }
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      const item = resolve(inner, scope, depth);
      out[key] = item.known ? item.value : UNKNOWN_VALUE;
    }
    return { known: true, value: out };
  }
  return { known: true, value };
}

/** `${aws_ecs_task_definition.app.arn}` → `aws_ecs_task_definition.app`: the resources a value refers to. */
export function resourceReferences(value: unknown): string[] {
  if (typeof value !== "string") return [];
  const refs = value.matchAll(/(?<![\w.])((?:data\.)?[a-z][a-z0-9]*_[a-z0-9_]+\.[A-Za-z0-9_-]+)/g);
  return [...refs].map((m) => m[1]!).filter((r) => !/^(var|local|each|count|path|module)\./.test(r));
}
