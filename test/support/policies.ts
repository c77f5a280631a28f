import type { ResolvedOrgPolicy } from "../../app/contracts/generated/org-policy.js";
import { validateWithDefaults } from "../../app/contracts/validator.js";

/** A resolved OrgPolicy: the schema's defaults with the given settings over them. */
export function policyWith(settings: Record<string, unknown> = {}): ResolvedOrgPolicy {
  const resolved = validateWithDefaults("OrgPolicy", settings);
  if (!resolved.ok) throw new Error(`bad test policy: ${JSON.stringify(resolved.problems)}`);
  return resolved.value as ResolvedOrgPolicy;
}
