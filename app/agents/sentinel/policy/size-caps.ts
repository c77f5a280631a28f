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

const STORAGE: Readonly<Record<string, readonly string[]>> = {
  aws_db_instance: ["allocated_storage", "max_allocated_storage"],
  aws_rds_cluster: ["allocated_storage"],
};

function numeric(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  return typeof value === "string" && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : undefined;
}

interface Cap {
  readonly ruleId: string;
  readonly attribute: string;
  readonly limit: number;
  readonly unit: string;
  readonly measure: (value: unknown) => number | undefined;
}

function checkCap(resource: ResourceView, cap: Cap, out: Violation[]): void {
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

function caps(resource: ResourceView, rules: ResolvedPolicyRules): Cap[] {
  const limits = rules.sizeCaps;
  const storage = (STORAGE[resource.type] ?? []).map((name) => ({
    ruleId: "db-storage",
    attribute: name,
    limit: limits.maxDbStorageGb,
    unit: "GB",
    measure: numeric,
  }));
  switch (resource.type) {
    case "aws_ecs_service":
      return [
        {
          ruleId: "task-count",
          attribute: "desired_count",
          limit: limits.maxTasks,
          unit: "tasks",
          measure: numeric,
        },
      ];
    case "aws_appautoscaling_target":
      return attribute(resource, "service_namespace").state === "known" &&
        resource.values.service_namespace === "ecs"
        ? [
            {
              ruleId: "task-count",
              attribute: "max_capacity",
              limit: limits.maxTasks,
              unit: "tasks",
              measure: numeric,
            },
          ]
        : [];
    case "aws_ecs_task_definition":
      return [
        { ruleId: "task-cpu", attribute: "cpu", limit: limits.maxTaskCpu, unit: "vCPU", measure: taskVcpu },
      ];
    default:
      return storage;
  }
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
  for (const resource of model.resources) {
    if (!resource.managed || !isLive(resource.action)) continue;
    if (families) checkFamily(resource, families, out);
    for (const cap of caps(resource, rules)) checkCap(resource, cap, out);
  }
  return out;
}
