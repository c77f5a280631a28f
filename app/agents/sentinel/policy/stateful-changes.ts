import type { ResolvedPolicyRules } from "../../../contracts/generated/org-policy.js";
import type { StackModel } from "../resources.js";
import { STATEFUL_TYPES } from "./aws-resource-types.js";
import { violation, type Violation } from "./violation.js";

const WHAT = { delete: "delete", replace: "replace (destroy and re-create)" } as const;

/**
 * Deleting or replacing a database, bucket, queue or other stateful resource loses its data: it fails unless
 * the policy allows it, and is reported either way.
 */
export function checkStatefulChanges(model: StackModel, rules: ResolvedPolicyRules): Violation[] {
  const out: Violation[] = [];
  for (const resource of model.resources) {
    if (!resource.managed || !STATEFUL_TYPES.has(resource.type)) continue;
    if (resource.action !== "delete" && resource.action !== "replace") continue;
    const allowed = rules.allowStatefulDeletes;
    const verdict = allowed
      ? "the org policy allows it (allowStatefulDeletes: true)"
      : "the org policy does not allow it (allowStatefulDeletes: false)";
    out.push(
      violation(
        `stateful-${resource.action}`,
        `Terraform would ${WHAT[resource.action]} ${resource.address}, which holds data; ${verdict}`,
        resource,
        allowed ? "MEDIUM" : "CRITICAL",
        !allowed,
      ),
    );
  }
  return out;
}
