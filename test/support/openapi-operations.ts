import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { githubOpenApi } from "./openapi.js";

/** One operation of GitHub's REST description, found from a concrete method and path. */
export interface GitHubOperation {
  readonly method: string;
  readonly template: string;
  readonly operationId: string;
  /** The documented response statuses ("200", "404", …). */
  readonly statuses: readonly string[];
  readonly hasJsonBody: boolean;
  readonly bodyRequired: boolean;
}

interface Entry {
  readonly operation: GitHubOperation;
  readonly strict: RegExp;
  readonly loose: RegExp;
  readonly literalLength: number;
  readonly bodySchema: unknown;
}

/** Parameters whose values may hold slashes: git refs, file paths, branch names. */
const SLASHED = new Set(["ref", "path", "branch", "basehead", "dir", "tag"]);
const METHODS = ["get", "put", "post", "patch", "delete", "head"];

let entries: Entry[] | undefined;

/**
 * The operation a request is for. Parameters match one path segment each, except ref-like ones, which may span
 * several (git/ref/infracrew/locks/app) and are tried only when nothing matches segment by segment. Among several
 * matches, the template with the most literal text wins (pulls/comments over pulls/{pull_number}).
 */
export function findGitHubOperation(method: string, pathname: string): GitHubOperation | undefined {
  return findEntry(method, pathname)?.operation;
}

/** Problems of a JSON request body against the operation's schema; empty when it fits. */
export function requestBodyProblems(operation: GitHubOperation, body: unknown): string[] {
  const entry = findEntry(operation.method, operation.template, true);
  if (entry === undefined || entry.bodySchema === undefined) return [];
  const validate = compiled(entry);
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "(body)"} ${e.message ?? "is invalid"}`);
}

function findEntry(method: string, pathname: string, byTemplate = false): Entry | undefined {
  const all = (entries ??= index());
  const upper = method.toUpperCase();
  const same = all.filter((e) => e.operation.method === upper);
  if (byTemplate) return same.find((e) => e.operation.template === pathname);
  for (const pattern of ["strict", "loose"] as const) {
    const matches = same.filter((e) => e[pattern].test(pathname));
    if (matches.length > 0)
      return matches.reduce((best, e) => (e.literalLength > best.literalLength ? e : best));
  }
  return undefined;
}

function index(): Entry[] {
  const doc = githubOpenApi();
  const out: Entry[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as Operation | undefined;
      if (op === undefined) continue;
      const json = op.requestBody?.content?.["application/json"];
      out.push({
        operation: {
          method: method.toUpperCase(),
          template,
          operationId: op.operationId,
          statuses: Object.keys(op.responses ?? {}),
          hasJsonBody: json !== undefined,
          bodyRequired: op.requestBody?.required === true,
        },
        strict: pattern(template, false),
        loose: pattern(template, true),
        literalLength: template.replace(/\{\w+\}/g, "").length,
        bodySchema: json?.schema,
      });
    }
  }
  return out;
}

interface Operation {
  operationId: string;
  responses?: Record<string, unknown>;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> };
}

function pattern(template: string, slashes: boolean): RegExp {
  const source = template
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
      return slashes && SLASHED.has(name) ? ".+" : "[^/]+";
    })
    .join("");
  return new RegExp(`^${source}$`);
}

const validators = new Map<Entry, ValidateFunction>();
let ajv: Ajv | undefined;

function compiled(entry: Entry): ValidateFunction {
  let validate = validators.get(entry);
  if (validate === undefined) {
    ajv ??= makeAjv();
    validate = ajv.compile(dereference(entry.bodySchema) as object);
    validators.set(entry, validate);
  }
  return validate;
}

function makeAjv(): Ajv {
  const instance = new Ajv({ strict: false, allErrors: true, logger: false });
  (addFormatsModule as unknown as (a: Ajv) => Ajv)(instance);
  for (const format of ["repo.nwo", "timestamp"]) instance.addFormat(format, true);
  return instance;
}

/** A self-contained copy: every `$ref` replaced by a copy of its target (a cycle becomes `{}`). */
function dereference(node: unknown, seen: readonly string[] = []): unknown {
  if (Array.isArray(node)) return node.map((item) => dereference(item, seen));
  if (typeof node !== "object" || node === null) return node;
  const record = node as Record<string, unknown>;
  const ref = record.$ref;
  if (typeof ref === "string") {
    if (seen.includes(ref)) return {};
    return dereference(pointer(ref), [...seen, ref]);
  }
  const copy = Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, dereference(value, seen)]),
  );
  // OpenAPI 3.0's `nullable` without a `type` (beside oneOf/anyOf) is beyond Ajv's support of the keyword.
  if (copy.nullable === true && copy.type === undefined) {
    const { nullable: _nullable, ...rest } = copy;
    return { anyOf: [rest, { type: "null" }] };
  }
  return copy;
}

function pointer(ref: string): unknown {
  if (!ref.startsWith("#/")) throw new Error(`unsupported $ref ${ref}`);
  let target: unknown = githubOpenApi();
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    target = (target as Record<string, unknown>)[key];
    if (target === undefined) throw new Error(`dangling $ref ${ref}`);
  }
  return target;
}
