import type { PlanSpec } from "../contracts/generated/plan-spec.js";

/** A cost line's label: its component, and what it prices when that is not the component's own name. */
export function costLineLabel(line: PlanSpec["cost"]["lines"][number]): string {
  return line.item === undefined || line.item === line.component
    ? line.component
    : `${line.component} (${line.item})`;
}
