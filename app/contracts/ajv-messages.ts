import type { ErrorObject } from "ajv";
import { closest, joinPath, showValue, type Problem } from "./problem.js";

type SchemaNode = Record<string, unknown>;

const TYPE_NAMES: Record<string, string> = {
  integer: "a whole number",
  number: "a number",
  string: "text",
  object: "a mapping of fields",
  array: "a list",
  boolean: "true or false",
  null: "null",
};

const FORMAT_NAMES: Record<string, string> = {
  "date-time": "an RFC 3339 date-time such as 2026-11-27T15:00:00Z",
  date: "a date such as 2026-11-27",
  uri: "an absolute URL",
};

/** Keywords whose errors only say that a sub-schema failed; the sub-schema's own errors say why. */
const AGGREGATE_KEYWORDS = new Set(["if", "oneOf", "allOf", "propertyNames"]);

function pointerSegments(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((raw) => raw.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((segment) => (/^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment));
}

function valueAt(data: unknown, segments: readonly (string | number)[]): unknown {
  let node: unknown = data;
  for (const segment of segments) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function describeType(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => TYPE_NAMES[String(t)] ?? String(t)).join(" or ");
}

function listChoices(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", ");
}

function messageFor(
  error: ErrorObject,
  value: unknown,
): { segments: (string | number)[]; message: string } | undefined {
  const segments = pointerSegments(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const schema = (error.parentSchema ?? {}) as SchemaNode;
  const got = `(got ${showValue(value)})`;
  switch (error.keyword) {
    case "required":
      return { segments: [...segments, String(params.missingProperty)], message: "is required" };
    case "additionalProperties": {
      const field = String(params.additionalProperty);
      const known = Object.keys((schema.properties as SchemaNode | undefined) ?? {});
      const hint = closest(field, known);
      const message = hint
        ? `unknown field (did you mean "${hint}"?)`
        : known.length > 0
          ? `unknown field (known fields: ${known.join(", ")})`
          : "unknown field";
      return { segments: [...segments, field], message };
    }
    case "type":
      return { segments, message: `must be ${describeType(params.type)} ${got}` };
    case "enum": {
      const choices = (params.allowedValues as unknown[]) ?? [];
      const hint =
        typeof value === "string"
          ? closest(
              value,
              choices.filter((c): c is string => typeof c === "string"),
            )
          : undefined;
      return {
        segments,
        message: `must be one of: ${listChoices(choices)} ${got}${hint ? `; did you mean "${hint}"?` : ""}`,
      };
    }
    case "const":
      return { segments, message: `must be ${JSON.stringify(params.allowedValue)} ${got}` };
    case "minimum":
      return { segments, message: `must be ≥ ${String(params.limit)} ${got}` };
    case "maximum":
      return { segments, message: `must be ≤ ${String(params.limit)} ${got}` };
    case "exclusiveMinimum":
      return { segments, message: `must be > ${String(params.limit)} ${got}` };
    case "exclusiveMaximum":
      return { segments, message: `must be < ${String(params.limit)} ${got}` };
    case "minLength":
      return { segments, message: `must be at least ${String(params.limit)} characters ${got}` };
    case "maxLength":
      return { segments, message: `must be at most ${String(params.limit)} characters ${got}` };
    case "pattern": {
      const hint = schema["x-hint"];
      return {
        segments,
        message:
          typeof hint === "string" ? `must be ${hint} ${got}` : `must match ${String(params.pattern)} ${got}`,
      };
    }
    case "format": {
      const name = FORMAT_NAMES[String(params.format)] ?? `a valid ${String(params.format)}`;
      return { segments, message: `must be ${name} ${got}` };
    }
    case "minItems":
      return { segments, message: `must have at least ${String(params.limit)} item(s) ${got}` };
    case "maxItems":
      return { segments, message: `must have at most ${String(params.limit)} item(s) ${got}` };
    case "uniqueItems":
      return {
        segments,
        message: `must not repeat an item (items ${String(params.j)} and ${String(params.i)} are the same)`,
      };
    case "minProperties":
      return { segments, message: `must have at least ${String(params.limit)} entries` };
    case "maxProperties":
      return {
        segments,
        message: `must have at most ${String(params.limit)} entries (got ${Object.keys(value ?? {}).length})`,
      };
    case "anyOf":
      return { segments, message: `must be ${describeAnyOf(schema)} ${got}` };
    case "not":
      return {
        segments,
        message:
          typeof schema["x-hint"] === "string"
            ? `must be ${schema["x-hint"]} ${got}`
            : `is not allowed ${got}`,
      };
    case "discriminator": {
      const tag = String(params.tag);
      const tagValue =
        value !== null && typeof value === "object" ? (value as Record<string, unknown>)[tag] : undefined;
      return { segments: [...segments, tag], message: `must be a known value (got ${showValue(tagValue)})` };
    }
    default:
      return { segments, message: `${error.message ?? "is invalid"} ${got}` };
  }
}

function describeAnyOf(schema: SchemaNode): string {
  const options = (schema.anyOf as SchemaNode[] | undefined) ?? [];
  return options
    .map((o) =>
      typeof o["x-hint"] === "string" ? o["x-hint"] : o.type ? describeType(o.type) : "a valid value",
    )
    .join(" or ");
}

/** Property-name errors come as a pair: the inner keyword names the key; report it on the key itself. */
function propertyNameProblem(error: ErrorObject): Problem | undefined {
  const params = error.params as Record<string, unknown>;
  const key = error.propertyName;
  if (typeof key !== "string" || error.keyword === "propertyNames") return undefined;
  const segments = [...pointerSegments(error.instancePath), key];
  const schema = (error.parentSchema ?? {}) as SchemaNode;
  const why =
    error.keyword === "not"
      ? "is reserved"
      : typeof schema["x-hint"] === "string"
        ? `must be ${schema["x-hint"]}`
        : error.keyword === "pattern"
          ? `must match ${String(params.pattern)}`
          : (error.message ?? "is not allowed");
  return { path: joinPath(segments), message: `key ${why} (got ${showValue(key)})` };
}

function hasTagError(errors: readonly ErrorObject[], discriminator: ErrorObject): boolean {
  const tagPath = `${discriminator.instancePath}/${String((discriminator.params as { tag?: unknown }).tag)}`;
  return errors.some((e) => e !== discriminator && e.instancePath === tagPath);
}

/** Translates Ajv errors into problems: one per field, sorted by path, with the value found. */
export function problemsFromAjv(errors: readonly ErrorObject[], data: unknown): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const pathsWithSpecificErrors = new Set(
    errors
      .filter((e) => !AGGREGATE_KEYWORDS.has(e.keyword) && e.keyword !== "anyOf")
      .map((e) => e.instancePath),
  );
  for (const error of errors) {
    if (AGGREGATE_KEYWORDS.has(error.keyword)) continue;
    if (error.keyword === "discriminator" && hasTagError(errors, error)) continue;
    if (error.schemaPath.includes("/anyOf/")) continue;
    if (
      error.keyword === "anyOf" &&
      [...pathsWithSpecificErrors].some((p) => p.startsWith(error.instancePath + "/"))
    )
      continue;
    const named = propertyNameProblem(error);
    const entry = named ?? toProblem(error, data);
    if (!entry) continue;
    const key = `${entry.path}\u0000${entry.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(entry);
  }
  return problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function toProblem(error: ErrorObject, data: unknown): Problem | undefined {
  const value = valueAt(data, pointerSegments(error.instancePath));
  const described = messageFor(error, value);
  if (!described) return undefined;
  return { path: joinPath(described.segments), message: described.message };
}
