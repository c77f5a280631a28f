import type { CostProject, CostReport } from "../report.js";
import {
  inputProblem,
  isObject,
  nonEmptyString,
  rejected,
  type InputProblem,
  type InputSource,
  type Parsed,
} from "./input.js";
import { notThisTool } from "./sniff.js";

const WANTED = "Infracost's JSON (an object with version, projects and totalMonthlyCost)";

/** Infracost's output format versions that Sentinel reads. */
const VERSIONS = ["0.2"];

/** Infracost writes amounts as decimal strings ("1485.28"), or null when nothing was priced. */
function amount(value: unknown): number | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

function project(
  value: unknown,
  path: (string | number)[],
  source: InputSource,
  problems: InputProblem[],
  errors: string[],
): CostProject | undefined {
  if (!isObject(value)) {
    problems.push(inputProblem("infracost", source.file, "must be a project (a mapping)", path));
    return undefined;
  }
  const name = nonEmptyString(value.name) ?? `project ${path[path.length - 1]}`;
  const breakdown = isObject(value.breakdown) ? value.breakdown : {};
  const past = isObject(value.pastBreakdown) ? value.pastBreakdown : undefined;
  const monthly = amount(breakdown.totalMonthlyCost);
  const pastMonthly = past ? amount(past.totalMonthlyCost) : null;
  if (monthly === undefined) {
    problems.push(
      inputProblem("infracost", source.file, "is not an amount", [...path, "breakdown", "totalMonthlyCost"]),
    );
    return undefined;
  }
  const metadata = isObject(value.metadata) ? value.metadata : {};
  for (const error of Array.isArray(metadata.errors) ? metadata.errors : []) {
    const message = isObject(error) ? nonEmptyString(error.message) : nonEmptyString(error);
    errors.push(`${name}: ${message ?? "an error without a message"}`);
  }
  return {
    name,
    monthlyUsd: monthly ?? 0,
    ...(typeof pastMonthly === "number" ? { pastMonthlyUsd: pastMonthly } : {}),
  };
}

function summaryNotes(summary: unknown): string[] {
  if (!isObject(summary)) return [];
  const notes: string[] = [];
  const unsupported = summary.totalUnsupportedResources;
  const noPrice = summary.totalNoPriceResources;
  if (typeof unsupported === "number" && unsupported > 0) {
    notes.push(`Infracost does not support ${unsupported} resource(s); they are not in the forecast`);
  }
  if (typeof noPrice === "number" && noPrice > 0) notes.push(`${noPrice} resource(s) are free of charge`);
  return notes;
}

/**
 * Reads `infracost breakdown --format json` or `infracost diff --format json`: the total monthly cost of all
 * projects, and the change against the past breakdown when there is one.
 */
export function infracostFromJson(data: unknown, source: InputSource): Parsed<CostReport> {
  const problem = (message: string, path: (string | number)[] = []) =>
    rejected<CostReport>([inputProblem("infracost", source.file, message, path)]);
  if (!isObject(data) || !Array.isArray(data.projects) || !("version" in data)) {
    return problem(notThisTool(data, WANTED));
  }
  if (!VERSIONS.includes(data.version as string)) {
    return problem(
      `output version ${JSON.stringify(data.version)} is not one Sentinel reads (it reads ${VERSIONS.join(", ")})`,
      ["version"],
    );
  }
  if (data.currency !== undefined && data.currency !== "USD") {
    return problem(`amounts are in ${JSON.stringify(data.currency)}; Sentinel needs USD (--currency USD)`, [
      "currency",
    ]);
  }
  const total = amount(data.totalMonthlyCost);
  const past = amount(data.pastTotalMonthlyCost);
  const diff = amount(data.diffTotalMonthlyCost);
  const problems: InputProblem[] = [];
  for (const [key, value] of [
    ["totalMonthlyCost", total],
    ["pastTotalMonthlyCost", past],
    ["diffTotalMonthlyCost", diff],
  ] as const) {
    if (value === undefined) problems.push(inputProblem("infracost", source.file, "is not an amount", [key]));
  }
  const errors: string[] = [];
  const projects = data.projects
    .map((p, i) => project(p, ["projects", i], source, problems, errors))
    .filter((p): p is CostProject => p !== undefined);
  if (problems.length > 0) return rejected(problems);
  const notes = [
    ...(total === null ? ["Infracost priced nothing (totalMonthlyCost is null); the forecast is $0"] : []),
    ...summaryNotes(data.summary),
  ];
  return {
    ok: true,
    value: {
      kind: "cost",
      tool: "infracost",
      monthlyUsd: total ?? 0,
      ...(typeof diff === "number" ? { diffMonthlyUsd: diff } : {}),
      ...(typeof past === "number" ? { pastMonthlyUsd: past } : {}),
      projects,
      notes,
      ...(errors.length > 0 ? { incomplete: `Infracost could not price: ${errors.join("; ")}` } : {}),
    },
  };
}
