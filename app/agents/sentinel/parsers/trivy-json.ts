import type { ScanFinding, ScanReport } from "../report.js";
import { readSeverity } from "../severity.js";
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
import { repoPath } from "./paths.js";
import { notThisTool } from "./sniff.js";

/** The report schema versions Sentinel reads (Trivy has written SchemaVersion 2 since v0.20). */
const SCHEMA_VERSIONS = [2];

const WANTED = "Trivy's JSON report (an object with SchemaVersion and Results)";

interface Context {
  readonly source: InputSource;
  readonly problems: InputProblem[];
}

function misconfiguration(
  item: unknown,
  target: string,
  path: (string | number)[],
  ctx: Context,
): ScanFinding | undefined {
  const bad = (message: string, at: (string | number)[] = []): undefined => {
    ctx.problems.push(inputProblem("trivy", ctx.source.file, message, [...path, ...at]));
    return undefined;
  };
  if (!isObject(item)) return bad("must be a misconfiguration (a mapping)");
  const id = nonEmptyString(item.ID) ?? nonEmptyString(item.AVDID);
  if (!id) return bad("has no ID", ["ID"]);
  if (item.Status !== undefined && item.Status !== "FAIL") return undefined;
  const severity = readSeverity(item.Severity);
  if (item.Severity !== undefined && item.Severity !== "UNKNOWN" && !severity) {
    return bad(`is not a severity (got ${JSON.stringify(item.Severity)})`, ["Severity"]);
  }
  const cause = isObject(item.CauseMetadata) ? item.CauseMetadata : {};
  const aliases = [item.AVDID, item.ID].filter((a): a is string => typeof a === "string" && a !== id);
  const title = nonEmptyString(item.Title) ?? id;
  const message = nonEmptyString(item.Message);
  const line = lineNumber(cause.StartLine);
  const endLine = lineNumber(cause.EndLine);
  return {
    tool: "trivy",
    ruleId: id,
    severity: severity ?? "HIGH",
    ...(severity ? {} : { severityAssumed: true }),
    title,
    ...(message && message !== title ? { message } : {}),
    file: repoPath(target, ctx.source),
    ...(line ? { line } : {}),
    ...(line && endLine && endLine >= line ? { endLine } : {}),
    ...(nonEmptyString(cause.Resource) ? { resource: cause.Resource as string } : {}),
    ...(nonEmptyString(item.PrimaryURL) ? { link: item.PrimaryURL as string } : {}),
    ...(aliases.length > 0 ? { aliases } : {}),
  };
}

/** Reads `trivy config --format json` (SchemaVersion 2): every failed misconfiguration, with file:line. */
export function trivyFromJson(data: unknown, source: InputSource): Parsed<ScanReport> {
  const problem = (message: string, path: (string | number)[] = []) =>
    rejected<ScanReport>([inputProblem("trivy", source.file, message, path)]);
  if (!isObject(data) || !("SchemaVersion" in data)) return problem(notThisTool(data, WANTED));
  if (!SCHEMA_VERSIONS.includes(data.SchemaVersion as number)) {
    return problem(
      `SchemaVersion ${JSON.stringify(data.SchemaVersion)} is not one Sentinel reads (it reads ${SCHEMA_VERSIONS.join(", ")})`,
      ["SchemaVersion"],
    );
  }
  const results = data.Results ?? [];
  if (!Array.isArray(results)) return problem("must be a list of results", ["Results"]);
  const ctx: Context = { source, problems: [] };
  const findings: ScanFinding[] = [];
  let configResults = 0;
  let ignored = 0;
  results.forEach((result, r) => {
    if (!isObject(result)) {
      ctx.problems.push(inputProblem("trivy", source.file, "must be a result (a mapping)", ["Results", r]));
      return;
    }
    const target = nonEmptyString(result.Target);
    if (!target) {
      ctx.problems.push(inputProblem("trivy", source.file, "has no Target", ["Results", r, "Target"]));
      return;
    }
    if (result.Class === "config" || "Misconfigurations" in result || "MisconfSummary" in result)
      configResults++;
    if (Array.isArray(result.Vulnerabilities)) ignored += result.Vulnerabilities.length;
    const misconfigurations = result.Misconfigurations ?? [];
    if (!Array.isArray(misconfigurations)) {
      ctx.problems.push(
        inputProblem("trivy", source.file, "must be a list", ["Results", r, "Misconfigurations"]),
      );
      return;
    }
    misconfigurations.forEach((item, m) => {
      const finding = misconfiguration(item, target, ["Results", r, "Misconfigurations", m], ctx);
      if (finding) findings.push(finding);
    });
  });
  if (ctx.problems.length > 0) return rejected(ctx.problems);
  const version = isObject(data.Trivy) ? nonEmptyString(data.Trivy.Version) : undefined;
  const notes = [
    ...(configResults === 0 ? ["Trivy found no configuration files to scan"] : []),
    ...(ignored > 0
      ? [`${ignored} vulnerabilities in the report are not configuration findings; ignored`]
      : []),
  ];
  return {
    ok: true,
    value: {
      kind: "scan",
      tool: "trivy",
      ...(version ? { version } : {}),
      findings,
      checked: configResults > 0,
      notes,
    },
  };
}
