import type { ResolvedPolicyRules } from "../../../contracts/generated/org-policy.js";
import { attribute, isLive, type StackModel } from "../resources.js";
import { violation, type Violation } from "./violation.js";

function isAws(typeOrName: string): boolean {
  return typeOrName === "aws" || typeOrName.startsWith("aws_");
}

/**
 * Every AWS provider configuration deploys to an allowed region, and so does every resource that names its
 * own region (AWS provider v6). A region the policy cannot see (set from the environment) fails: it is not
 * checked, so it is not passed.
 */
export function checkAllowedRegions(model: StackModel, rules: ResolvedPolicyRules): Violation[] {
  const allowed = rules.allowedRegions;
  if (!allowed) return [];
  const list = allowed.join(", ");
  const out: Violation[] = [];
  const providerRegions = new Map<string, string>();
  for (const provider of model.providers) {
    if (!isAws(provider.name)) continue;
    if (!provider.region.known) {
      out.push(
        violation(
          "allowed-regions",
          `the region of provider ${provider.key} cannot be checked: ${provider.region.why}`,
          provider,
        ),
      );
    } else if (!allowed.includes(provider.region.value)) {
      out.push(
        violation(
          "allowed-regions",
          `provider ${provider.key} deploys to ${provider.region.value}, which the org policy does not allow (allowed: ${list})`,
          provider,
        ),
      );
    }
    if (provider.region.known) providerRegions.set(provider.key, provider.region.value);
  }
  const configured = new Set(model.providers.map((p) => p.key));
  const unconfigured = new Set<string>();
  for (const resource of model.resources) {
    if (!resource.managed || !isLive(resource.action) || !isAws(resource.type)) continue;
    if (!configured.has(resource.providerKey)) unconfigured.add(resource.providerKey);
    if (typeof resource.values.region !== "string") continue;
    const own = attribute(resource, "region");
    if (own.state !== "known" || typeof own.value !== "string") continue;
    if (own.value !== providerRegions.get(resource.providerKey) && !allowed.includes(own.value)) {
      out.push(
        violation(
          "allowed-regions",
          `${resource.address} is in ${own.value}, which the org policy does not allow (allowed: ${list})`,
          resource,
        ),
      );
    }
  }
  for (const key of unconfigured) {
    out.push(
      violation(
        "allowed-regions",
        `the region of provider ${key} cannot be checked: it has no provider block, so its region comes from the environment`,
      ),
    );
  }
  return out;
}
