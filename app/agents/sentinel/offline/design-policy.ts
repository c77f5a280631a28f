import type { ResolvedPolicyRules } from "../../../contracts/generated/org-policy.js";
import type { PlanSpec } from "../../../contracts/generated/plan-spec.js";
import type { Component } from "../../../contracts/generated/plan-spec.js";
import { violation, type Violation } from "../policy/violation.js";

/** A design-level reading held to a cap: what it is, its amount, the cap (none when the policy sets none) and its unit. */
interface Reading {
  readonly ruleId: string;
  readonly what: string;
  readonly amount: number;
  readonly limit: number | undefined;
  readonly unit: string;
}

function sizes(c: Component, rules: ResolvedPolicyRules): Reading[] {
  const { maxTasks, maxTaskCpu, maxDbStorageGb } = rules.sizeCaps;
  switch (c.kind) {
    case "container-service":
      return [
        {
          ruleId: "task-count",
          what: "desiredCount",
          amount: c.params.desiredCount,
          limit: maxTasks,
          unit: "tasks",
        },
        { ruleId: "task-count", what: "maxCount", amount: c.params.maxCount, limit: maxTasks, unit: "tasks" },
        { ruleId: "task-cpu", what: "cpu", amount: c.params.cpu, limit: maxTaskCpu, unit: "vCPU" },
      ];
    case "scheduled-task":
      return [{ ruleId: "task-cpu", what: "cpu", amount: c.params.cpu, limit: maxTaskCpu, unit: "vCPU" }];
    case "database":
      return [
        {
          ruleId: "db-storage",
          what: "storageGb",
          amount: c.params.storageGb,
          limit: maxDbStorageGb,
          unit: "GB",
        },
      ];
    default:
      return [];
  }
}

/** The instance class a component runs on, for the allowed families: `db.r6g.large` → `db.r6g`. */
function instanceClass(c: Component): { readonly what: string; readonly value: string } | undefined {
  if (c.kind === "database") return { what: "instanceClass", value: c.params.instanceClass };
  if (c.kind === "cache") return { what: "nodeType", value: c.params.nodeType };
  return undefined;
}

function componentViolations(c: Component, rules: ResolvedPolicyRules): Violation[] {
  const out: Violation[] = [];
  for (const r of sizes(c, rules)) {
    if (r.limit !== undefined && r.amount > r.limit) {
      out.push(
        violation(
          r.ruleId,
          `component ${c.id}: ${r.what} is ${r.amount} ${r.unit}, over the org policy's cap of ${r.limit} ${r.unit}`,
        ),
      );
    }
  }
  const families = rules.sizeCaps.allowedInstanceFamilies;
  const instance = instanceClass(c);
  if (families && instance) {
    const family = instance.value.split(".").slice(0, 2).join(".");
    if (!families.includes(family)) {
      out.push(
        violation(
          "instance-family",
          `component ${c.id}: ${instance.what} is ${instance.value}, not of an instance family the org policy allows (${families.join(", ")})`,
        ),
      );
    }
  }
  return out;
}

/**
 * The org policy at the design level, on the PlanSpec rather than a plan: each of its regions against allowedRegions, its
 * tags (which Forge writes as every provider's default_tags) against requiredTags, and each component's sizes
 * against the size caps and allowed instance families. Rule ids are those the plan-level checks use.
 */
export function checkDesign(spec: PlanSpec, rules: ResolvedPolicyRules): Violation[] {
  const out: Violation[] = [];
  const allowed = rules.allowedRegions;
  const regions = new Set([
    spec.region,
    ...(spec.regions ?? []),
    ...spec.components.flatMap((c) => c.region ?? []),
  ]);
  for (const region of allowed ? regions : []) {
    if (allowed!.includes(region)) continue;
    out.push(
      violation(
        "allowed-regions",
        `the design deploys to ${region}, which the org policy does not allow (allowed: ${allowed!.join(", ")})`,
      ),
    );
  }
  const missing = rules.requiredTags.filter((tag) => !Object.hasOwn(spec.tags, tag));
  if (missing.length > 0) {
    out.push(
      violation(
        "required-tags",
        `the design's tags lack the required tag${missing.length > 1 ? "s" : ""} ${missing.join(", ")}, so none of its resources would carry ${missing.length > 1 ? "them" : "it"}`,
      ),
    );
  }
  for (const component of spec.components) out.push(...componentViolations(component, rules));
  return out;
}
