import type { ResolvedPolicyRules } from "../../../contracts/generated/org-policy.js";
import type { PlanSpec } from "../../../contracts/generated/plan-spec.js";
import type { HclModel } from "../parsers/terraform-hcl.js";
import { violation, type Violation } from "../policy/violation.js";

export interface StackModules {
  /** Module calls that render one of the design's components (`module.database`, `module.database_security_group`). */
  readonly ofComponents: readonly string[];
  /** Module calls the whole stack shares, which are no component of the design (the KMS key, the ECS cluster). */
  readonly shared: readonly string[];
}

/** Sorts a stack's module calls by whether they render a component: their labels are the component ids. */
export function stackModules(hcl: HclModel, spec: PlanSpec): StackModules {
  const ids = spec.components.map((c) => c.id);
  const ofComponents: string[] = [];
  const shared: string[] = [];
  for (const { address } of hcl.modules) {
    const name = address.replace(/^module\./, "").replace(/_/g, "-");
    if (ids.some((id) => name === id || name.startsWith(`${id}-`))) ofComponents.push(address);
    else shared.push(address);
  }
  return { ofComponents, shared };
}

/**
 * The resources in modules take their tags from the provider's default_tags (HCL cannot see them one by one):
 * every AWS provider must give each required tag, or say by an expression that the policy cannot read.
 */
export function checkModuleTags(hcl: HclModel, rules: ResolvedPolicyRules): Violation[] {
  if (hcl.modules.length === 0 || rules.requiredTags.length === 0) return [];
  const out: Violation[] = [];
  for (const provider of hcl.providers) {
    if (provider.name !== "aws") continue;
    const keys = provider.defaultTagKeys;
    if (!keys.known) {
      out.push(
        violation(
          "required-tags",
          `the tags of the resources in modules cannot be checked: ${keys.why} (provider ${provider.key})`,
          provider,
        ),
      );
      continue;
    }
    const missing = rules.requiredTags.filter((tag) => !keys.value.includes(tag));
    if (missing.length > 0) {
      out.push(
        violation(
          "required-tags",
          `provider ${provider.key}'s default_tags lack the required tag${missing.length > 1 ? "s" : ""} ${missing.join(", ")}, which the resources in modules take their tags from`,
          provider,
        ),
      );
    }
  }
  return out;
}
