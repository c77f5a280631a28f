import { describe, expect, it } from "vitest";
import { designGoal } from "../../../../app/agents/atlas/index.js";
import type { DesignBlocked, GoalStatement } from "../../../../app/contracts/generated/index.js";
import type { ResolvedOrgPolicy } from "../../../../app/contracts/generated/org-policy.js";
import { examplePolicy, strictPolicy } from "../../../support/atlas-policies.js";

const now = new Date("2026-11-27T00:00:00Z");

const api: GoalStatement = {
  schemaVersion: "0.1",
  kind: "GoalStatement",
  name: "orders-api",
  summary: "Orders API",
  cloud: "aws",
  region: "eu-west-1",
  environment: "staging",
  workload: { type: "web-api", image: "ghcr.io/acme/orders:3.1.0" },
  traffic: { peakRps: 100 },
  slo: { availability: 99.5 },
  data: { relational: { engine: "mysql", storageGb: 50 } },
  budget: { monthlyUsd: 1000 },
  tags: { team: "orders" },
};

function withFamilies(allowedInstanceFamilies: string[]): ResolvedOrgPolicy {
  const policy = examplePolicy();
  return {
    ...policy,
    policy: { ...policy.policy, sizeCaps: { ...policy.policy.sizeCaps, allowedInstanceFamilies } },
  };
}

type Row = [string, Partial<GoalStatement>, ResolvedOrgPolicy, string[], { field: string; value?: unknown }];

const ROWS: Row[] = [
  [
    "a region the policy does not allow",
    { region: "us-west-2" },
    examplePolicy(),
    ["region-not-allowed"],
    { field: "region", value: "us-east-1" },
  ],
  [
    "a region with no price table",
    { region: "ap-southeast-2" },
    { ...examplePolicy(), policy: { ...examplePolicy().policy, allowedRegions: undefined } },
    ["region-not-priced"],
    { field: "region", value: "eu-central-1" },
  ],
  [
    "a missing required tag",
    { tags: { owner: "x" } },
    examplePolicy(),
    ["missing-required-tag"],
    { field: "tags.team" },
  ],
  [
    "a budget over the policy's cap",
    { budget: { monthlyUsd: 9000 } },
    examplePolicy(),
    ["budget-over-policy-cap"],
    { field: "budget.monthlyUsd", value: 5000 },
  ],
  [
    "a task larger than maxTaskCpu",
    { workload: { type: "web-api", image: "ghcr.io/acme/orders:3.1.0", cpu: 4 } },
    strictPolicy(),
    ["size-cap-exceeded"],
    { field: "workload.cpu", value: 1 },
  ],
  [
    "a database larger than maxDbStorageGb",
    { data: { relational: { engine: "mysql", storageGb: 900 } } },
    strictPolicy(),
    ["size-cap-exceeded"],
    { field: "data.relational.storageGb", value: 500 },
  ],
  [
    "more tasks at peak than maxTasks",
    { traffic: { peakRps: 2000 } },
    strictPolicy(),
    ["size-cap-exceeded"],
    { field: "policy.sizeCaps.maxTasks", value: 29 },
  ],
  [
    "a database that needs a family the policy leaves out",
    { data: { relational: { engine: "mysql", storageGb: 1000 } } },
    withFamilies(["db.t4g", "cache.t4g"]),
    ["instance-family-not-allowed"],
    { field: "policy.sizeCaps.allowedInstanceFamilies", value: "db.r6g" },
  ],
  [
    "a cache larger than any node",
    { data: { cache: { engine: "redis", memoryGb: 400 } } },
    examplePolicy(),
    ["size-cap-exceeded"],
    { field: "data.cache.memoryGb", value: 314 },
  ],
  [
    "a cache the allowed families cannot hold",
    { data: { cache: { engine: "redis", memoryGb: 8 } } },
    strictPolicy(),
    ["instance-family-not-allowed"],
    { field: "policy.sizeCaps.allowedInstanceFamilies", value: "cache.r6g" },
  ],
  [
    "a static site that asks for a database",
    { workload: { type: "static-site" } },
    examplePolicy(),
    ["pattern-mismatch"],
    { field: "data.relational" },
  ],
  [
    "a wrong region and a missing tag at once",
    { region: "sa-east-1", tags: {} },
    examplePolicy(),
    ["region-not-allowed", "missing-required-tag"],
    { field: "region" },
  ],
];

describe("Atlas blocks a goal that clashes with the policy, and says what to change", () => {
  it.each(ROWS)("%s", (_name, change, policy, codes, suggestion) => {
    const outcome = designGoal({ ...api, ...change }, policy, { now });
    expect(outcome.kind).toBe("DesignBlocked");
    const blocked = outcome.value as DesignBlocked;
    expect(blocked.reasons.map((r) => r.code)).toEqual(codes);
    expect(blocked.suggestions[0]).toMatchObject(suggestion);
    expect(blocked.id).toMatch(/^blocked-orders-api-[0-9a-f]{12}$/);
  });
});
