import { known, unknown, type Known } from "../known.js";
import { withoutInstanceKeys } from "../terraform-address.js";
import type { ProviderView, ResourceAction, ResourceView, StackModel } from "../resources.js";
import {
  MAX_PROBLEMS,
  inputProblem,
  isObject,
  nonEmptyString,
  rejected,
  type InputProblem,
  type InputSource,
  type Parsed,
} from "./input.js";
import { notThisTool } from "./sniff.js";

const WANTED = "a Terraform plan (an object with format_version and resource_changes)";

/** Plan format major versions Sentinel reads; Terraform promises minor versions stay compatible. */
const FORMAT_MAJORS = ["0", "1"];

export interface TerraformPlan extends StackModel {
  readonly source: "plan";
  readonly formatVersion: string;
  readonly terraformVersion?: string;
  readonly notes: readonly string[];
}

const SINGLE_ACTIONS: Readonly<Record<string, ResourceAction>> = {
  "no-op": "no-op",
  create: "create",
  read: "read",
  update: "update",
  delete: "delete",
  forget: "forget",
};

/** A change's actions as one: `["delete","create"]` and `["create","delete"]` are both a replacement. */
function actionOf(actions: readonly unknown[]): ResourceAction | undefined {
  if (actions.length === 1) {
    const only = actions[0];
    return typeof only === "string" && Object.hasOwn(SINGLE_ACTIONS, only) ? SINGLE_ACTIONS[only] : undefined;
  }
  const [first, second] = actions;
  const replace =
    actions.length === 2 &&
    ((first === "delete" && second === "create") || (first === "create" && second === "delete"));
  return replace ? "replace" : undefined;
}

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

interface ProviderConfig extends ProviderView {
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

function providerConfigs(
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
interface ConfigResource {
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
function configResources(
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

function providerFor(
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

function keysOf(value: unknown): string[] {
  return isObject(value) ? Object.keys(value) : [];
}

/** The tag keys a resource will carry: `tags_all` when the plan knows it, else `tags` plus default tags. */
function planTagKeys(
  after: Record<string, unknown>,
  afterUnknown: Record<string, unknown>,
  provider: ProviderConfig | undefined,
): Known<readonly string[]> | null {
  if (!("tags" in after) && !("tags_all" in after) && !("tags" in afterUnknown)) return null;
  if (isObject(after.tags_all)) {
    const pending = afterUnknown.tags_all;
    return known(
      isObject(pending)
        ? [...Object.keys(after.tags_all), ...Object.keys(pending)]
        : Object.keys(after.tags_all),
    );
  }
  if (afterUnknown.tags === true) return unknown("the tags are known only after apply");
  const own = [...keysOf(after.tags), ...keysOf(afterUnknown.tags)];
  const defaults = provider?.defaultTagKeys ?? known<readonly string[]>([]);
  if (!defaults.known) return defaults;
  return known([...own, ...defaults.value]);
}

function record(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {};
}

interface Scope {
  readonly source: InputSource;
  readonly problems: InputProblem[];
  readonly config: Map<string, ConfigResource>;
  readonly providers: Map<string, ProviderConfig>;
}

const ONE = known(1);

/** Records a problem with the `index`th resource change (a function, not a closure: this runs per resource). */
function bad(scope: Scope, index: number, message: string, at: (string | number)[] = []): undefined {
  scope.problems.push(
    inputProblem("terraform", scope.source.file, message, ["resource_changes", index, ...at]),
  );
  return undefined;
}

function resourceChange(item: unknown, index: number, scope: Scope): ResourceView | undefined {
  if (!isObject(item)) return bad(scope, index, "must be a resource change (a mapping)");
  const address = typeof item.address === "string" && item.address !== "" ? item.address : undefined;
  const type = typeof item.type === "string" && item.type !== "" ? item.type : undefined;
  if (!address) return bad(scope, index, "has no address", ["address"]);
  if (!type) return bad(scope, index, "has no type", ["type"]);
  if (item.mode !== "managed" && item.mode !== "data") {
    return bad(scope, index, `must be "managed" or "data" (got ${JSON.stringify(item.mode)})`, ["mode"]);
  }
  const change = item.change;
  if (!isObject(change) || !Array.isArray(change.actions))
    return bad(scope, index, "has no change.actions", ["change"]);
  const action = actionOf(change.actions);
  if (!action)
    return bad(scope, index, `are not actions Terraform plans (got ${JSON.stringify(change.actions)})`, [
      "change",
      "actions",
    ]);
  const after = isObject(change.after) ? change.after : {};
  const afterUnknown = record(change.after_unknown);
  const config = scope.config.get(withoutInstanceKeys(address));
  const providerKey = providerFor(type, config, scope.providers);
  const live = action !== "delete" && action !== "read" && action !== "forget";
  return {
    address,
    type,
    managed: item.mode === "managed",
    action,
    providerKey,
    values: action === "delete" ? record(change.before) : after,
    unknownValues: afterUnknown,
    sensitiveValues: record(action === "delete" ? change.before_sensitive : change.after_sensitive),
    tagKeys: live ? planTagKeys(after, afterUnknown, scope.providers.get(providerKey)) : null,
    instances: ONE,
    references: config?.references,
  };
}

function formatVersionProblem(version: unknown): string | undefined {
  if (typeof version !== "string") return `format_version must be a string (got ${JSON.stringify(version)})`;
  if (!FORMAT_MAJORS.includes(version.split(".")[0]!)) {
    return `format_version ${JSON.stringify(version)} is not one Sentinel reads (it reads ${FORMAT_MAJORS.join(".x, ")}.x)`;
  }
  return undefined;
}

/** Reads `terraform show -json <planfile>`: every resource change, and the provider settings policy needs. */
export function planFromJson(data: unknown, source: InputSource): Parsed<TerraformPlan> {
  const problem = (message: string, path: (string | number)[] = []) =>
    rejected<TerraformPlan>([inputProblem("terraform", source.file, message, path)]);
  if (
    !isObject(data) ||
    !("format_version" in data) ||
    !("resource_changes" in data || "planned_values" in data)
  ) {
    return problem(notThisTool(data, WANTED));
  }
  const versionProblem = formatVersionProblem(data.format_version);
  if (versionProblem) return problem(versionProblem, ["format_version"]);
  if (data.errored === true)
    return problem("the plan is incomplete: terraform plan failed (errored is true)");
  const changes = data.resource_changes ?? [];
  if (!Array.isArray(changes)) return problem("must be a list", ["resource_changes"]);
  const configuration = record(data.configuration);
  const providers = providerConfigs(configuration, record(data.variables));
  const scope: Scope = {
    source,
    problems: [],
    config: configResources(configuration.root_module, "", new Map()),
    providers,
  };
  const resources: ResourceView[] = [];
  for (let i = 0; i < changes.length && scope.problems.length < MAX_PROBLEMS; i++) {
    const view = resourceChange(changes[i], i, scope);
    if (view) resources.push(view);
  }
  if (scope.problems.length > 0) return rejected(scope.problems);
  const terraformVersion = nonEmptyString(data.terraform_version);
  return {
    ok: true,
    value: {
      source: "plan",
      formatVersion: data.format_version as string,
      ...(terraformVersion ? { terraformVersion } : {}),
      resources,
      providers: [...providers.values()].map(({ defaultTagKeys: _, ...view }) => view),
      notes:
        data.complete === false
          ? ["the plan is not complete: some changes are deferred to a later plan"]
          : [],
    },
  };
}
