import type { ResolvedPolicyRules } from "../../../contracts/generated/org-policy.js";
import { attribute, isLive, type ResourceView } from "../resources.js";
import type { StackModel } from "../resources.js";
import { taskVcpu } from "../ecs-units.js";
import { violation, type Violation } from "./violation.js";

type Reading = { readonly value: unknown; readonly shown: string } | { readonly why: string } | undefined;

/** An attribute to compare with a cap: its value, why it cannot be read, or nothing when it is not set. */
function read(resource: ResourceView, name: string): Reading {
  const attr = attribute(resource, name);
  if (attr.state === "absent") return undefined;
  if (attr.state === "unknown") return { why: attr.why };
  return { value: attr.value, shown: attr.sensitive ? "(sensitive)" : JSON.stringify(attr.value) };
}

/** Instance-class attributes of database and cache resources. */
const INSTANCE_CLASSES: Readonly<Record<string, string>> = {
  aws_db_instance: "instance_class",
  aws_rds_cluster_instance: "instance_class",
  aws_rds_cluster: "db_cluster_instance_class",
  aws_elasticache_cluster: "node_type",
  aws_elasticache_replication_group: "node_type",
};

function numeric(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  return typeof value === "string" && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : undefined;
}

interface Cap {
  readonly ruleId: string;
  readonly attribute: string;
  /** The cap, or undefined when the policy sets none (nothing is checked). */
  readonly limit: number | undefined;
  readonly unit: string;
  readonly measure: (value: unknown) => number | undefined;
  /** When only some resources of the type are held to the cap. */
  readonly appliesTo?: (resource: ResourceView) => boolean;
}

function checkCap(resource: ResourceView, cap: Cap, out: Violation[]): void {
  if (cap.limit === undefined || (cap.appliesTo && !cap.appliesTo(resource))) return;
  const reading = read(resource, cap.attribute);
  if (!reading) return;
  const at = `${resource.address}.${cap.attribute}`;
  if ("why" in reading) {
    out.push(
      violation(
        cap.ruleId,
        `${at} cannot be checked against its cap of ${cap.limit} ${cap.unit}: ${reading.why}`,
        resource,
      ),
    );
    return;
  }
  const amount = cap.measure(reading.value);
  if (amount === undefined) {
    out.push(violation(cap.ruleId, `${at} is not a number of ${cap.unit} (got ${reading.shown})`, resource));
  } else if (amount > cap.limit) {
    out.push(
      violation(
        cap.ruleId,
        `${at} is ${amount} ${cap.unit}, over the org policy's cap of ${cap.limit} ${cap.unit}`,
        resource,
      ),
    );
  }
}

/** The caps each resource type is held to under these rules: built once, looked up per resource. */
function capTable(rules: ResolvedPolicyRules): ReadonlyMap<string, readonly Cap[]> {
  const { maxTasks, maxTaskCpu, maxDbStorageGb } = rules.sizeCaps;
  const storage = (attribute: string): Cap => ({
    ruleId: "db-storage",
    attribute,
    limit: maxDbStorageGb,
    unit: "GB",
    measure: numeric,
  });
  const tasks = (attribute: string): Cap => ({
    ruleId: "task-count",
    attribute,
    limit: maxTasks,
    unit: "tasks",
    measure: numeric,
  });
  return new Map<string, readonly Cap[]>([
    ["aws_db_instance", [storage("allocated_storage"), storage("max_allocated_storage")]],
    ["aws_rds_cluster", [storage("allocated_storage")]],
    ["aws_ecs_service", [tasks("desired_count")]],
    // Application Auto Scaling targets other services too; only ECS targets count tasks.
    [
      "aws_appautoscaling_target",
      [{ ...tasks("max_capacity"), appliesTo: (r) => r.values.service_namespace === "ecs" }],
    ],
    [
      "aws_ecs_task_definition",
      [{ ruleId: "task-cpu", attribute: "cpu", limit: maxTaskCpu, unit: "vCPU", measure: taskVcpu }],
    ],
  ]);
}

function checkFamily(resource: ResourceView, families: readonly string[], out: Violation[]): void {
  const name = INSTANCE_CLASSES[resource.type];
  const reading = name ? read(resource, name) : undefined;
  if (!name || !reading) return;
  const at = `${resource.address}.${name}`;
  if ("why" in reading) {
    out.push(
      violation(
        "instance-family",
        `${at} cannot be checked against the allowed instance families: ${reading.why}`,
        resource,
      ),
    );
    return;
  }
  const family =
    typeof reading.value === "string" ? reading.value.split(".").slice(0, 2).join(".") : undefined;
  if (!family || !families.includes(family)) {
    out.push(
      violation(
        "instance-family",
        `${at} is ${reading.shown}, not of an instance family the org policy allows (${families.join(", ")})`,
        resource,
      ),
    );
  }
}

/** Database and cache instance families, database storage, ECS task counts and task CPU stay within the caps. */
export function checkSizeCaps(model: StackModel, rules: ResolvedPolicyRules): Violation[] {
  const out: Violation[] = [];
  const families = rules.sizeCaps.allowedInstanceFamilies;
  const table = capTable(rules);
  for (const resource of model.resources) {
    const caps = table.get(resource.type);
    const family = families && INSTANCE_CLASSES[resource.type] !== undefined;
    if ((!caps && !family) || !resource.managed || !isLive(resource.action)) continue;
    if (family) checkFamily(resource, families, out);
    for (const cap of caps ?? []) checkCap(resource, cap, out);
  }
  return out;
}
