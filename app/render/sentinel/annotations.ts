import type { Finding, ValidationResult } from "../../contracts/generated/validation-result.js";
import { GITHUB_LIMITS, SHOWN, batches, clip, truncate } from "../limits.js";
import { problemText, toolName } from "./words.js";

/** A check-run annotation, as GitHub's API takes it. */
export interface Annotation {
  readonly path: string;
  readonly start_line: number;
  readonly end_line: number;
  readonly annotation_level: "failure" | "warning" | "notice";
  readonly title: string;
  readonly message: string;
  readonly raw_details?: string;
}

/** Blocking findings fail; the rest warn (MEDIUM and up) or notify (LOW, INFO). */
export function annotationLevel(finding: Finding): Annotation["annotation_level"] {
  if (finding.blocking) return "failure";
  return finding.severity === "LOW" || finding.severity === "INFO" ? "notice" : "warning";
}

function annotation(finding: Located): Annotation {
  const also = (finding.alsoReportedBy ?? []).map((a) => `${toolName(a.tool)} ${a.ruleId}`);
  const message = [
    problemText(finding),
    ...(finding.resource ? [`Resource: ${finding.resource}`] : []),
    ...(also.length > 0 ? [`Also reported by ${also.join(", ")}`] : []),
  ].join("\n");
  return {
    path: finding.file,
    start_line: finding.line,
    end_line:
      finding.endLine !== undefined && finding.endLine >= finding.line ? finding.endLine : finding.line,
    annotation_level: annotationLevel(finding),
    title: truncate(
      `${finding.severity} ${finding.ruleId} (${toolName(finding.tool)})`,
      GITHUB_LIMITS.annotationTitle,
      { style: "plain" },
    ),
    message: truncate(message, GITHUB_LIMITS.annotationMessage, { style: "plain" }),
    ...(finding.link ? { raw_details: clip(finding.link, GITHUB_LIMITS.annotationMessage) } : {}),
  };
}

type Located = Finding & { file: string; line: number };

/** The findings that have a file and a line, which an annotation can point at, in the findings' order. */
export function annotatable(result: ValidationResult): Located[] {
  return result.findings.filter((f): f is Located => f.file !== undefined && f.line !== undefined);
}

/**
 * One annotation per finding that has a file and a line, at `file:line`, in the findings' order (blocking first):
 * the first 50 (`SHOWN.annotations`), which GitHub takes in the one request that creates or updates the check
 * run. The check run's summary counts the rest and links to the run.
 */
export function checkRunAnnotations(result: ValidationResult): Annotation[] {
  return annotatable(result).slice(0, SHOWN.annotations).map(annotation);
}

/** The annotations in batches GitHub takes: one request's worth, since at most 50 are made. */
export function annotationBatches(result: ValidationResult): Annotation[][] {
  return batches(checkRunAnnotations(result), GITHUB_LIMITS.annotationsPerRequest);
}
