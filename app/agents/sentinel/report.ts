import type { Severity } from "./severity.js";
import type { ScannerTool } from "./tools.js";

/** One problem a scanner reported, before findings from several tools are merged. */
export interface ScanFinding {
  readonly tool: ScannerTool;
  readonly ruleId: string;
  /** The severity the tool gave, or HIGH when it gave none (`severityAssumed`). */
  readonly severity: Severity;
  readonly severityAssumed?: boolean;
  readonly title: string;
  /** What the tool said about this instance, when it differs from the title. */
  readonly message?: string;
  /** Relative to the repository root when the scan directory is known; as the tool wrote it otherwise. */
  readonly file?: string;
  readonly line?: number;
  readonly endLine?: number;
  /** A Terraform address, e.g. `module.db.aws_db_instance.this`. */
  readonly resource?: string;
  readonly link?: string;
  /** Identifiers by which other tools know the same rule, as the tool itself reported them. */
  readonly aliases?: readonly string[];
  /** A Conftest deny: a policy rule that always fails, whatever the severity threshold. */
  readonly denied?: boolean;
}

/** What one scanner's output says. */
export interface ScanReport {
  readonly kind: "scan";
  readonly tool: ScannerTool;
  readonly version?: string;
  readonly findings: readonly ScanFinding[];
  /** False when the tool says it checked nothing (no files or resources); undefined when it does not say. */
  readonly checked?: boolean;
  /** Facts about the output worth telling a reader, e.g. "Checkov could not parse 2 files". */
  readonly notes: readonly string[];
  /** Set when the output itself says the tool failed part of its job (e.g. files it could not parse). */
  readonly incomplete?: string;
}

export interface CostProject {
  readonly name: string;
  readonly monthlyUsd: number;
  readonly pastMonthlyUsd?: number;
}

/** What Infracost's JSON says the plan costs. */
export interface CostReport {
  readonly kind: "cost";
  readonly tool: "infracost";
  readonly version?: string;
  readonly monthlyUsd: number;
  /** Change against the past breakdown, when the output has one. */
  readonly diffMonthlyUsd?: number;
  readonly pastMonthlyUsd?: number;
  readonly projects: readonly CostProject[];
  readonly notes: readonly string[];
  readonly incomplete?: string;
}

export type ToolReport = ScanReport | CostReport;

/** What happened to one tool in a run: its parsed output, or why there is none. */
export type ToolOutcome =
  | { readonly tool: ScannerTool; readonly status: "ran"; readonly report: ToolReport }
  | { readonly tool: ScannerTool; readonly status: "skipped" | "failed"; readonly reason: string };
