import type { ResolvedPolicyRules } from "../../contracts/generated/org-policy.js";
import type { Finding } from "../../contracts/generated/validation-result.js";
import type { TerraformFile } from "./locate-blocks.js";
import { checkInlineSkips, type JudgedSkip } from "./policy/inline-skips.js";
import { listSome, plural, type Reasons } from "./reasons.js";
import { andList as and } from "../../format/and-list.js";

/** The rule id of the finding an inline skip that nothing allows becomes. */
export const INLINE_SKIP_RULE = "inline-skip";

/** What a refused marker hides, in words: the rules, every rule (`*`), or none named. */
function hides(refused: readonly string[]): string {
  const named = refused.filter((id) => id !== "" && id !== "*");
  const parts = [
    ...(refused.includes("*") ? ["every rule (*)"] : []),
    ...(named.length > 0 ? [and(named)] : []),
  ];
  return parts.length > 0 ? `hides ${parts.join(" and ")} from the scanners` : "names no rule";
}

function refusalReason(judged: JudgedSkip): string {
  const { marker, refused } = judged;
  const named = refused.filter((id) => id !== "" && id !== "*");
  const allowable = named.length > 0 && named.length === refused.length;
  return `Inline scanner skip at ${marker.file}:${marker.line} ("${marker.text}"): it ${hides(refused)}, ${
    allowable
      ? `and policy.allowedSkips does not allow ${named.length === 1 ? "it" : "them"}. Remove it, or allow the rule in policy.allowedSkips on the default branch`
      : "which no policy can allow. Remove it, or name each rule it skips"
  }.`;
}

function refusalFinding(judged: JudgedSkip): Finding {
  const { marker, refused } = judged;
  return {
    tool: "infracrew-policy",
    ruleId: INLINE_SKIP_RULE,
    severity: "HIGH",
    title: `Inline scanner skip that the org policy does not allow: it ${hides(refused)}`,
    message: `"${marker.text}"; allow a rule by its id in policy.allowedSkips on the default branch`,
    file: marker.file,
    line: marker.line,
    blocking: true,
  };
}

/**
 * Judges the inline skip comments in the stack's Terraform files: each one that hides a rule neither
 * `policy.allowedSkips` nor Forge's own exceptions allow fails the verdict with its own reason (file:line, the
 * rule) and becomes a blocking finding at its line; those the policy allows are listed in one passing reason.
 */
export function judgeInlineSkips(
  files: readonly TerraformFile[] | undefined,
  rules: ResolvedPolicyRules,
  reasons: Reasons,
): Finding[] {
  const judged = checkInlineSkips(files ?? [], rules.allowedSkips ?? []);
  const refused = judged.filter((j) => j.refused.length > 0);
  for (const j of refused) reasons.fail(refusalReason(j));
  // Forge's own exceptions explain themselves in the code above each one; what the org policy allows is said here.
  const allowed = judged.flatMap((j) =>
    j.allowed.filter((a) => a.by === "policy").map((a) => `${a.ruleId} (${j.marker.file}:${j.marker.line})`),
  );
  if (allowed.length > 0) {
    reasons.pass(
      `${plural(allowed.length, "inline scanner skip")} allowed by policy.allowedSkips: ${listSome(allowed)}.`,
    );
  }
  return refused.map(refusalFinding);
}
