import type { Logger } from "../conductor/deps.js";
import { STATES, type State } from "../conductor/states.js";
import type { Store } from "../store/store.js";
import type { InfracrewMetrics } from "./metrics.js";

/** States whose PR holds a validated plan that is not applied yet: what "open plans" means for the budget ratio. */
const OPEN_PLAN: readonly State[] = ["BLOCKED", "READY_FOR_APPLY", "WAIT_FOR_APPROVE", "APPLYING"];

/**
 * Counts open goal PRs by state and reads the budget ratio of each open plan, from the store (the state of record:
 * no GitHub call). A closed PR is not in the queue. When the store fails, the gauges keep their last values.
 */
export async function reconcileQueue(
  metrics: InfracrewMetrics,
  store: Pick<Store, "prsInStates">,
): Promise<{ readonly prs: number; readonly ratios: number }> {
  const open = (await store.prsInStates(STATES)).filter((p) => !p.state.closed);
  const counts: Partial<Record<State, number>> = {};
  const ratios: { repo: string; stack: string; ratio: number }[] = [];
  for (const { repo, state } of open) {
    counts[state.state] = (counts[state.state] ?? 0) + 1;
    const ratio = state.validation?.figures?.ratio;
    if (OPEN_PLAN.includes(state.state) && ratio !== undefined && ratio !== null)
      ratios.push({ repo, stack: state.stack, ratio });
  }
  metrics.queueDepth(counts);
  metrics.budgetRatios(ratios);
  return { prs: open.length, ratios: ratios.length };
}

export interface ReconcilerOptions {
  readonly metrics: InfracrewMetrics;
  readonly store: Pick<Store, "prsInStates">;
  readonly log: Logger;
  /** How often to count (default 60 s). */
  readonly intervalMs?: number;
}

/**
 * Runs the reconcile now and then every interval, one round at a time. Each replica counts the same store; the
 * dashboard takes `max by (state)` over replicas.
 */
export function startQueueReconciler(options: ReconcilerOptions): {
  stop(): void;
  readonly done: Promise<void>;
} {
  let busy = false;
  let done = Promise.resolve();
  const tick = (): void => {
    if (busy) return; // a slow round is not stacked on
    busy = true;
    done = (async () => {
      try {
        const counted = await reconcileQueue(options.metrics, options.store);
        options.metrics.agentSucceeded("conductor");
        options.log.debug(counted, "queue reconciled");
      } catch (error) {
        options.log.error(
          { err: error instanceof Error ? error.message : String(error) },
          "queue reconcile failed; gauges keep their last values",
        );
      } finally {
        busy = false;
      }
    })();
  };
  tick();
  const timer = setInterval(tick, options.intervalMs ?? 60_000);
  timer.unref();
  return {
    stop: () => clearInterval(timer),
    get done() {
      return done;
    },
  };
}
