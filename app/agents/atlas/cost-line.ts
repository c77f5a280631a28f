import { cents } from "./format.js";

export interface CostLine {
  readonly component: string;
  readonly monthlyUsd: number;
  readonly basis: string;
}

export interface CostPart {
  readonly usd: number;
  readonly text: string;
}

/** A cost line from its parts: the sum in cents, and the parts' quantities joined with " + ". */
export function costLine(component: string, parts: readonly CostPart[]): CostLine {
  return {
    component,
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
