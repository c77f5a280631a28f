import type { ResolvedPolicyRules } from "../../contracts/generated/org-policy.js";
import type { Finding } from "../../contracts/generated/validation-result.js";
import type { HclModel } from "./parsers/terraform-hcl.js";
import { runOrgPolicy } from "./policy/run-policy.js";
import { violation, type Violation } from "./policy/violation.js";
import { listSome, plural, type Reasons } from "./reasons.js";
import type { StackModel } from "./resources.js";

const CHECKS = "required tags, allowed regions, size caps and stateful deletes";

/** In HCL, a module's resources are out of sight: each module call is reported as not checked. */
function uncheckedModules(model: StackModel): Violation[] {
  if (model.source !== "hcl") return [];
  return (model as HclModel).modules.map((m) =>
    violation(
      "unchecked-module",
      `${m.address} (${m.source}) is not checked: its resources are only in a plan (terraform show -json)`,
      { address: m.address, ...(m.location ? { location: m.location } : {}) },
    ),
  );
}

export function toFinding(v: Violation): Finding {
  return {
    tool: "infracrew-policy",
    ruleId: v.ruleId,
    severity: v.severity,
    title: v.title,
    ...(v.location ? { file: v.location.file, line: v.location.line, endLine: v.location.endLine } : {}),
    ...(v.resource ? { resource: v.resource } : {}),
    blocking: v.blocking,
  };
}

/** Says, rule by rule, which violations fail the verdict (and which the policy allows); true when none fails. */
export function reportViolations(violations: readonly Violation[], reasons: Reasons): boolean {
  const groups = new Map<string, Violation[]>();
  for (const v of violations) {
    const key = `${v.blocking}:${v.ruleId}`;
    const group = groups.get(key);
    if (group) group.push(v);
    else groups.set(key, [v]);
  }
  for (const group of groups.values()) {
    const first = group[0]!;
    const text = `Org policy (${first.ruleId}): ${listSome(
      group.map((v) => v.title),
      3,
      "; ",
    )}.`;
    if (first.blocking) reasons.fail(text);
    else reasons.pass(text);
  }
  return violations.every((v) => !v.blocking);
}

/** Runs the org policy on the plan (or the HCL) and says, rule by rule, what failed. */
export function judgePolicy(
  model: StackModel | undefined,
  rules: ResolvedPolicyRules,
  reasons: Reasons,
): Finding[] {
  if (!model) {
    reasons.fail(
      "The org policy could not run: there is no plan (terraform show -json) and no Terraform files to check.",
    );
    return [];
  }
  const violations = [...runOrgPolicy(model, rules), ...uncheckedModules(model)];
  if (reportViolations(violations, reasons)) {
    const what = model.source === "plan" ? "the plan" : "the Terraform files";
    reasons.pass(
      `The org policy (${CHECKS}) passed on ${plural(model.resources.length, "resource")} of ${what}.`,
    );
  }
  return violations.map(toFinding);
}
