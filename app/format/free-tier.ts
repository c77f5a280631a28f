import type { PlanSpec } from "../contracts/generated/plan-spec.js";

const OWNERS: Readonly<Record<string, string>> = {
  "cdn-free-tier": "CloudFront's",
  "function-free-tier": "Lambda's",
};

/** Whose always-free allowances a PlanSpec's cost deducts, in words: "CloudFront's", "Lambda's" or both. */
export function freeTierOwners(cost: PlanSpec["cost"]): string {
  const owners = [...new Set(cost.lines.flatMap((l) => (l.item && OWNERS[l.item] ? [OWNERS[l.item]!] : [])))];
  return owners.length === 0 ? "the always-free" : owners.join(" and ");
}
