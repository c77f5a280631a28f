/**
 * Rolling back a stack's first apply: there is no earlier revision to return to, so what the apply created is
 * destroyed, except the data stores (deletion-protected databases, and buckets, which hold data) and what they need
 * to keep working (the network a database lives in, the KMS key everything is encrypted with). The kept ones stay
 * in the state, so applying the goal again picks them up; the result names them for a person to decide.
 *
 * The destroy is targeted (`terraform destroy -target=…`): Terraform destroys each target and whatever depends on
 * it, never what it depends on, so targeting everything but the kept set leaves that set whole.
 */
import type { PlanSpec } from "../../contracts/generated/index.js";
import type { Component } from "../../contracts/generated/plan-spec.js";
import { terraformLabel } from "./names.js";

/** Resource types that hold a data store's data: what an ApplyResult names as retained. */
export const DATA_STORE_TYPES = ["aws_db_instance", "aws_rds_cluster", "aws_s3_bucket"] as const;

export interface FirstApplyRollback {
  /** The `-target` addresses of the destroy. */
  readonly destroy: readonly string[];
  /** The addresses kept: data stores and what they need. */
  readonly keep: readonly string[];
  /** The ids of the data-store components kept. */
  readonly dataStores: readonly string[];
}

/** The module and resource addresses Forge renders for a component (see the component renderers). */
export function componentAddresses(c: Component): string[] {
  const label = terraformLabel(c.id);
  switch (c.kind) {
    case "database":
      return c.params.flavor === "rds"
        ? [`module.${label}`, `module.${label}_security_group`]
        : [`module.${label}`];
    case "load-balancer":
      return c.params.waf === true ? [`aws_wafv2_web_acl.${label}`, `module.${label}`] : [`module.${label}`];
    case "cdn":
      return c.params.waf !== false ? [`aws_wafv2_web_acl.${label}`, `module.${label}`] : [`module.${label}`];
    case "network":
      return c.params.s3GatewayEndpoint === true
        ? [`aws_vpc_endpoint.${label}_s3`, `module.${label}`]
        : [`module.${label}`];
    default:
      return [`module.${label}`];
  }
}

function holdsData(c: Component): boolean {
  return (c.kind === "database" && c.params.deletionProtection !== false) || c.kind === "object-storage";
}

export function firstApplyRollback(spec: PlanSpec): FirstApplyRollback {
  const kept = spec.components.filter(holdsData);
  const keepsDatabase = kept.some((c) => c.kind === "database");
  const keep = new Set<string>(kept.flatMap(componentAddresses));
  if (kept.length > 0) keep.add("module.encryption");
  if (keepsDatabase)
    for (const n of spec.components.filter((c) => c.kind === "network"))
      componentAddresses(n).forEach((a) => keep.add(a));
  const all = [
    ...spec.components.flatMap(componentAddresses),
    "module.encryption",
    ...(spec.components.some((c) => c.kind === "container-service") ? ["module.cluster"] : []),
  ];
  return {
    destroy: all.filter((a) => !keep.has(a)).sort(),
    keep: [...keep].sort(),
    dataStores: kept.map((c) => c.id),
  };
}

/** The data-store resources among a state's addresses that sit inside the kept addresses. */
export function retainedDataStores(stateAddresses: readonly string[], plan: FirstApplyRollback): string[] {
  const inKept = (address: string): boolean =>
    plan.keep.some((k) => address === k || address.startsWith(`${k}.`));
  const isDataStore = (address: string): boolean =>
    DATA_STORE_TYPES.some((type) => new RegExp(`(^|\\.)${type}\\.[^.]+$`).test(address));
  return stateAddresses.filter((a) => inKept(a) && isDataStore(a)).sort();
}
