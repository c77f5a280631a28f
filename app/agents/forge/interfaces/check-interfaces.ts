/**
 * Proves a Terraform configuration against the vendored interfaces: every module call passes only inputs the
 * pinned module declares (nested object attributes included) and every input it requires; every raw resource and
 * data source uses only documented arguments and blocks; every `module.x.y`, `data.t.x.y`, `t.x.y` and `var.x`
 * reference names something that exists. It reads the JSON that @cdktf/hcl2json makes of each .tf file.
 */
import { closest, type Problem } from "../../../contracts/problem.js";
import type { ModuleInterface, ResourceArgument, ResourceInterface } from "./interface-data.js";
import { parseTerraformType, type TerraformType } from "./terraform-type.js";

/** One .tf file as @cdktf/hcl2json parses it. */
export interface ParsedTerraformFile {
  readonly file: string;
  readonly body: Readonly<Record<string, unknown>>;
}

export interface InterfaceRegistry {
  readonly modules: readonly ModuleInterface[];
  readonly resources: readonly ResourceInterface[];
}

type Json = Record<string, unknown>;

const MODULE_META = new Set(["source", "version", "count", "for_each", "providers", "depends_on"]);
const RESOURCE_META = new Set([
  "count",
  "for_each",
  "provider",
  "depends_on",
  "lifecycle",
  "connection",
  "provisioner",
]);

/** The top-level blocks that declare a provider object, and the prefix their addresses take. */
const RESOURCE_KINDS = ["resource", "data", "ephemeral"] as const;
const addressPrefix = (kind: (typeof RESOURCE_KINDS)[number]): string =>
  kind === "resource" ? "" : `${kind}.`;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** hcl2json writes expressions as `${…}`; a literal `${` is written `$${`. */
const isExpression = (value: unknown): value is string =>
  typeof value === "string" && /(^|[^$])\$\{/.test(value) && /^\$\{[\s\S]*\}$/.test(value);

function blocksOf(body: Readonly<Record<string, unknown>>, key: string): [string, Json][] {
  const group = body[key];
  if (!isObject(group)) return [];
  return Object.entries(group).flatMap(([label, bodies]) =>
    Array.isArray(bodies) ? bodies.filter(isObject).map((b) => [label, b] as [string, Json]) : [],
  );
}

function typedBlocksOf(body: Readonly<Record<string, unknown>>, key: string): [string, string, Json][] {
  const group = body[key];
  if (!isObject(group)) return [];
  return Object.entries(group).flatMap(([type, labelled]) =>
    blocksOf({ [key]: labelled }, key).map(([label, b]) => [type, label, b] as [string, string, Json]),
  );
}

const typeCache = new Map<string, TerraformType>();
function typeOf(text: string): TerraformType {
  let type = typeCache.get(text);
  if (!type) typeCache.set(text, (type = parseTerraformType(text)));
  return type;
}

function unknown(where: string, name: string, known: readonly string[], what: string): Problem {
  const hint = closest(name, known);
  return {
    path: where,
    message: `${what} "${name}" is not declared${hint ? ` (did you mean "${hint}"?)` : ""}`,
  };
}

/** Checks a value against a variable's type, attribute by attribute. */
function checkValue(type: TerraformType, value: unknown, where: string, out: Problem[]): void {
  if (value === null || value === undefined || isExpression(value)) return;
  switch (type.kind) {
    case "primitive":
      if (type.name !== "any" && typeof value === "object") {
        out.push({
          path: where,
          message: `expects a ${type.name}, not ${Array.isArray(value) ? "a list" : "an object"}`,
        });
      }
      return;
    case "list":
    case "set":
      if (Array.isArray(value)) value.forEach((v, i) => checkValue(type.element, v, `${where}[${i}]`, out));
      else out.push({ path: where, message: `expects a ${type.kind}` });
      return;
    case "map":
      if (isObject(value))
        for (const [k, v] of Object.entries(value)) checkValue(type.element, v, `${where}.${k}`, out);
      else out.push({ path: where, message: "expects a map" });
      return;
    case "tuple":
      return;
    case "object": {
      if (!isObject(value)) {
        out.push({ path: where, message: "expects an object" });
        return;
      }
      const names = Object.keys(type.attributes);
      for (const [k, v] of Object.entries(value)) {
        const attribute = type.attributes[k];
        if (!attribute) out.push(unknown(where, k, names, "attribute"));
        else checkValue(attribute.type, v, `${where}.${k}`, out);
      }
      for (const [k, attribute] of Object.entries(type.attributes)) {
        if (!attribute.optional && !(k in value))
          out.push({ path: where, message: `attribute "${k}" is required` });
      }
      return;
    }
  }
}

function checkModule(body: Json, registry: InterfaceRegistry, where: string): Problem[] {
  const out: Problem[] = [];
  const source = body.source;
  const iface = registry.modules.find((m) => m.source === source);
  if (!iface) {
    return [{ path: where, message: `source ${JSON.stringify(source)} is not a vendored module` }];
  }
  if (body.version !== iface.version) {
    out.push({
      path: where,
      message: `version must be pinned to "${iface.version}" (got ${JSON.stringify(body.version)})`,
    });
  }
  const names = iface.variables.map((v) => v.name);
  for (const [name, value] of Object.entries(body)) {
    if (MODULE_META.has(name)) continue;
    const variable = iface.variables.find((v) => v.name === name);
    if (!variable) out.push(unknown(where, name, names, `input`));
    else checkValue(typeOf(variable.type), value, `${where}.${name}`, out);
  }
  for (const variable of iface.variables) {
    if (variable.required && !(variable.name in body)) {
      out.push({ path: where, message: `required input "${variable.name}" is missing` });
    }
  }
  return out;
}

function checkArguments(
  body: Json,
  args: readonly ResourceArgument[],
  iface: ResourceInterface,
  where: string,
  meta: ReadonlySet<string>,
  out: Problem[],
): void {
  const names = args.map((a) => a.name);
  for (const [name, value] of Object.entries(body)) {
    if (meta.has(name)) continue;
    if (!names.includes(name)) {
      out.push(unknown(where, name, names, "argument"));
      continue;
    }
    const nested = Array.isArray(value) && value.length > 0 && value.every(isObject) ? (value as Json[]) : [];
    for (const [i, child] of nested.entries()) {
      const childArgs = iface.blocks[name];
      const childWhere = `${where}.${name}${nested.length > 1 ? `[${i}]` : ""}`;
      if (childArgs) checkArguments(child, childArgs, iface, childWhere, new Set(), out);
      else if (Object.keys(child).length > 0) {
        out.push({
          path: childWhere,
          message: `block "${name}" has no documented arguments; it must be empty`,
        });
      }
    }
  }
  for (const arg of args) {
    if (arg.required && !(arg.name in body))
      out.push({ path: where, message: `required argument "${arg.name}" is missing` });
  }
}

function checkResource(
  kind: (typeof RESOURCE_KINDS)[number],
  type: string,
  body: Json,
  registry: InterfaceRegistry,
  where: string,
): Problem[] {
  const iface = registry.resources.find((r) => r.kind === kind && r.type === type);
  if (!iface) return [{ path: where, message: `${kind} type ${type} has no vendored interface` }];
  const out: Problem[] = [];
  checkArguments(body, iface.args, iface, where, RESOURCE_META, out);
  return out;
}

function* strings(value: unknown): Generator<string> {
  if (typeof value === "string") yield value;
  else if (Array.isArray(value)) for (const v of value) yield* strings(v);
  else if (isObject(value)) for (const v of Object.values(value)) yield* strings(v);
}

/** Checks every reference inside expressions against what the configuration declares. */
function checkReferences(files: readonly ParsedTerraformFile[], registry: InterfaceRegistry): Problem[] {
  const out: Problem[] = [];
  const modules = new Map<string, ModuleInterface | undefined>();
  const resources = new Map<string, ResourceInterface | undefined>();
  const variables = new Set<string>();
  for (const { body } of files) {
    for (const [label, b] of blocksOf(body, "module"))
      modules.set(
        label,
        registry.modules.find((m) => m.source === b.source),
      );
    for (const kind of RESOURCE_KINDS) {
      for (const [type, label] of typedBlocksOf(body, kind)) {
        resources.set(
          `${addressPrefix(kind)}${type}.${label}`,
          registry.resources.find((r) => r.kind === kind && r.type === type),
        );
      }
    }
    for (const [name] of blocksOf(body, "variable")) variables.add(name);
  }
  const pattern =
    /(?<![\w.])(module\.([\w-]+)\.(\w+)|((?:data|ephemeral)\.aws_\w+)\.([\w-]+)\.(\w+)|(aws_\w+)\.([\w-]+)\.(\w+)|var\.(\w+))/g;
  for (const { file, body } of files) {
    for (const text of strings(body)) {
      if (!/(^|[^$])\$\{/.test(text)) continue;
      for (const m of text.matchAll(pattern)) {
        const [
          whole,
          ,
          moduleLabel,
          output,
          dataType,
          dataLabel,
          dataAttr,
          resType,
          resLabel,
          resAttr,
          variable,
        ] = m;
        if (moduleLabel) {
          if (!modules.has(moduleLabel))
            out.push({ path: file, message: `${whole}: no module "${moduleLabel}" is declared` });
          else if (!modules.get(moduleLabel)?.outputs.includes(output!)) {
            out.push(
              unknown(
                `${file}: module.${moduleLabel}`,
                output!,
                modules.get(moduleLabel)?.outputs ?? [],
                "output",
              ),
            );
          }
        } else if (dataType || resType) {
          const address = dataType ? `${dataType}.${dataLabel}` : `${resType}.${resLabel}`;
          const attribute = (dataAttr ?? resAttr)!;
          const iface = resources.get(address);
          const known = iface ? [...iface.attributes, ...iface.args.map((a) => a.name)] : [];
          if (!resources.has(address))
            out.push({ path: file, message: `${whole}: ${address} is not declared` });
          else if (!known.includes(attribute))
            out.push(unknown(`${file}: ${address}`, attribute, known, "attribute"));
        } else if (variable && !variables.has(variable)) {
          out.push({ path: file, message: `${whole}: variable "${variable}" is not declared` });
        }
      }
    }
  }
  return out;
}

/** Every interface problem in a configuration, one per unknown, missing or mistyped input or reference. */
export function checkInterfaces(
  files: readonly ParsedTerraformFile[],
  registry: InterfaceRegistry,
): Problem[] {
  const out: Problem[] = [];
  for (const { file, body } of files) {
    for (const [label, b] of blocksOf(body, "module"))
      out.push(...checkModule(b, registry, `${file}: module.${label}`));
    for (const kind of RESOURCE_KINDS) {
      for (const [type, label, b] of typedBlocksOf(body, kind)) {
        const address = `${addressPrefix(kind)}${type}.${label}`;
        out.push(...checkResource(kind, type, b, registry, `${file}: ${address}`));
      }
    }
  }
  return [...out, ...checkReferences(files, registry)];
}
