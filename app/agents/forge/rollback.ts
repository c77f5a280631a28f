/**
 * Rolling back a stack's first apply: there is no earlier revision to return to, so what the apply created is
 * destroyed, except the data stores (deletion-protected databases and tables, and buckets, which hold data) and what they need
 * to keep working (the network a database lives in, the KMS key everything is encrypted with). The kept ones stay
 * in the state, so applying the goal again picks them up; the result names them for a person to decide.
 *
 * The destroy is targeted (`terraform destroy -target=…`): Terraform destroys each target and whatever depends on
 * it, never what it depends on, so targeting everything but the kept set leaves that set whole.
 */
import type { PlanSpec } from "../../contracts/generated/index.js";
import type { Component } from "../../contracts/generated/plan-spec.js";
import {
  GPU_SERVICE_PARTS,
  KUBERNETES_PARTS,
  SCHEDULED_TASK_PARTS,
  STREAM_PARTS,
} from "./stack/component-parts.js";
import { terraformLabel } from "./names.js";

/** Resource types that hold a data store's data: what an ApplyResult names as retained. */
export const DATA_STORE_TYPES = [
  "aws_db_instance",
  "aws_rds_cluster",
  "aws_s3_bucket",
  "aws_dynamodb_table",
] as const;

export interface FirstApplyRollback {
  /** The `-target` addresses of the destroy. */
  readonly destroy: readonly string[];
  /** The addresses kept: data stores and what they need. */
  readonly keep: readonly string[];
  /** The ids of the data-store components kept. */
  readonly dataStores: readonly string[];
}

/** The module and resource addresses Forge renders for a component (see the component renderers). */
export function componentAddresses(c: Component, spec: PlanSpec): string[] {
  const label = terraformLabel(c.id);
  switch (c.kind) {
    case "database":
      return c.params.flavor === "rds"
        ? [`module.${label}`, `module.${label}_security_group`]
        : [...globalDatabaseAddresses(c, spec, label), `module.${label}`];
    case "load-balancer":
      return c.params.waf === true ? [`aws_wafv2_web_acl.${label}`, `module.${label}`] : [`module.${label}`];
    case "cdn":
      return c.params.waf !== false ? [`aws_wafv2_web_acl.${label}`, `module.${label}`] : [`module.${label}`];
    case "network":
      return [
        ...(c.params.s3GatewayEndpoint === true ? [`aws_vpc_endpoint.${label}_s3`] : []),
        ...(c.params.dynamodbGatewayEndpoint === true ? [`aws_vpc_endpoint.${label}_dynamodb`] : []),
        ...(c.params.secretsManagerEndpoint === true
          ? [`aws_vpc_endpoint.${label}_secretsmanager`, `module.${label}_endpoints_security_group`]
          : []),
        `module.${label}`,
      ];
    case "function":
      // A function linked to a database has its own security group (see function-vpc.ts).
      return reachesDatabase(c, spec)
        ? [`module.${label}`, `module.${label}_security_group`]
        : [`module.${label}`];
    case "domain":
      return c.params.targets.length > 1
        ? [
            ...["primary", "secondary"].flatMap((role, j) => [
              `aws_route53_health_check.${label}_${role}`,
              `aws_route53_record.${label}_${role}`,
              ...(spec.components.find((t) => t.id === c.params.targets[j])?.kind === "http-api"
                ? [`module.${label}_${role}_errors`]
                : []),
            ]),
            `module.${label}`,
            `module.${label}_secondary`,
          ]
        : [`aws_route53_record.${label}`, `module.${label}`];
    case "stream":
      return streamAddresses(c, label);
    case "container-service":
      return [
        `module.${label}`,
        ...(c.params.gpu ? GPU_SERVICE_PARTS.map((part) => `module.${label}_${part}`) : []),
      ];
    case "kubernetes-cluster":
      return [`module.${label}`, ...KUBERNETES_PARTS.map((part) => `module.${label}_${part}`)];
    case "scheduled-task":
      return [
        `aws_scheduler_schedule.${label}`,
        `module.${label}`,
        ...SCHEDULED_TASK_PARTS.map((part) => `module.${label}_${part}`),
      ];
    default:
      return [`module.${label}`];
  }
}

/** A global database's primary also holds the global cluster and the master password's secret. */
function globalDatabaseAddresses(
  c: Extract<Component, { kind: "database" }>,
  spec: PlanSpec,
  label: string,
): string[] {
  const primary = spec.components.some((o) => o.kind === "database" && o.params.replicaOf === c.id);
  return primary
    ? [
        `aws_rds_global_cluster.${label}_global`,
        `aws_secretsmanager_secret.${label}_master`,
        `aws_secretsmanager_secret_version.${label}_master`,
      ]
    : [];
}

/** The modules every region shares: its key, and its ECS cluster when it runs ECS tasks. */
function sharedAddresses(spec: PlanSpec): { keys: string[]; clusters: string[] } {
  const regions = spec.regions ?? [spec.region];
  const suffix = (i: number): string => (i > 0 ? "_secondary" : "");
  const runsTasks = (region: string): boolean =>
    spec.components.some(
      (c) =>
        (c.kind === "container-service" || c.kind === "scheduled-task") &&
        (c.region ?? spec.region) === region,
    );
  return {
    keys: regions.map((_, i) => `module.encryption${suffix(i)}`),
    clusters: regions.flatMap((r, i) => (runsTasks(r) ? [`module.cluster${suffix(i)}`] : [])),
  };
}

function streamAddresses(c: Extract<Component, { kind: "stream" }>, label: string): string[] {
  const [securityGroup, ...delivery] = STREAM_PARTS.map((part) => `module.${label}_${part}`);
  if (c.params.engine === "kafka") return [`module.${label}`, securityGroup!];
  const firehose = c.params.delivery ? [`aws_kinesis_firehose_delivery_stream.${label}`, ...delivery] : [];
  return [`aws_kinesis_stream.${label}`, ...firehose];
}

function reachesDatabase(c: Component, spec: PlanSpec): boolean {
  return spec.components.some(
    (o) => o.kind === "database" && (c.dependsOn.includes(o.id) || o.dependsOn.includes(c.id)),
  );
}

function holdsData(c: Component): boolean {
  return (
    ((c.kind === "database" || c.kind === "key-value-store") && c.params.deletionProtection !== false) ||
    c.kind === "object-storage"
  );
}

export function firstApplyRollback(spec: PlanSpec): FirstApplyRollback {
  const kept = spec.components.filter(holdsData);
  const keepsDatabase = kept.some((c) => c.kind === "database");
  const keep = new Set<string>(kept.flatMap((c) => componentAddresses(c, spec)));
  const shared = sharedAddresses(spec);
  if (kept.length > 0) shared.keys.forEach((k) => keep.add(k));
  if (keepsDatabase)
    for (const n of spec.components.filter((c) => c.kind === "network"))
      componentAddresses(n, spec).forEach((a) => keep.add(a));
  const all = [
    ...spec.components.flatMap((c) => componentAddresses(c, spec)),
    ...shared.keys,
    ...shared.clusters,
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
