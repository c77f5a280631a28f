import type { ResolvedPolicyRules } from "../../../contracts/generated/org-policy.js";
import type { StackModel } from "../resources.js";
import { checkAllowedRegions } from "./allowed-regions.js";
import { checkCodeExecution } from "./code-execution.js";
import { checkRequiredTags } from "./required-tags.js";
import { checkSizeCaps } from "./size-caps.js";
import { checkStatefulChanges } from "./stateful-changes.js";
import type { Violation } from "./violation.js";

export type { Violation } from "./violation.js";

/** Infracrew's built-in org policy, on a plan or on HCL: every violation, in the order of the checks. */
export function runOrgPolicy(model: StackModel, rules: ResolvedPolicyRules): Violation[] {
  return [
    ...checkStatefulChanges(model, rules),
    ...checkAllowedRegions(model, rules),
    ...checkRequiredTags(model, rules),
    ...checkSizeCaps(model, rules),
    ...checkCodeExecution(model),
  ];
}
