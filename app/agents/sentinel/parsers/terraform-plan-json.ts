import { known, unknown, type Known } from "../known.js";
import { withoutInstanceKeys } from "../terraform-address.js";
import type { ResourceAction, ResourceView, StackModel } from "../resources.js";
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
import {
  configCodeRuns,
  configResources,
  providerConfigs,
  providerFor,
  type ConfigResource,
  type ProviderConfig,
} from "./terraform-plan-configuration.js";

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
      codeRuns: configCodeRuns(configuration.root_module),
      notes:
        data.complete === false
          ? ["the plan is not complete: some changes are deferred to a later plan"]
          : [],
    },
  };
}
