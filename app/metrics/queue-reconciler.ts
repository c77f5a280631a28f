import type { Logger } from "../conductor/deps.js";
import type { PrState } from "../conductor/pr-state.js";
import type { State } from "../conductor/states.js";
import type { InfracrewMetrics } from "./metrics.js";

/** An open pull request carrying one Infracrew state label. */
export interface OpenGoalPr {
  /** owner/name */
  readonly repo: string;
  readonly number: number;
  readonly state: State;
}

/** One installation's goal PRs, as the reconcile reads them. */
export interface QueueSource {
  readonly name: string;
  openGoalPrs(): Promise<readonly OpenGoalPr[]>;
  /** The Conductor state in a PR's sticky comment. */
  prState(repo: string, number: number): Promise<PrState | undefined>;
}

/** Called for every open goal PR a round finds: the SLA clock ticks the ones applying or rolling back. */
export type Visit = (source: QueueSource, pr: OpenGoalPr) => Promise<void>;

/** States whose PR holds a validated plan that is not applied yet: what "open plans" means for the budget ratio. */
const OPEN_PLAN: ReadonlySet<State> = new Set(["BLOCKED", "READY_FOR_APPLY", "WAIT_FOR_APPROVE", "APPLYING"]);

/**
 * Counts open goal PRs by state across every installation and, when asked, reads the budget ratio of each open
 * plan from its sticky comment. All or nothing: when a source fails, the gauges keep their last values.
 */
export async function reconcileQueue(
  metrics: InfracrewMetrics,
  sources: AsyncIterable<QueueSource> | Iterable<QueueSource>,
  options: { readonly readRatios: boolean; readonly visit?: Visit },
): Promise<{ readonly prs: number; readonly ratios: number }> {
  const counts: Partial<Record<State, number>> = {};
  const ratios: { repo: string; stack: string; ratio: number }[] = [];
  let prs = 0;
  for await (const source of sources) {
    for (const pr of await source.openGoalPrs()) {
      prs += 1;
      counts[pr.state] = (counts[pr.state] ?? 0) + 1;
      if (options.visit) await options.visit(source, pr);
      if (!options.readRatios || !OPEN_PLAN.has(pr.state)) continue;
      const state = await source.prState(pr.repo, pr.number);
      const ratio = state?.validation?.figures?.ratio;
      if (state && ratio !== undefined && ratio !== null)
        ratios.push({ repo: pr.repo, stack: state.stack, ratio });
    }
  }
  metrics.queueDepth(counts);
  if (options.readRatios) metrics.budgetRatios(ratios);
  return { prs, ratios: ratios.length };
}

export interface ReconcilerOptions {
  readonly metrics: InfracrewMetrics;
  /** Every installation's source, fresh each round (tokens expire). */
  readonly sources: () => AsyncIterable<QueueSource> | Iterable<QueueSource>;
  readonly log: Logger;
  /** How often to count (default 60 s). */
  readonly intervalMs?: number;
  /** Read budget ratios every this many rounds (default 5): they cost one request per open plan. */
  readonly ratiosEvery?: number;
  /** Visits each open goal PR found (errors are the visitor's to handle). */
  readonly visit?: Visit;
}

/**
 * Runs the reconcile now and then every interval, one round at a time. Each replica counts for itself; the
 * dashboard takes `max by (state)` over replicas, which is the same truth read at slightly different times.
 */
export function startQueueReconciler(options: ReconcilerOptions): {
  stop(): void;
  readonly done: Promise<void>;
} {
  const every = options.ratiosEvery ?? 5;
  let round = 0;
  let busy = false;
  let done = Promise.resolve();
  const tick = (): void => {
    if (busy) return; // a slow round is not stacked on
    busy = true;
    const readRatios = round % every === 0;
    round += 1;
    done = (async () => {
      try {
        const counted = await reconcileQueue(options.metrics, options.sources(), {
          readRatios,
          ...(options.visit ? { visit: options.visit } : {}),
        });
        options.metrics.agentSucceeded("conductor");
        options.log.debug({ ...counted, readRatios }, "queue reconciled");
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
