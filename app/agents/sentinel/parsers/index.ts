import type { CostReport, ScanReport, ToolReport } from "../report.js";
import type { ScannerTool } from "../tools.js";
import { checkovFromJson } from "./checkov-json.js";
import { conftestFromJson } from "./conftest-json.js";
import { infracostFromJson } from "./infracost-json.js";
import { readToolJson, type InputSource, type Parsed } from "./input.js";
import { scanFromSarif } from "./sarif.js";
import { sniffFormat } from "./sniff.js";
import { planFromJson, type TerraformPlan } from "./terraform-plan-json.js";
import { tfsecFromJson } from "./tfsec-json.js";
import { trivyFromJson } from "./trivy-json.js";

export type { InputProblem, InputSource, Parsed } from "./input.js";
export { describeInputProblem } from "./input.js";
export type { TerraformPlan } from "./terraform-plan-json.js";

type FromJson<T> = (data: unknown, source: InputSource) => Parsed<T>;

function fromText<T>(tool: ScannerTool | "terraform", read: FromJson<T>, text: string, source: InputSource) {
  const json = readToolJson(tool, source.file, text);
  return json.ok ? read(json.value, source) : json;
}

/** A scanner's own JSON, or the SARIF it writes with `--format sarif`, told apart by shape. */
function jsonOrSarif(tool: ScannerTool, own: FromJson<ScanReport>): FromJson<ScanReport> {
  return (data, source) =>
    sniffFormat(data) === "sarif" ? scanFromSarif(data, tool, source) : own(data, source);
}

/** `trivy config --format json`, or `--format sarif`. */
export function parseTrivy(text: string, source: InputSource): Parsed<ScanReport> {
  return fromText("trivy", jsonOrSarif("trivy", trivyFromJson), text, source);
}

/** `tfsec --format json`, or `--format sarif`. */
export function parseTfsec(text: string, source: InputSource): Parsed<ScanReport> {
  return fromText("tfsec", jsonOrSarif("tfsec", tfsecFromJson), text, source);
}

/** `checkov -o json`, or `-o sarif`. */
export function parseCheckov(text: string, source: InputSource): Parsed<ScanReport> {
  return fromText("checkov", jsonOrSarif("checkov", checkovFromJson), text, source);
}

/** `conftest test --output json`. */
export function parseConftest(text: string, source: InputSource): Parsed<ScanReport> {
  return fromText("conftest", conftestFromJson, text, source);
}

/** `infracost breakdown --format json` or `infracost diff --format json`. */
export function parseInfracost(text: string, source: InputSource): Parsed<CostReport> {
  return fromText("infracost", infracostFromJson, text, source);
}

/** `terraform show -json <planfile>`. */
export function parseTerraformPlan(text: string, source: InputSource): Parsed<TerraformPlan> {
  return fromText("terraform", planFromJson, text, source);
}

const PARSERS: Readonly<Record<ScannerTool, (text: string, source: InputSource) => Parsed<ToolReport>>> = {
  trivy: parseTrivy,
  tfsec: parseTfsec,
  checkov: parseCheckov,
  conftest: parseConftest,
  infracost: parseInfracost,
};

/** Parses any scanner's output by the tool it is said to come from. Never throws for bad input. */
export function parseToolOutput(tool: ScannerTool, text: string, source: InputSource): Parsed<ToolReport> {
  return PARSERS[tool](text, source);
}
