import { known, unknown, type Known } from "../known.js";
import { isPinnedModule, provisionerTypes, type CodeRun } from "../policy/code-runs.js";
import type { ProviderView } from "../resources.js";
import { isObject, nonEmptyString } from "./input.js";

/**
 * What a plan's `configuration` says that its `resource_changes` do not: each provider configuration (its
 * region and default tags) and which one each resource uses, and what each resource's attributes refer to.
 */

type Variables = Readonly<Record<string, unknown>>;

function variableValue(variables: Variables, name: string): Known<unknown> {
  const entry = variables[name];
  return isObject(entry) && "value" in entry ? known(entry.value) : unknown(`var.${name} has no value`);
}

/** A configuration expression's value: a constant, or a root-module variable it refers to. */
function expression(expr: unknown, variables: Variables | undefined): Known<unknown> {
  if (!isObject(expr)) return unknown("not set");
  if ("constant_value" in expr) return known(expr.constant_value);
  const refs = Array.isArray(expr.references) ? expr.references.filter((r) => typeof r === "string") : [];
  const first = refs[0] as string | undefined;
  const variable = first && /^var\.([A-Za-z0-9_-]+)$/.exec(first);
  if (variable && variables) return variableValue(variables, variable[1]!);
  return unknown(first ? `set from ${first}` : "set by an expression");
}

export interface ProviderConfig extends ProviderView {
  readonly defaultTagKeys: Known<readonly string[]>;
}

function defaultTagKeys(expressions: Record<string, unknown>, variables: Variables | undefined) {
  const blocks = Array.isArray(expressions.default_tags) ? expressions.default_tags : [];
  const keys: string[] = [];
  for (const block of blocks) {
    const tags = expression(isObject(block) ? block.tags : undefined, variables);
    if (!tags.known) return unknown<readonly string[]>(`the provider's default_tags are ${tags.why}`);
    if (isObject(tags.value)) keys.push(...Object.keys(tags.value));
  }
  return known<readonly string[]>(keys);
}

export function providerConfigs(
  configuration: Record<string, unknown>,
  variables: Variables,
): Map<string, ProviderConfig> {
  const out = new Map<string, ProviderConfig>();
  const configs = isObject(configuration.provider_config) ? configuration.provider_config : {};
  for (const [key, value] of Object.entries(configs)) {
    if (!isObject(value)) continue;
    const name = nonEmptyString(value.name) ?? key.replace(/^.*:/, "").split(".")[0]!;
    const expressions = isObject(value.expressions) ? value.expressions : {};
    // Variables belong to the root module; a module's provider refers to its own.
    const scope = nonEmptyString(value.module_address) ? undefined : variables;
    const region = expression(expressions.region, scope);
    out.set(key, {
      key,
      name,
      region: !isObject(expressions.region)
        ? unknown("region is not in the provider configuration (it comes from the environment)")
        : region.known && typeof region.value !== "string"
          ? unknown("region is not a string")
          : (region as Known<string>),
      defaultTagKeys: defaultTagKeys(expressions, scope),
    });
  }
  return out;
}

/** What the configuration says of one resource block: its provider, and what its attributes refer to. */
export interface ConfigResource {
  readonly providerKey: string | undefined;
  /** Undefined when the resource's attributes refer to no other resource. */
  readonly references: Record<string, readonly string[]> | undefined;
}

const NOT_RESOURCES = /^(var|local|each|count|path|terraform|self)\./;

function attributeReferences(
  expressions: unknown,
  prefix: string,
): Record<string, readonly string[]> | undefined {
  if (!isObject(expressions)) return undefined;
  let out: Record<string, readonly string[]> | undefined;
  for (const name in expressions) {
    const expr = expressions[name];
    const refs = isObject(expr) && Array.isArray(expr.references) ? expr.references : undefined;
    const resources = refs?.filter((r): r is string => typeof r === "string" && !NOT_RESOURCES.test(r));
    if (resources && resources.length > 0) (out ??= {})[name] = resources.map((r) => prefix + r);
  }
  return out;
}

/** Configuration address (no instance keys) → its provider key and references, through every module call. */
export function configResources(
  module: unknown,
  prefix: string,
  out: Map<string, ConfigResource>,
): Map<string, ConfigResource> {
  if (!isObject(module)) return out;
  for (const resource of Array.isArray(module.resources) ? module.resources : []) {
    if (!isObject(resource) || typeof resource.address !== "string") continue;
    out.set(prefix + resource.address, {
      providerKey:
        typeof resource.provider_config_key === "string" ? resource.provider_config_key : undefined,
      references: attributeReferences(resource.expressions, prefix),
    });
  }
  const calls = isObject(module.module_calls) ? module.module_calls : {};
  for (const [name, call] of Object.entries(calls)) {
    if (isObject(call)) configResources(call.module, `${prefix}module.${name}.`, out);
  }
  return out;
}

export function providerFor(
  type: string,
  config: ConfigResource | undefined,
  providers: Map<string, ProviderConfig>,
): string {
  const key = config?.providerKey;
  if (key && providers.has(key)) return key;
  const local = key?.replace(/^.*:/, "");
  if (local && providers.has(local)) return local;
  return type.split("_")[0]!;
}

/**
 * The provisioners and external programs in a plan's configuration, through every module call except Forge's
 * pinned modules (which a plan lists with their whole configuration, including steps their inputs turn off).
 */
export function configCodeRuns(module: unknown, prefix = "", out: CodeRun[] = []): CodeRun[] {
  if (!isObject(module)) return out;
  for (const resource of Array.isArray(module.resources) ? module.resources : []) {
    if (!isObject(resource) || typeof resource.address !== "string") continue;
    const address = prefix + resource.address;
    if (resource.mode === "data" && resource.type === "external")
      out.push({ address, what: 'data "external"' });
    for (const kind of provisionerTypes(resource.provisioners)) {
      out.push({ address, what: `provisioner "${kind}"` });
    }
  }
  const calls = isObject(module.module_calls) ? module.module_calls : {};
  for (const [name, call] of Object.entries(calls)) {
    if (isObject(call) && !isPinnedModule(call.source, call.version_constraint)) {
      configCodeRuns(call.module, `${prefix}module.${name}.`, out);
    }
  }
  return out;
}
