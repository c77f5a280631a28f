import type { ScanFinding, ScanReport } from "../report.js";
import { readSeverity, type Severity } from "../severity.js";
import { TOOL_INFO, type ScannerTool } from "../tools.js";
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

const WANTED = "a SARIF 2.1.0 log (an object with version and runs)";

/** The scanners that write SARIF, by the driver name they put in it. */
const DRIVERS: readonly { readonly pattern: RegExp; readonly tool: ScannerTool }[] = [
  { pattern: /^trivy/i, tool: "trivy" },
  { pattern: /^tfsec/i, tool: "tfsec" },
  { pattern: /^(checkov|bridgecrew)/i, tool: "checkov" },
];

const LEVELS: Readonly<Record<string, Severity>> = {
  error: "HIGH",
  warning: "MEDIUM",
  note: "LOW",
  none: "INFO",
};

interface Rule {
  readonly id: string;
  readonly title?: string;
  readonly link?: string;
  readonly severity?: Severity;
  readonly level?: string;
}

/** GitHub's `security-severity` score bands (CVSS v3). */
function scoreSeverity(value: unknown): Severity | undefined {
  const score = typeof value === "string" ? Number(value) : value;
  if (typeof score !== "number" || !Number.isFinite(score)) return undefined;
  if (score >= 9) return "CRITICAL";
  if (score >= 7) return "HIGH";
  if (score >= 4) return "MEDIUM";
  return score > 0 ? "LOW" : "INFO";
}

function readRule(value: unknown): Rule | undefined {
  if (!isObject(value) || !nonEmptyString(value.id)) return undefined;
  const properties = isObject(value.properties) ? value.properties : {};
  const tags = Array.isArray(properties.tags) ? properties.tags : [];
  const tagged = tags.map(readSeverity).find((s) => s !== undefined);
  const short = isObject(value.shortDescription) ? nonEmptyString(value.shortDescription.text) : undefined;
  const config = isObject(value.defaultConfiguration) ? value.defaultConfiguration : {};
  const severity = tagged ?? scoreSeverity(properties["security-severity"]);
  const link = nonEmptyString(value.helpUri);
  const level = nonEmptyString(config.level);
  return {
    id: value.id as string,
    ...(short ? { title: short } : {}),
    ...(link ? { link } : {}),
    ...(severity ? { severity } : {}),
    ...(level ? { level } : {}),
  };
}

/** Trivy writes "Message: …" on a line of the result text; other tools write the message alone. */
function resultMessage(value: unknown): string | undefined {
  const text = isObject(value) ? nonEmptyString(value.text) : undefined;
  if (!text) return undefined;
  const line = /^Message: (.+)$/m.exec(text);
  return (line ? line[1] : text.split("\n")[0])!.trim();
}

function location(value: unknown): { uri?: string; line?: number; endLine?: number } {
  const first = Array.isArray(value) ? value[0] : undefined;
  const physical = isObject(first) && isObject(first.physicalLocation) ? first.physicalLocation : {};
  const artifact = isObject(physical.artifactLocation) ? physical.artifactLocation : {};
  const region = isObject(physical.region) ? physical.region : {};
  const uri = nonEmptyString(artifact.uri)?.replace(/^file:\/\//, "");
  const line = lineNumber(region.startLine);
  const endLine = lineNumber(region.endLine);
  return { ...(uri ? { uri } : {}), ...(line ? { line } : {}), ...(line && endLine ? { endLine } : {}) };
}

function result(
  value: unknown,
  rules: readonly (Rule | undefined)[],
  tool: ScannerTool,
  path: (string | number)[],
  source: InputSource,
  problems: InputProblem[],
): ScanFinding | undefined {
  if (!isObject(value)) {
    problems.push(inputProblem(tool, source.file, "must be a result (a mapping)", path));
    return undefined;
  }
  if (Array.isArray(value.suppressions) && value.suppressions.length > 0) return undefined;
  if (value.kind !== undefined && value.kind !== "fail") return undefined;
  const byIndex = typeof value.ruleIndex === "number" ? rules[value.ruleIndex] : undefined;
  const ruleId = nonEmptyString(value.ruleId) ?? byIndex?.id;
  if (!ruleId) {
    problems.push(inputProblem(tool, source.file, "has no ruleId", [...path, "ruleId"]));
    return undefined;
  }
  const rule = byIndex?.id === ruleId ? byIndex : rules.find((r) => r?.id === ruleId);
  const level = nonEmptyString(value.level) ?? rule?.level ?? "warning";
  // A level (error, warning, note) is how loudly to show a result, not a severity: a guess, marked as one.
  const severity = rule?.severity;
  const where = location(value.locations);
  const message = resultMessage(value.message);
  const title = rule?.title ?? message ?? ruleId;
  return {
    tool,
    ruleId,
    severity: severity ?? LEVELS[level] ?? "HIGH",
    ...(severity ? {} : { severityAssumed: true }),
    title,
    ...(message && message !== title ? { message } : {}),
    ...(where.uri ? { file: repoPath(where.uri, source) } : {}),
    ...(where.line ? { line: where.line } : {}),
    ...(where.endLine && where.line && where.endLine >= where.line ? { endLine: where.endLine } : {}),
    ...(rule?.link ? { link: rule.link } : {}),
  };
}

/**
 * Reads a SARIF 2.1.0 log written by `tool` (Trivy's, tfsec's or Checkov's `--format sarif`). The severity is
 * the one the rule's tags name, else its `security-severity` score; else it is assumed from the result's level
 * (error HIGH, warning MEDIUM, note LOW, none INFO).
 */
export function scanFromSarif(data: unknown, tool: ScannerTool, source: InputSource): Parsed<ScanReport> {
  const problem = (message: string, path: (string | number)[] = []) =>
    rejected<ScanReport>([inputProblem(tool, source.file, message, path)]);
  if (!isObject(data) || !Array.isArray(data.runs)) return problem(notThisTool(data, WANTED));
  if (data.version !== "2.1.0") {
    return problem(
      `SARIF version ${JSON.stringify(data.version)} is not one Sentinel reads (it reads 2.1.0)`,
      ["version"],
    );
  }
  const problems: InputProblem[] = [];
  const findings: ScanFinding[] = [];
  let version: string | undefined;
  data.runs.forEach((run, r) => {
    const driver =
      isObject(run) && isObject(run.tool) && isObject(run.tool.driver) ? run.tool.driver : undefined;
    const name = nonEmptyString(driver?.name);
    if (!isObject(run) || !driver || !name) {
      problems.push(inputProblem(tool, source.file, "has no tool.driver.name", ["runs", r]));
      return;
    }
    const writer = DRIVERS.find((d) => d.pattern.test(name))?.tool;
    if (writer !== tool) {
      problems.push(
        inputProblem(
          tool,
          source.file,
          `this SARIF was written by ${JSON.stringify(name)}, not by ${TOOL_INFO[tool].label}`,
          ["runs", r, "tool", "driver", "name"],
        ),
      );
      return;
    }
    version ??= nonEmptyString(driver.version) ?? nonEmptyString(driver.semanticVersion);
    const rules = (Array.isArray(driver.rules) ? driver.rules : []).map(readRule);
    const results = run.results ?? [];
    if (!Array.isArray(results)) {
      problems.push(inputProblem(tool, source.file, "must be a list", ["runs", r, "results"]));
      return;
    }
    results.forEach((item, i) => {
      const finding = result(item, rules, tool, ["runs", r, "results", i], source, problems);
      if (finding) findings.push(finding);
    });
  });
  if (problems.length > 0) return rejected(problems);
  return {
    ok: true,
    value: {
      kind: "scan",
      tool,
      ...(version ? { version } : {}),
      findings,
      ...(data.runs.length === 0 ? { checked: false } : {}),
      notes: data.runs.length === 0 ? ["the SARIF log has no runs"] : [],
    },
  };
}
