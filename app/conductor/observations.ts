import type { PrState } from "./pr-state.js";
import { brakeTripped } from "./validation-figures.js";

/** Something measurable that one event changed in a PR's state: what the metrics count. */
export type Observation =
  | {
      readonly type: "run-finished";
      readonly mode: "apply" | "rollback";
      readonly status: "success" | "failure" | "timeout";
      /** Apply: from dispatch to end. Rollback: from its trigger to end (what the SLA measures). */
      readonly seconds: number;
    }
  | { readonly type: "rollback-began"; readonly seconds: number }
  | { readonly type: "budget-brake"; readonly stack: string; readonly ratio: number | null };

const seconds = (from: string, to: string): number => Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000);

/**
 * What changed between the state before an event and after it. Each fact is reported once: a redelivered event
 * is a no-op in the transition table, so its before and after are the same.
 */
export function observe(before: PrState, after: PrState): Observation[] {
  const found: Observation[] = [];
  const apply = after.apply;
  const sameApply = before.apply?.sha === apply?.sha && before.apply?.dispatchedAt === apply?.dispatchedAt;
  if (apply?.finishedAt && apply.status && !(sameApply && before.apply?.finishedAt)) {
    found.push({
      type: "run-finished",
      mode: "apply",
      status: apply.status,
      seconds: seconds(apply.dispatchedAt, apply.finishedAt),
    });
  }
  const rb = after.rollback;
  const sameRollback = rb !== undefined && before.rollback?.triggeredAt === rb.triggeredAt;
  if (rb?.startedAt && !(sameRollback && before.rollback?.startedAt)) {
    found.push({ type: "rollback-began", seconds: seconds(rb.triggeredAt, rb.startedAt) });
  }
  if (rb?.finishedAt && rb.status && !(sameRollback && before.rollback?.finishedAt)) {
    found.push({
      type: "run-finished",
      mode: "rollback",
      status: rb.status,
      seconds: seconds(rb.triggeredAt, rb.finishedAt),
    });
  }
  const figures = after.validation?.figures;
  if (figures && after.validation !== before.validation && brakeTripped(figures)) {
    found.push({ type: "budget-brake", stack: after.stack, ratio: figures.ratio });
  }
  return found;
}
