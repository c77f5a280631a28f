import type { ScanFinding } from "../report.js";
import { RULE_EQUIVALENCES } from "./rule-equivalence.js";

/** Aqua's AVD ids as Trivy writes them (`AWS-0086`) or tfsec does (`AVD-AWS-0086`). */
const AVD_ID = /^(?:AVD-)?([A-Z][A-Z0-9]*-\d{4})$/;

const BY_ALIAS = new Map<string, string>();
for (const row of RULE_EQUIVALENCES) {
  for (const id of [...row.tfsec, ...row.checkov]) BY_ALIAS.set(id, row.id);
}

/**
 * The identifier under which findings of different tools count as the same rule: the AVD id for Trivy and
 * tfsec, and the AVD id a Checkov check is equivalent to. Undefined when the rule has no known equivalent.
 */
export function canonicalRule(finding: Pick<ScanFinding, "tool" | "ruleId" | "aliases">): string | undefined {
  if (finding.tool === "conftest") return undefined;
  for (const id of [finding.ruleId, ...(finding.aliases ?? [])]) {
    const avd = AVD_ID.exec(id);
    if (avd && finding.tool !== "checkov") return avd[1];
    const row = BY_ALIAS.get(id);
    if (row) return row;
  }
  return undefined;
}
