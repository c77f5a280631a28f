import type { Finding } from "../../contracts/generated/validation-result.js";

export type Severity = Finding["severity"];

/** Highest first, as the schema lists them. */
export const SEVERITIES: readonly Severity[] = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO"];

const RANK: Readonly<Record<Severity, number>> = { CRITICAL: 4, HIGH: 3, MEDIUM: 2, LOW: 1, INFO: 0 };

export function severityRank(severity: Severity): number {
  return RANK[severity];
}

export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}

export function higher(a: Severity, b: Severity): Severity {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Reads a tool's severity word, in any case; ERROR and WARNING are what tfsec before 0.40 said. */
export function readSeverity(value: unknown): Severity | undefined {
  if (typeof value !== "string") return undefined;
  const word = value.trim().toUpperCase();
  if ((SEVERITIES as readonly string[]).includes(word)) return word as Severity;
  if (word === "ERROR") return "HIGH";
  if (word === "WARNING" || word === "WARN") return "MEDIUM";
  return undefined;
}
