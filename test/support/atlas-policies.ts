import type { ResolvedOrgPolicy } from "../../app/contracts/generated/org-policy.js";
import { defaultPolicy, readPolicy } from "../../app/contracts/policy-intake.js";
import { readRepoFile } from "./repo-files.js";

function policyFrom(text: string): ResolvedOrgPolicy {
  const read = readPolicy(text);
  if (!read.ok) throw new Error(`test policy is invalid: ${JSON.stringify(read.problems)}`);
  return read.value;
}

/** The shared example .github/infracrew.yml (regions eu-west-1, eu-central-1, us-east-1; tag team; cap $5,000). */
export function examplePolicy(): ResolvedOrgPolicy {
  return policyFrom(readRepoFile("schemas", "examples", "infracrew.yml"));
}

/** A tight policy: one region, small caps, a low brake and few instance families. */
export function strictPolicy(): ResolvedOrgPolicy {
  return policyFrom(
    [
      "policy:",
      "  allowedRegions: [eu-west-1]",
      "  requiredTags: [team]",
      "  maxMonthlyUsd: 2000",
      "  budgetBrakeRatio: 0.5",
      "  sizeCaps:",
      "    maxTasks: 6",
      "    maxTaskCpu: 1",
      "    maxDbStorageGb: 500",
      "    allowedInstanceFamilies: [db.t4g, db.m6g, cache.t4g]",
      "terraform:",
      "  root: stacks/aws",
    ].join("\n"),
  );
}

/** Caps at their edges: one task, under a quarter vCPU, one database family and no cache family. */
export function edgePolicy(): ResolvedOrgPolicy {
  return policyFrom(
    [
      "policy:",
      "  budgetBrakeRatio: 0.1",
      "  sizeCaps:",
      "    maxTasks: 1",
      "    maxTaskCpu: 0.1",
      "    maxDbStorageGb: 20",
      "    allowedInstanceFamilies: [db.m7g]",
    ].join("\n"),
  );
}

/** The policies the property and table tests run every goal under. */
export function testPolicies(): readonly [string, ResolvedOrgPolicy][] {
  return [
    ["default", defaultPolicy()],
    ["example", examplePolicy()],
    ["minimal", policyFrom(readRepoFile("schemas", "examples", "org-policy-minimal.json"))],
    ["strict", strictPolicy()],
    ["edge", edgePolicy()],
  ];
}
