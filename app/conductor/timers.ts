import type { ResolvedOrgPolicy } from "../contracts/generated/org-policy.js";
import type { PrState } from "./pr-state.js";

/**
 * The clock's reasons to look at a pull request again: the apply's timeout, the two rollback SLA limits, and a
 * periodic look at the run the App waits on (webhooks get lost; a reconciler asks GitHub instead of guessing).
 */
export type TimerKind = "apply-timeout" | "rollback-begin" | "rollback-finish" | "reconcile";

export interface Timer {
  readonly kind: TimerKind;
  readonly dueAt: Date;
}

/** How often a run the App waits on is looked up when no webhook said it moved. */
export const RECONCILE_MINUTES = 5;

/** Limits are "more than N minutes": a timer fires one second past the limit, when the breach is already true. */
const after = (iso: string, minutes: number): Date => new Date(Date.parse(iso) + minutes * 60_000 + 1000);

/** The timers a state needs, derived from it alone: the store replaces a pull request's timers with these. */
export function timersFor(state: PrState, policy: ResolvedOrgPolicy, now: Date): Timer[] {
  const reconcile: Timer = { kind: "reconcile", dueAt: new Date(now.getTime() + RECONCILE_MINUTES * 60_000) };
  if (state.state === "APPLYING" && state.apply) {
    return [
      { kind: "apply-timeout", dueAt: after(state.apply.dispatchedAt, policy.apply.timeoutMinutes) },
      reconcile,
    ];
  }
  const rb = state.rollback;
  if (state.state === "ROLLBACK" && rb && !rb.finishedAt && rb.dispatchedAt) {
    const { beginWithinMinutes: begin, finishWithinMinutes: finish } = policy.rollback;
    return [
      ...(rb.startedAt || rb.breaches.includes("begin")
        ? []
        : [{ kind: "rollback-begin", dueAt: after(rb.triggeredAt, begin) } as const]),
      ...(rb.breaches.includes("finish")
        ? []
        : [{ kind: "rollback-finish", dueAt: after(rb.triggeredAt, finish) } as const]),
      reconcile,
    ];
  }
  return [];
}
