import type { ResolvedPolicyRules } from "../../../contracts/generated/org-policy.js";
import { isLive, type StackModel } from "../resources.js";
import { violation, type Violation } from "./violation.js";

/** Every taggable resource that stays after apply carries every tag the org requires, default tags included. */
export function checkRequiredTags(model: StackModel, rules: ResolvedPolicyRules): Violation[] {
  const required = rules.requiredTags;
  if (required.length === 0) return [];
  const out: Violation[] = [];
  for (const resource of model.resources) {
    if (!resource.managed || !isLive(resource.action) || resource.tagKeys === null) continue;
    if (!resource.tagKeys.known) {
      out.push(
        violation(
          "required-tags",
          `the required tags of ${resource.address} cannot be checked: ${resource.tagKeys.why}`,
          resource,
        ),
      );
      continue;
    }
    const present = resource.tagKeys.value;
    const missing = required.filter((tag) => !present.includes(tag));
    if (missing.length > 0) {
      out.push(
        violation(
          "required-tags",
          `${resource.address} is missing the required tag${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`,
          resource,
        ),
      );
    }
  }
  return out;
}
