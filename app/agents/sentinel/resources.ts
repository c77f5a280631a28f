import type { CodeRun } from "./policy/code-runs.js";
import type { Known } from "./known.js";

/** What Terraform will do to a resource, with a replacement as one action. */
export type ResourceAction = "create" | "update" | "delete" | "replace" | "read" | "no-op" | "forget";

/** Where a resource is written, when the Terraform files are at hand. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly endLine: number;
}

/**
 * One resource as the org policy and the cost estimate see it, from a plan (one per instance) or from HCL
 * (one per block). `values` are the planned values; `unknownValues` marks those known only after apply
 * (`true`, or the HCL expression), as the plan's `after_unknown` does.
 */
export interface ResourceView {
  readonly address: string;
  readonly type: string;
  readonly managed: boolean;
  readonly action: ResourceAction;
  /** The provider configuration's key, e.g. `aws` or `aws.us_east_1`. */
  readonly providerKey: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly unknownValues: Readonly<Record<string, unknown>>;
  readonly sensitiveValues: Readonly<Record<string, unknown>>;
  /** The tag keys it will carry, default tags included; null when the resource type takes no tags. */
  readonly tagKeys: Known<readonly string[]> | null;
  /** How many instances: 1 for a plan's resource; a block's `count` in HCL. */
  readonly instances: Known<number>;
  /** Addresses each top-level attribute refers to, e.g. `task_definition` → `aws_ecs_task_definition.app`. */
  readonly references: Readonly<Record<string, readonly string[]>> | undefined;
  readonly location?: SourceLocation;
}

/** A provider configuration, as far as policy needs it. */
export interface ProviderView {
  /** `aws`, or `aws.<alias>`. */
  readonly key: string;
  readonly name: string;
  readonly region: Known<string>;
  readonly location?: SourceLocation;
}

/** Everything the org policy and the cost estimate read, from a plan or from HCL. */
export interface StackModel {
  readonly source: "plan" | "hcl";
  readonly resources: readonly ResourceView[];
  readonly providers: readonly ProviderView[];
  /** Provisioners and external programs: code the stack would run on the runner. */
  readonly codeRuns: readonly CodeRun[];
}

export type Attribute =
  | { readonly state: "known"; readonly value: unknown; readonly sensitive: boolean }
  | { readonly state: "unknown"; readonly why: string }
  | { readonly state: "absent" };

/** A top-level attribute's planned value: known, known only after apply, or not set. */
export function attribute(resource: ResourceView, name: string): Attribute {
  const pending = resource.unknownValues[name];
  if (pending === true) return { state: "unknown", why: "known only after apply" };
  if (typeof pending === "string") return { state: "unknown", why: `set by an expression (${pending})` };
  const value = resource.values[name];
  if (value === undefined || value === null) return { state: "absent" };
  return { state: "known", value, sensitive: resource.sensitiveValues[name] === true };
}

/** The actions that leave a resource in place after apply: what the policy checks and the forecast prices. */
export function isLive(action: ResourceAction): boolean {
  return action === "create" || action === "update" || action === "replace" || action === "no-op";
}
