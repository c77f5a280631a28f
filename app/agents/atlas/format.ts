/**
 * Atlas's own figures: unit prices as AWS writes them, quantities and availability percentages. Money goes
 * through the project's one formatter, `formatUsd` in app/format/money.ts.
 */
import { groupThousands } from "../../format/money.js";

/** Rounds to cents. */
export function cents(usd: number): number {
  return Math.round(usd * 100) / 100 || 0;
}

/** A unit price as written on AWS's pages: `$0.04048`, `$0.8`, `$5`. */
export function price(amount: number): string {
  return `$${Number(amount.toPrecision(6)).toString()}`;
}

/** A figure with thousands separators and at most `digits` decimals. */
export function num(value: number, digits = 2): string {
  const rounded = Number(value.toFixed(digits));
  const [whole, fraction] = String(Math.abs(rounded)).split(".");
  return `${rounded < 0 ? "-" : ""}${groupThousands(Number(whole))}${fraction ? `.${fraction}` : ""}`;
}

/** A percentage floored to 4 decimals, so a reported composite never rounds up past its target. */
export function floorPercent(value: number): number {
  return Math.floor(value * 10000 + 1e-6) / 10000;
}

/** An availability percentage to at most 4 decimals: `99.9499 %`. */
export function pct(value: number): string {
  return `${num(value, 4)} %`;
}
