import type { ScanFinding, ScanReport } from "../report.js";
import { addressPrefix } from "../terraform-address.js";
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
import { notThisTool, sniffFormat } from "./sniff.js";

const WANTED = "tfsec's JSON (an object with results)";

/** tfsec's result status: 0 failed, 1 passed (with --include-passed), 2 ignored. */
const FAILED = new Set<unknown>([0, "failed", "FAILED", undefined]);

function finding(
  item: unknown,
  path: (string | number)[],
  source: InputSource,
  problems: InputProblem[],
): ScanFinding | undefined {
  const bad = (message: string, at: (string | number)[] = []): undefined => {
    problems.push(inputProblem("tfsec", source.file, message, [...path, ...at]));
    return undefined;
  };
  if (!isObject(item)) return bad("must be a result (a mapping)");
  if (!FAILED.has(item.status)) return undefined;
  const ruleId = nonEmptyString(item.rule_id) ?? nonEmptyString(item.long_id);
  if (!ruleId) return bad("has no rule_id", ["rule_id"]);
  const severity = readSeverity(item.severity);
  if (item.severity !== undefined && item.severity !== null && !severity) {
    return bad(`is not a severity (got ${JSON.stringify(item.severity)})`, ["severity"]);
  }
  const where = isObject(item.location) ? item.location : {};
  const file = nonEmptyString(where.filename);
  const line = lineNumber(where.start_line);
  const endLine = lineNumber(where.end_line);
  const resource = nonEmptyString(item.resource);
  // tfsec names the block path of the problem, e.g. `aws_ecr_repository.repo.image_tag_mutability`.
  const address = resource ? addressPrefix(resource) : undefined;
  const links = Array.isArray(item.links) ? item.links.filter((l): l is string => typeof l === "string") : [];
  const longId = nonEmptyString(item.long_id);
  const title = nonEmptyString(item.rule_description) ?? nonEmptyString(item.description) ?? ruleId;
  const message = nonEmptyString(item.description);
  return {
    tool: "tfsec",
    ruleId,
    severity: severity ?? "HIGH",
    ...(severity ? {} : { severityAssumed: true }),
    title,
    ...(message && message !== title ? { message } : {}),
    ...(file ? { file: repoPath(file, source) } : {}),
    ...(line ? { line } : {}),
    ...(line && endLine && endLine >= line ? { endLine } : {}),
    ...(address ? { resource: address } : {}),
    ...(links[0] ? { link: links[0] } : {}),
    ...(longId && longId !== ruleId ? { aliases: [longId] } : {}),
  };
}

/** Reads `tfsec --format json`: `{"results": [...]}`, where `null` means no findings. */
export function tfsecFromJson(data: unknown, source: InputSource): Parsed<ScanReport> {
  if (!isObject(data) || !("results" in data) || sniffFormat(data) === "checkov-json") {
    return rejected([inputProblem("tfsec", source.file, notThisTool(data, WANTED))]);
  }
  const results = data.results ?? [];
  if (!Array.isArray(results)) {
    return rejected([inputProblem("tfsec", source.file, "must be a list or null", ["results"])]);
  }
  const problems: InputProblem[] = [];
  const findings: ScanFinding[] = [];
  results.forEach((item, i) => {
    const found = finding(item, ["results", i], source, problems);
    if (found) findings.push(found);
  });
  if (problems.length > 0) return rejected(problems);
  return { ok: true, value: { kind: "scan", tool: "tfsec", findings, notes: [] } };
}
