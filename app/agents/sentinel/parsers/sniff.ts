import { showValue } from "../../../contracts/problem.js";
import { TOOL_INFO } from "../tools.js";
import { isObject } from "./input.js";

/** The output formats Sentinel knows, and the tool each one comes from. */
export type OutputFormat =
  | "trivy-json"
  | "sarif"
  | "tfsec-json"
  | "checkov-json"
  | "conftest-json"
  | "infracost-json"
  | "terraform-plan"
  | "terraform-state";

const FORMAT_NAMES: Readonly<Record<OutputFormat, string>> = {
  "trivy-json": `Trivy's JSON report (${TOOL_INFO.trivy.output})`,
  sarif: "a SARIF log",
  "tfsec-json": `tfsec's JSON (${TOOL_INFO.tfsec.output})`,
  "checkov-json": `Checkov's JSON (${TOOL_INFO.checkov.output})`,
  "conftest-json": `Conftest's JSON (${TOOL_INFO.conftest.output})`,
  "infracost-json": `Infracost's JSON (${TOOL_INFO.infracost.output})`,
  "terraform-plan": `a Terraform plan (${TOOL_INFO.terraform.output})`,
  "terraform-state": "a Terraform state (terraform show -json without a plan file)",
};

const CHECKOV_SUMMARY_KEYS = ["passed", "failed", "skipped", "checkov_version"];

function isCheckovReport(value: unknown): boolean {
  if (!isObject(value)) return false;
  if ("check_type" in value && "results" in value) return true;
  const summary = isObject(value.summary) ? value.summary : value;
  return CHECKOV_SUMMARY_KEYS.every((k) => k in summary);
}

function isConftestEntry(value: unknown): boolean {
  return (
    isObject(value) && typeof value.filename === "string" && ("successes" in value || "failures" in value)
  );
}

function isTfsecResults(value: Record<string, unknown>): boolean {
  if (!("results" in value) || "check_type" in value) return false;
  const results = value.results;
  if (results === null) return true;
  return (
    Array.isArray(results) && (results.length === 0 || (isObject(results[0]) && "rule_id" in results[0]))
  );
}

/** Which tool's output this parsed JSON looks like, judged by its shape; undefined when it is none of them. */
export function sniffFormat(data: unknown): OutputFormat | undefined {
  if (Array.isArray(data)) {
    if (data.length > 0 && data.every(isCheckovReport)) return "checkov-json";
    if (data.length > 0 && data.every(isConftestEntry)) return "conftest-json";
    return undefined;
  }
  if (!isObject(data)) return undefined;
  if ("SchemaVersion" in data && ("Results" in data || "ArtifactName" in data)) return "trivy-json";
  if (Array.isArray(data.runs) && (typeof data.$schema === "string" || data.version === "2.1.0"))
    return "sarif";
  if ("format_version" in data) {
    if ("resource_changes" in data || "planned_values" in data) return "terraform-plan";
    if ("values" in data) return "terraform-state";
  }
  if (Array.isArray(data.projects) && ("totalMonthlyCost" in data || "version" in data))
    return "infracost-json";
  if (isCheckovReport(data)) return "checkov-json";
  if (isTfsecResults(data)) return "tfsec-json";
  return undefined;
}

function formatName(format: OutputFormat): string {
  return FORMAT_NAMES[format];
}

/** A short description of data that is none of the known formats. */
function describeData(data: unknown): string {
  if (!isObject(data)) return showValue(data);
  const keys = Object.keys(data);
  if (keys.length === 0) return "an empty mapping";
  const shown = keys.slice(0, 5).join(", ");
  return `a mapping with the keys ${shown}${keys.length > 5 ? ` and ${keys.length - 5} more` : ""}`;
}

/** Explains why data is not the output `wanted`: whose output it is instead, or what it is. */
export function notThisTool(data: unknown, wanted: string): string {
  const format = sniffFormat(data);
  return format ? `this is ${formatName(format)}, not ${wanted}` : `not ${wanted}: got ${describeData(data)}`;
}
