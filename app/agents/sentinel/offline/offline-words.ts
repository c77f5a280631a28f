import type { PlanSpec } from "../../../contracts/generated/plan-spec.js";
import { andList } from "../../../format/and-list.js";
import { listSome, plural } from "../reasons.js";
import type { StackModel } from "../resources.js";
import { SECURITY_SCANNERS, toolLabel, type ScannerTool } from "../tools.js";
import type { StackModules } from "./stack-modules.js";

/** Why a scanner has no output in an offline run. */
export const NOT_OFFLINE = "runs in the infracrew-plan workflow (not installable offline)";

/** What an offline verdict did not check, said first among what passed. */
export function notCheckedOffline(offline: readonly ScannerTool[], hasPlan: boolean): string {
  const what = hasPlan ? "the design and the plan given" : "the design and the Terraform files Forge wrote";
  const parts = [];
  if (offline.length > 0) {
    const scanners = offline.filter((t) => SECURITY_SCANNERS.includes(t));
    const others = offline.filter((t) => !SECURITY_SCANNERS.includes(t)).map(toolLabel);
    const named = [
      ...(scanners.length > 0
        ? [`the security scanner${scanners.length > 1 ? "s" : ""} (${scanners.map(toolLabel).join(", ")})`]
        : []),
      ...others,
    ];
    parts.push(`${andList(named)}, which run in the infracrew-plan workflow (not installable offline)`);
  }
  if (!hasPlan) {
    parts.push(
      "the Terraform plan, so neither the resources inside modules nor changes to stateful resources",
    );
  }
  if (parts.length === 0)
    return `Offline verdict: Sentinel checked ${what}, with every scanner's output given.`;
  return `Offline verdict: Sentinel checked ${what}; the required check on the pull request checks more. Not checked here: ${parts.join("; and ")}.`;
}

const CHECKS = "allowed regions, required tags, size caps and instance families";

export function policyPassed(spec: PlanSpec, model: StackModel | undefined): string {
  const design = `the design's ${plural(spec.components.length, "component")}`;
  if (!model) return `The org policy (${CHECKS}) passed at the design level on ${design}.`;
  const where =
    model.source === "plan"
      ? `${plural(model.resources.length, "resource")} of the plan`
      : `the Terraform files (${plural(model.providers.length, "provider")}, ${plural(model.resources.length, "resource")} outside modules)`;
  return `The org policy (${CHECKS}) passed at the design level on ${design}, and on ${where}.`;
}

export function modulesCovered(modules: StackModules): string {
  const count = modules.ofComponents.length + modules.shared.length;
  const parts = [`${modules.ofComponents.length} render the design's components, whose sizes it read`];
  if (modules.shared.length > 0) {
    const are = modules.shared.length === 1 ? "is" : "are";
    parts.push(`${modules.shared.length} ${are} shared by the stack (${listSome(modules.shared, 3)})`);
  }
  return `The stack's ${plural(count, "module")} are covered by the design check: ${parts.join(", and ")}; every module deploys with its provider's region and default tags, both checked on the Terraform files. The resources inside modules are seen only in a plan.`;
}
