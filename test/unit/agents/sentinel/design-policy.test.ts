import { describe, expect, it } from "vitest";
import { checkDesign } from "../../../../app/agents/sentinel/offline/design-policy.js";
import type { PlanSpec } from "../../../../app/contracts/generated/index.js";
import { readPolicy } from "../../../../app/contracts/policy-intake.js";
import { loadPlanSpec } from "../../../support/forge-stacks.js";

const SPEC = loadPlanSpec("test/golden/atlas/checkout-api.plan-spec.json");

function rules(yaml: string) {
  const policy = readPolicy(yaml);
  if (!policy.ok) throw new Error(JSON.stringify(policy.problems));
  return policy.value.policy;
}

/** The golden checkout-api design with one component's params changed. */
function withParams(id: string, params: Record<string, unknown>): PlanSpec {
  return {
    ...SPEC,
    components: SPEC.components.map((c) =>
      c.id === id ? ({ ...c, params: { ...c.params, ...params } } as typeof c) : c,
    ),
  };
}

describe("checkDesign: the org policy on the PlanSpec's components", () => {
  it.each<[string, PlanSpec, string, string[][]]>([
    ["a compliant design", SPEC, "policy:\n  requiredTags: [team]\n  allowedRegions: [eu-west-1]\n", []],
    [
      "a region the policy does not allow",
      SPEC,
      "policy:\n  allowedRegions: [us-east-1, eu-central-1]\n",
      [
        [
          "allowed-regions",
          "the design deploys to eu-west-1, which the org policy does not allow (allowed: us-east-1, eu-central-1)",
        ],
      ],
    ],
    [
      "a two-region design whose secondary region the policy does not allow",
      loadPlanSpec("test/golden/atlas/checkout-global.plan-spec.json"),
      "policy:\n  allowedRegions: [eu-west-1, us-east-1]\n",
      [
        [
          "allowed-regions",
          "the design deploys to eu-central-1, which the org policy does not allow (allowed: eu-west-1, us-east-1)",
        ],
      ],
    ],
    [
      "required tags the design lacks",
      SPEC,
      "policy:\n  requiredTags: [team, owner, env]\n",
      [
        [
          "required-tags",
          "the design's tags lack the required tags owner, env, so none of its resources would carry them",
        ],
      ],
    ],
    [
      "more tasks than maxTasks, at the desired and the maximum count",
      withParams("service", { desiredCount: 12, maxCount: 40 }),
      "policy:\n  sizeCaps:\n    maxTasks: 10\n",
      [
        ["task-count", "component service: desiredCount is 12 tasks, over the org policy's cap of 10 tasks"],
        ["task-count", "component service: maxCount is 40 tasks, over the org policy's cap of 10 tasks"],
      ],
    ],
    [
      "a task over maxTaskCpu",
      withParams("service", { cpu: 4, memoryMb: 8192 }),
      "policy:\n  sizeCaps:\n    maxTaskCpu: 2\n",
      [["task-cpu", "component service: cpu is 4 vCPU, over the org policy's cap of 2 vCPU"]],
    ],
    [
      "a scheduled task over maxTaskCpu",
      loadPlanSpec("schemas/examples/plan-spec-nightly-report.json"),
      "policy:\n  sizeCaps:\n    maxTaskCpu: 0.5\n",
      [["task-cpu", "component report: cpu is 1 vCPU, over the org policy's cap of 0.5 vCPU"]],
    ],
    [
      "database storage over maxDbStorageGb",
      withParams("database", { storageGb: 500 }),
      "policy:\n  sizeCaps:\n    maxDbStorageGb: 200\n",
      [["db-storage", "component database: storageGb is 500 GB, over the org policy's cap of 200 GB"]],
    ],
    [
      "database and cache families the policy does not allow",
      SPEC,
      "policy:\n  sizeCaps:\n    allowedInstanceFamilies: [db.t4g, cache.t4g]\n",
      [
        [
          "instance-family",
          "component database: instanceClass is db.r6g.large, not of an instance family the org policy allows (db.t4g, cache.t4g)",
        ],
        [
          "instance-family",
          "component cache: nodeType is cache.m6g.large, not of an instance family the org policy allows (db.t4g, cache.t4g)",
        ],
      ],
    ],
    [
      "sizes exactly at the caps",
      withParams("service", { desiredCount: 12, maxCount: 12, cpu: 1 }),
      "policy:\n  sizeCaps:\n    maxTasks: 12\n    maxTaskCpu: 1\n    maxDbStorageGb: 100\n    allowedInstanceFamilies: [db.r6g, cache.m6g]\n",
      [],
    ],
  ])("%s", (_, spec, yaml, expected) => {
    const found = checkDesign(spec, rules(yaml));
    expect(found.map((v) => [v.ruleId, v.title])).toEqual(expected);
    expect(found.every((v) => v.blocking && v.severity === "HIGH")).toBe(true);
  });
});
