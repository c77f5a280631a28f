import type { Finding, ToolRun } from "../../contracts/generated/validation-result.js";
import { mergeFindings, type MergedFinding } from "./findings/merge.js";
import type { Reasons } from "./reasons.js";
import { listSome, plural } from "./reasons.js";
import type { CostReport, ScanFinding, ScanReport, ToolOutcome } from "./report.js";
import { SEVERITIES, isAtLeast, type Severity } from "./severity.js";
import { SCANNER_TOOLS, SECURITY_SCANNERS, toolLabel, type ScannerTool } from "./tools.js";

export interface ScannerResults {
  readonly findings: readonly Finding[];
  readonly runs: readonly ToolRun[];
  readonly cost?: CostReport;
}

export interface Judge {
  readonly required: ReadonlySet<ScannerTool>;
  readonly threshold: Severity;
  /** Whether the stack has resources a scanner should have seen. */
  readonly hasResources: boolean;
  readonly reasons: Reasons;
  /** What to say when no security scanner checked the stack: in a required check, that fails it. */
  readonly unscanned: (reasons: Reasons) => void;
}

/** The required check's rule: Sentinel does not pass what no security scanner checked. */
export function failUnscanned(reasons: Reasons): void {
  reasons.fail(
    "No security scanner (Trivy, tfsec or Checkov) checked the stack: Sentinel does not pass what was not scanned.",
  );
}

function toFinding(merged: MergedFinding, threshold: Severity): Finding {
  const { severityAssumed: _s, aliases: _a, denied, alsoReportedBy, ...rest } = merged;
  return {
    ...rest,
    ...(alsoReportedBy.length > 0 ? { alsoReportedBy: [...alsoReportedBy] } : {}),
    blocking: denied === true || isAtLeast(merged.severity, threshold),
  };
}

/** One tool's line in `tools[]`, and what its state means for the verdict. */
function judgeTool(tool: ScannerTool, outcomes: readonly ToolOutcome[], judge: Judge): ToolRun {
  const label = toolLabel(tool);
  const required = judge.required.has(tool);
  const requirement = required
    ? "the org policy requires it"
    : "it is not required, so the verdict does not rest on it";
  const outcome = outcomes.find((o) => o.tool === tool);
  if (!outcome || outcome.status !== "ran") {
    const status = outcome?.status ?? "skipped";
    const reason = outcome?.reason ?? "no output was given";
    if (required)
      judge.reasons.fail(
        `${label} is required by the org policy but ${status === "failed" ? "failed" : "did not run"}: ${reason}.`,
      );
    else if (status === "failed") judge.reasons.pass(`${label} failed (${reason}); ${requirement}.`);
    return { name: tool, status, reason };
  }
  const report = outcome.report;
  const problems = [...(report.incomplete ? [report.incomplete] : [])];
  if (report.kind === "scan" && report.checked === false && judge.hasResources)
    problems.push(`${label} checked nothing`);
  for (const problem of problems) {
    if (required)
      judge.reasons.fail(`${label} is required by the org policy but did not finish its job: ${problem}.`);
    else judge.reasons.pass(`${label} did not finish its job (${problem}); ${requirement}.`);
  }
  const notes = [...(report.incomplete ? [report.incomplete] : []), ...report.notes];
  return {
    name: tool,
    status: "ran",
    ...(report.version ? { version: report.version } : {}),
    ...(notes.length > 0 ? { reason: notes.join("; ") } : {}),
    ...(report.kind === "scan" ? { findings: report.findings.length } : {}),
  };
}

function bySeverity(findings: readonly Finding[]): string {
  return SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(", ");
}

function describe(f: Finding): string {
  return `${f.ruleId}${f.resource ? ` on ${f.resource}` : f.file ? ` in ${f.file}${f.line ? `:${f.line}` : ""}` : ""}`;
}

function findingReasons(
  findings: readonly Finding[],
  denied: readonly Finding[],
  judge: Judge,
  assumed: number,
): void {
  const { threshold, reasons } = judge;
  const blocking = findings.filter((f) => f.blocking && !denied.includes(f));
  const rest = findings.filter((f) => !f.blocking);
  const below =
    rest.length > 0
      ? `; ${plural(rest.length, "finding")} below it (${bySeverity(rest)}) ${rest.length === 1 ? "does" : "do"} not fail it`
      : "";
  if (blocking.length > 0) {
    reasons.fail(
      `The scanners found ${plural(blocking.length, "problem")} at or above ${threshold}, the failOnSeverity threshold (${bySeverity(blocking)}): ${listSome(blocking.map(describe))}${below}.`,
    );
  } else {
    reasons.pass(`No scanner finding is at or above ${threshold}, the failOnSeverity threshold${below}.`);
  }
  if (denied.length > 0) {
    reasons.fail(
      `Conftest denied ${plural(denied.length, "check")}: ${listSome(
        denied.map((f) => f.title),
        3,
        "; ",
      )}.`,
    );
  }
  if (assumed > 0) {
    reasons.pass(`${plural(assumed, "finding")} came without a severity and count as HIGH.`);
  }
}

/**
 * Judges what the scanners said: each tool's state (a required tool that did not run fails), at least one
 * security scanner, and the merged findings against the severity threshold.
 */
export function judgeScanners(outcomes: readonly ToolOutcome[], judge: Judge): ScannerResults {
  const runs = SCANNER_TOOLS.map((tool) => judgeTool(tool, outcomes, judge));
  const reports = outcomes.flatMap((o) => (o.status === "ran" ? [o.report] : []));
  const scans = reports.filter((r): r is ScanReport => r.kind === "scan");
  const scanned = scans.filter((r) => SECURITY_SCANNERS.includes(r.tool) && r.checked !== false);
  if (scanned.length === 0) {
    judge.unscanned(judge.reasons);
  } else {
    judge.reasons.pass(`Security scan by ${scanned.map((r) => toolLabel(r.tool)).join(", ")}.`);
  }
  const raw: ScanFinding[] = scans.flatMap((r) => r.findings);
  const merged = mergeFindings(raw);
  const findings = merged.map((m) => toFinding(m, judge.threshold));
  const denied = findings.filter((_, i) => merged[i]!.denied === true);
  // With no scanner output at all there are no findings to speak of: only what did not run.
  if (scans.length > 0) findingReasons(findings, denied, judge, raw.filter((f) => f.severityAssumed).length);
  const cost = reports.find((r): r is CostReport => r.kind === "cost");
  return { findings, runs, ...(cost ? { cost } : {}) };
}
