import type { FindingAlias } from "../../../contracts/generated/validation-result.js";
import type { ScanFinding } from "../report.js";
import { higher, severityRank } from "../severity.js";
import { SCANNER_TOOLS } from "../tools.js";
import { canonicalRule } from "./canonical-rule.js";

/** A finding after merging: the first tool's report, completed by what the others reported. */
export interface MergedFinding extends ScanFinding {
  readonly alsoReportedBy: readonly FindingAlias[];
}

interface Draft {
  finding: ScanFinding;
  readonly aliases: FindingAlias[];
}

function overlaps(a: ScanFinding, b: ScanFinding): boolean {
  if (a.file !== b.file || a.line === undefined || b.line === undefined) return false;
  return a.line <= (b.endLine ?? b.line) && b.line <= (a.endLine ?? a.line);
}

/** Same place: the same resource when both name one, else the same file with overlapping lines. */
function samePlace(a: ScanFinding, b: ScanFinding): boolean {
  if (a.resource !== undefined && b.resource !== undefined) return a.resource === b.resource;
  return overlaps(a, b);
}

function sameReport(a: ScanFinding, b: ScanFinding): boolean {
  return (
    a.ruleId === b.ruleId &&
    a.title === b.title &&
    a.resource === b.resource &&
    a.file === b.file &&
    a.line === b.line &&
    a.endLine === b.endLine &&
    a.message === b.message
  );
}

function absorb(draft: Draft, other: ScanFinding): void {
  const first = draft.finding;
  if (
    other.tool !== first.tool &&
    !draft.aliases.some((a) => a.tool === other.tool && a.ruleId === other.ruleId)
  ) {
    draft.aliases.push({ tool: other.tool, ruleId: other.ruleId });
  }
  // A severity a tool gave outranks one assumed for a tool that gave none.
  const severity =
    first.severityAssumed && !other.severityAssumed
      ? other.severity
      : other.severityAssumed && !first.severityAssumed
        ? first.severity
        : higher(first.severity, other.severity);
  const place = first.file === undefined && other.file !== undefined ? other : first;
  draft.finding = {
    ...first,
    severity,
    ...(first.severityAssumed && other.severityAssumed ? {} : { severityAssumed: undefined }),
    file: place.file,
    line: place.line,
    endLine: place.endLine,
    resource: first.resource ?? other.resource,
    link: first.link ?? other.link,
    message: first.message ?? other.message,
  };
}

function withoutUndefined(finding: ScanFinding): ScanFinding {
  return Object.fromEntries(
    Object.entries(finding).filter(([, v]) => v !== undefined),
  ) as unknown as ScanFinding;
}

const TOOL_ORDER = new Map<string, number>(SCANNER_TOOLS.map((t, i) => [t, i]));

type Sortable = Pick<ScanFinding, "severity" | "file" | "line" | "ruleId" | "resource"> & {
  readonly tool: string;
};

/** Code-unit order: the same on every machine, whatever its locale. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Highest severity first, then by file, line, tool and rule, so the order never depends on input order. */
export function compareFindings(a: Sortable, b: Sortable): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    byText(a.file ?? "\uffff", b.file ?? "\uffff") ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (TOOL_ORDER.get(a.tool) ?? 9) - (TOOL_ORDER.get(b.tool) ?? 9) ||
    byText(a.ruleId, b.ruleId) ||
    byText(a.resource ?? "", b.resource ?? "")
  );
}

/**
 * Merges the same problem reported by several tools on the same resource into one finding, which lists the
 * other tools in `alsoReportedBy`. Findings of one tool are merged only when they are the same report twice.
 */
export function mergeFindings(findings: readonly ScanFinding[]): MergedFinding[] {
  const ordered = [...findings].sort((a, b) => (TOOL_ORDER.get(a.tool) ?? 9) - (TOOL_ORDER.get(b.tool) ?? 9));
  const groups = new Map<string, Draft[]>();
  for (const finding of ordered) {
    const key = canonicalRule(finding) ?? `${finding.tool}\u0000${finding.ruleId}`;
    const drafts = groups.get(key) ?? [];
    groups.set(key, drafts);
    const match = drafts.find((d) =>
      d.finding.tool === finding.tool ? sameReport(d.finding, finding) : samePlace(d.finding, finding),
    );
    if (match) absorb(match, finding);
    else drafts.push({ finding, aliases: [] });
  }
  const merged: MergedFinding[] = [];
  for (const drafts of groups.values()) {
    for (const d of drafts) merged.push({ ...withoutUndefined(d.finding), alsoReportedBy: d.aliases });
  }
  return merged.sort(compareFindings);
}
