import type { Finding, ValidationResult } from "../../contracts/generated/validation-result.js";
import { andMore, capList, clip } from "../limits.js";
import { failingCount } from "./words.js";

/** What `limitValidation` keeps of a ValidationResult. */
export const KEPT = {
  /** Failing reasons, the last of them "… and N more" when there were more. */
  failingReasons: 20,
  /** Passing reasons, likewise. */
  passingReasons: 10,
  reasonChars: 1_000,
  /** Findings, blocking first (the result's order); each text field cut. */
  findings: 50,
  findingChars: 300,
  /** Other tools that reported the same finding. */
  alsoReportedBy: 10,
} as const;

export interface LimitOptions {
  /** Where the whole result is (the plan workflow's run), named in the "and N more" reasons. */
  readonly runUrl?: string;
}

/** At most `max` reasons, the last saying how many more there were and where they are. */
function keep(reasons: readonly string[], max: number, what: string, options: LimitOptions): string[] {
  const cut = reasons.map((r) => clip(r, KEPT.reasonChars));
  if (cut.length <= max) return cut;
  const { shown, more } = capList(cut, max - 1);
  const note = options.runUrl
    ? andMore(more, what, { link: options.runUrl, style: "plain" })
    : `${andMore(more, what, { style: "plain" })} in Sentinel's ValidationResult artifact`;
  return [...shown, clip(note, KEPT.reasonChars)];
}

function keptFinding(finding: Finding): Finding {
  const text = (value: string) => clip(value, KEPT.findingChars);
  return {
    ...finding,
    ruleId: text(finding.ruleId),
    title: text(finding.title),
    ...(finding.message !== undefined ? { message: text(finding.message) } : {}),
    ...(finding.file !== undefined ? { file: text(finding.file) } : {}),
    ...(finding.resource !== undefined ? { resource: text(finding.resource) } : {}),
    ...(finding.link !== undefined ? { link: text(finding.link) } : {}),
    ...(finding.alsoReportedBy !== undefined
      ? {
          alsoReportedBy: finding.alsoReportedBy
            .slice(0, KEPT.alsoReportedBy)
            .map((a) => ({ tool: a.tool, ruleId: text(a.ruleId) })),
        }
      : {}),
  };
}

/**
 * The ValidationResult cut to a size that is safe to store and to show anywhere: at most 20 failing and 10 passing
 * reasons (the last of each saying "… and N more …" with the run's link when there were more), each at most 1,000
 * characters; at most the first 50 findings, each text cut to 300. The verdict, the failing count's meaning, the
 * cost, the budget, the plan counts and the tools are kept; the result is still a valid ValidationResult, and
 * limiting it again changes nothing.
 *
 * Call it on what is stored (the ValidationRecord's reasons); render the check run, the comment section and Slack
 * from the whole result (they cut their own lists), and count findings (validationFigures) from the whole result.
 */
export function limitValidation(result: ValidationResult, options: LimitOptions = {}): ValidationResult {
  const failing = failingCount(result);
  const failingReasons = keep(
    result.reasons.slice(0, failing),
    KEPT.failingReasons,
    "reasons it failed",
    options,
  );
  const passingReasons = keep(result.reasons.slice(failing), KEPT.passingReasons, "reasons", options);
  return {
    ...result,
    reasons: [...failingReasons, ...passingReasons],
    failingReasons: failingReasons.length,
    findings: result.findings.slice(0, KEPT.findings).map(keptFinding),
  };
}
