import type { SourceLocation } from "../resources.js";
import type { Severity } from "../severity.js";

/** One breach of the org policy, or a value it could not check. */
export interface Violation {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly title: string;
  readonly resource?: string;
  readonly location?: SourceLocation;
  /** False only for what the policy reports but allows (e.g. a stateful delete with allowStatefulDeletes). */
  readonly blocking: boolean;
}

export function violation(
  ruleId: string,
  title: string,
  at: { readonly address?: string; readonly location?: SourceLocation } = {},
  severity: Severity = "HIGH",
  blocking = true,
): Violation {
  return {
    ruleId,
    severity,
    title,
    ...(at.address ? { resource: at.address } : {}),
    ...(at.location ? { location: at.location } : {}),
    blocking,
  };
}
