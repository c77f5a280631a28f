/**
 * A small HCL syntax tree that Forge builds and `print.ts` writes in canonical `terraform fmt` style. Values from a
 * PlanSpec enter only as `str` (escaped on output) or as numbers and booleans; `ref` holds expressions Forge writes
 * itself from known-safe parts.
 */
export type Expr =
  | { readonly $hcl: "string"; readonly value: string }
  | { readonly $hcl: "number"; readonly value: number }
  | { readonly $hcl: "bool"; readonly value: boolean }
  | { readonly $hcl: "null" }
  | { readonly $hcl: "ref"; readonly text: string }
  | { readonly $hcl: "template"; readonly parts: readonly (string | Expr)[] }
  | { readonly $hcl: "list"; readonly items: readonly Expr[] }
  | { readonly $hcl: "object"; readonly entries: readonly (readonly [string, Expr])[] }
  | { readonly $hcl: "call"; readonly name: string; readonly args: readonly Expr[] };

export type BodyItem =
  | { readonly item: "attribute"; readonly name: string; readonly value: Expr }
  | { readonly item: "block"; readonly type: string; readonly labels: readonly string[]; readonly body: Body }
  | { readonly item: "comment"; readonly text: string; readonly directive?: boolean }
  | { readonly item: "blank" };

export type Body = readonly BodyItem[];

/** Plain values that convert to expressions: strings, numbers, booleans, lists and records of them. */
export type Value =
  Expr | string | number | boolean | null | readonly Value[] | { readonly [key: string]: Value };

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const REFERENCE = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*|\[("[A-Za-z0-9_-]*"|[0-9]+)\])*$/;
const FUNCTION = /^[a-z][a-z0-9_]*$/;

function assertSafe(condition: boolean, what: string, text: string): void {
  if (!condition) throw new Error(`internal: ${what} ${JSON.stringify(text)} is not a safe HCL ${what}`);
}

export function isExpr(value: unknown): value is Expr {
  return typeof value === "object" && value !== null && "$hcl" in value;
}

export const str = (value: string): Expr => ({ $hcl: "string", value });
export const num = (value: number): Expr => {
  if (!Number.isFinite(value)) throw new Error(`internal: ${value} is not a finite number`);
  return { $hcl: "number", value };
};
export const bool = (value: boolean): Expr => ({ $hcl: "bool", value });
export const nul: Expr = { $hcl: "null" };

/** A reference such as `module.network.vpc_id` or `module.lb.target_groups["app"].arn`. */
export function ref(text: string): Expr {
  assertSafe(REFERENCE.test(text), "reference", text);
  return { $hcl: "ref", text };
}

/** A string template: literal text (escaped on output) and references interpolated with `${…}`. */
export function template(...parts: readonly (string | Expr)[]): Expr {
  const flat = parts.flatMap((p) => (typeof p !== "string" && p.$hcl === "template" ? p.parts : [p]));
  return { $hcl: "template", parts: flat };
}

export function call(name: string, ...args: readonly Value[]): Expr {
  assertSafe(FUNCTION.test(name), "function name", name);
  return { $hcl: "call", name, args: args.map(toExpr) };
}

export function list(items: readonly Value[]): Expr {
  return { $hcl: "list", items: items.map(toExpr) };
}

/** An object whose entries keep the given order. */
export function object(
  entries: { readonly [key: string]: Value } | readonly (readonly [string, Value])[],
): Expr {
  const pairs = Array.isArray(entries) ? entries : Object.entries(entries);
  return { $hcl: "object", entries: pairs.map(([k, v]) => [k, toExpr(v)] as const) };
}

/** An object with its keys sorted, for maps whose order carries no meaning (tags, environment). */
export function sortedObject(entries: { readonly [key: string]: Value }): Expr {
  return object(Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function toExpr(value: Value): Expr {
  if (isExpr(value)) return value;
  if (value === null) return nul;
  if (typeof value === "string") return str(value);
  if (typeof value === "number") return num(value);
  if (typeof value === "boolean") return bool(value);
  if (Array.isArray(value)) return list(value as readonly Value[]);
  return object(value as { readonly [key: string]: Value });
}

export function attr(name: string, value: Value): BodyItem {
  assertSafe(IDENTIFIER.test(name), "attribute name", name);
  return { item: "attribute", name, value: toExpr(value) };
}

/** Attributes from a record, in its order, skipping undefined values. */
export function attrs(values: { readonly [name: string]: Value | undefined }): BodyItem[] {
  return Object.entries(values)
    .filter((entry): entry is [string, Value] => entry[1] !== undefined)
    .map(([name, value]) => attr(name, value));
}

export function block(type: string, labels: readonly string[], body: Body): BodyItem {
  assertSafe(IDENTIFIER.test(type), "block type", type);
  return { item: "block", type, labels, body };
}

/** A comment line. Only Forge's own text goes here: comments are not escaped, so goal text never does. */
export function comment(text: string): BodyItem {
  assertSafe(isOneLine(text), "comment", text);
  return { item: "comment", text };
}

function isOneLine(text: string): boolean {
  return ![...text].some((c) => c.charCodeAt(0) < 0x20 || c === "\u007f" || c === "\u2028" || c === "\u2029");
}

/** A scanner directive such as `#trivy:ignore:AVD-AWS-0053`: a comment written with no space after the `#`. */
export function directive(text: string): BodyItem {
  assertSafe(
    /^[a-z]+:(ignore|skip)[:=][A-Za-z0-9_-]+(:.*)?$/.test(text) && isOneLine(text),
    "directive",
    text,
  );
  return { item: "comment", text, directive: true };
}

export const blank: BodyItem = { item: "blank" };
