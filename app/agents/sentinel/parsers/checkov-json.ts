import type { ScanFinding, ScanReport } from "../report.js";
import { readSeverity } from "../severity.js";
import { addressPrefix } from "../terraform-address.js";
import {
  inputProblem,
  isObject,
  lineNumber,
  nonEmptyString,
  rejected,
  type InputProblem,
  type InputSource,
  type Parsed,
} from "./input.js";
import { DEFAULT_ROOTS, repoPath, scanRelativePath } from "./paths.js";
import { notThisTool, sniffFormat } from "./sniff.js";

const WANTED = "Checkov's JSON (a report with check_type and results, a list of them, or a summary)";

/** Checkov major versions whose JSON Sentinel reads; the report has no format version of its own. */
const MAJOR_VERSIONS = [1, 2, 3];

interface Tally {
  readonly findings: ScanFinding[];
  readonly problems: InputProblem[];
  readonly unparsed: string[];
  versions: Set<string>;
  scanned: number;
}

function place(check: Record<string, unknown>, source: InputSource): Partial<ScanFinding> {
  // A resource inside a module is placed at the module call, in the file the user wrote.
  const callerFile = nonEmptyString(check.caller_file_path);
  const file = callerFile ?? nonEmptyString(check.file_path);
  const range = callerFile ? check.caller_file_line_range : check.file_line_range;
  const absolute = callerFile ? undefined : nonEmptyString(check.file_abs_path);
  const roots = [...(source.roots ?? []), ...DEFAULT_ROOTS];
  const inRoot = absolute && roots.some((r) => absolute.startsWith(`${r.replace(/\/+$/, "")}/`));
  const path = inRoot ? repoPath(absolute, source) : file ? scanRelativePath(file, source) : undefined;
  const [start, end] = Array.isArray(range) ? range : [];
  const line = lineNumber(start);
  const endLine = lineNumber(end);
  return {
    ...(path ? { file: path } : {}),
    ...(line ? { line } : {}),
    ...(line && endLine && endLine >= line ? { endLine } : {}),
  };
}

function failedCheck(item: unknown, path: (string | number)[], source: InputSource, tally: Tally): void {
  const bad = (message: string, at: (string | number)[] = []): void => {
    tally.problems.push(inputProblem("checkov", source.file, message, [...path, ...at]));
  };
  if (!isObject(item)) return bad("must be a check (a mapping)");
  const ruleId = nonEmptyString(item.check_id);
  if (!ruleId) return bad("has no check_id", ["check_id"]);
  const severity = readSeverity(item.severity);
  if (item.severity !== undefined && item.severity !== null && !severity) {
    return bad(`is not a severity (got ${JSON.stringify(item.severity)})`, ["severity"]);
  }
  const resource = nonEmptyString(item.resource_address) ?? nonEmptyString(item.resource);
  const address = resource ? addressPrefix(resource) : undefined;
  const link = nonEmptyString(item.guideline);
  tally.findings.push({
    tool: "checkov",
    ruleId,
    severity: severity ?? "HIGH",
    ...(severity ? {} : { severityAssumed: true }),
    title: nonEmptyString(item.check_name) ?? ruleId,
    ...place(item, source),
    ...(address ? { resource: address } : {}),
    ...(link ? { link } : {}),
    ...(nonEmptyString(item.bc_check_id) ? { aliases: [item.bc_check_id as string] } : {}),
  });
}

function report(value: unknown, path: (string | number)[], source: InputSource, tally: Tally): void {
  if (!isObject(value)) {
    tally.problems.push(inputProblem("checkov", source.file, "must be a report (a mapping)", path));
    return;
  }
  const summary = isObject(value.summary) ? value.summary : value;
  const version = nonEmptyString(summary.checkov_version);
  if (version) tally.versions.add(version);
  const counted = [summary.resource_count, summary.passed, summary.failed].filter(
    (n) => typeof n === "number",
  );
  tally.scanned += counted.reduce((a: number, n) => a + (n as number), 0);
  if (!("results" in value)) return;
  const results = value.results;
  if (!isObject(results)) {
    tally.problems.push(inputProblem("checkov", source.file, "must be a mapping", [...path, "results"]));
    return;
  }
  const failed = results.failed_checks ?? [];
  if (!Array.isArray(failed)) {
    tally.problems.push(
      inputProblem("checkov", source.file, "must be a list", [...path, "results", "failed_checks"]),
    );
    return;
  }
  failed.forEach((item, i) => failedCheck(item, [...path, "results", "failed_checks", i], source, tally));
  const errors = Array.isArray(results.parsing_errors) ? results.parsing_errors : [];
  for (const file of errors) if (typeof file === "string") tally.unparsed.push(file);
}

function unknownVersion(versions: Set<string>): string | undefined {
  return [...versions].find((v) => !MAJOR_VERSIONS.includes(Number(v.split(".")[0])));
}

/**
 * Reads `checkov -o json`: one report, a list of reports (one per framework), or the bare summary Checkov
 * prints when it found nothing to scan. Checkov without a platform key gives no severity (null).
 */
export function checkovFromJson(data: unknown, source: InputSource): Parsed<ScanReport> {
  const reports = Array.isArray(data) ? data : [data];
  if (sniffFormat(data) !== "checkov-json" && !(Array.isArray(data) && data.length === 0)) {
    return rejected([inputProblem("checkov", source.file, notThisTool(data, WANTED))]);
  }
  const tally: Tally = { findings: [], problems: [], unparsed: [], versions: new Set(), scanned: 0 };
  reports.forEach((r, i) => report(r, Array.isArray(data) ? [i] : [], source, tally));
  const stranger = unknownVersion(tally.versions);
  if (stranger) {
    tally.problems.unshift(
      inputProblem(
        "checkov",
        source.file,
        `Checkov ${stranger} is not a version Sentinel reads (it reads ${MAJOR_VERSIONS.join(".x, ")}.x)`,
      ),
    );
  }
  if (tally.problems.length > 0) return rejected(tally.problems);
  const version = [...tally.versions].sort()[0];
  const unparsed = tally.unparsed.map((f) => scanRelativePath(f, source));
  return {
    ok: true,
    value: {
      kind: "scan",
      tool: "checkov",
      ...(version ? { version } : {}),
      findings: tally.findings,
      checked: tally.scanned > 0,
      notes: tally.scanned > 0 ? [] : ["Checkov found no resources to scan"],
      ...(unparsed.length > 0
        ? { incomplete: `Checkov could not parse ${unparsed.length} file(s): ${unparsed.join(", ")}` }
        : {}),
    },
  };
}
