import type { PlanSpec } from "../../contracts/generated/index.js";
import { code, plain, table } from "../markdown.js";

/** What Atlas assumed on the person's behalf, each with its value and why; nothing is assumed silently. */
export function assumptionsSection(spec: PlanSpec): string {
  const assumptions = spec.assumptions ?? [];
  if (assumptions.length === 0) return "";
  const rows = assumptions.map((a) => [code(a.field), plain(a.value), plain(a.why)]);
  return [
    "### What Atlas assumed",
    "",
    "The goal does not say these; Atlas designed and priced with the values below.",
    "",
    table(["Field", "Value", "Why"], rows),
  ].join("\n");
}
