import type { PlanSpec } from "../../contracts/generated/plan-spec.js";
import { cents } from "./format.js";

/** What a cost line prices: the PlanSpec's vocabulary, the same item in every design. */
export type CostItem = NonNullable<PlanSpec["cost"]["lines"][number]["item"]>;

export interface CostLine {
  readonly component: string;
  readonly item: CostItem;
  readonly monthlyUsd: number;
  readonly basis: string;
}

export interface CostPart {
  readonly usd: number;
  readonly text: string;
}

/** A cost line from its parts: the sum in cents, and the parts' quantities joined with " + ". */
export function costLine(component: string, item: CostItem, parts: readonly CostPart[]): CostLine {
  return {
    component,
    item,
    monthlyUsd: cents(parts.reduce((sum, p) => sum + p.usd, 0)),
    basis: parts.map((p) => p.text).join(" + "),
  };
}

/** GB from bytes per unit × units, plus a baseline, to one decimal. */
export function gigabytes(bytesPerUnit: number, units: number, baseline = 0): number {
  return Number((baseline + (bytesPerUnit * units) / 1e9).toFixed(1));
}

export function totalOf(lines: readonly CostLine[]): number {
  return cents(lines.reduce((sum, l) => sum + l.monthlyUsd, 0));
}

/** An always-free allowance AWS deducts (cdn-free-tier, schedule-free-tier, …): a negative line. */
export function isFreeTier(line: CostLine): boolean {
  return line.item.endsWith("-free-tier");
}

/** The total without the always-free allowances. */
export function totalWithoutFreeTier(lines: readonly CostLine[]): number {
  return totalOf(lines.filter((l) => !isFreeTier(l)));
}

/** The monthly cost of one component, over all its lines. */
export function componentUsd(lines: readonly CostLine[], component: string): number {
  return totalOf(lines.filter((l) => l.component === component));
}
