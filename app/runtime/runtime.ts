import type { Logger } from "../conductor/deps.js";
import type { Delivery, EffectRow, Store, TimerRow } from "../store/store.js";
import { EFFECT_LEASE_MS } from "./drain-effects.js";
import { describeError, retryAt } from "./retry-policy.js";

export interface RuntimeOptions {
  readonly store: Store;
  /** This replica's name in claims. */
  readonly worker: string;
  readonly clock: () => Date;
  readonly log: Logger;
  /** Handles one delivery and answers what was done; throws for a failure (retried when transient). */
  readonly handleDelivery: (delivery: Delivery) => Promise<string>;
  /** Carries out an effect the outbox kept (a retry, or one a dead replica left); answers whether it was done. */
  readonly handleEffect: (effect: EffectRow) => Promise<boolean>;
  /** Handles the due timers of one pull request (`kinds`: which are due). */
  readonly handleTimer: (timer: TimerRow, kinds: readonly TimerRow["kind"][]) => Promise<string>;
  /** How often an idle worker looks for deliveries another replica stored (default 1 s). */
  readonly pollMs?: number;
  /** How often due timers and kept effects are looked for (default 15 s). */
  readonly sweepMs?: number;
  /** Deliveries handled at once by this replica (default 4). */
  readonly concurrency?: number;
  /**
   * How long a claim (on a delivery, a kept effect, a timer) holds before another replica may take it over: the
   * longest a crashed replica's work waits (default 10 minutes for deliveries and timers, 2 for effects).
   */
  readonly claimMs?: number;
}

export interface Runtime {
  /** A delivery was stored by this replica: one idle worker takes it at once (waking all would race for it). */
  wake(): void;
  /** Handles every due delivery, then every due effect the outbox kept, and returns: for tests and tools. */
  drain(): Promise<{ readonly deliveries: number; readonly effects: number }>;
  /** Fires the due timers once; answers for how many pull requests. */
  fireTimers(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

const TIMER_LEASE_MS = 5 * 60_000;
const TIMERS_PER_ROUND = 20;

/**
 * The durable work loop of one replica: deliveries from the store's queue (claimed with SKIP LOCKED, so replicas
 * never share one; a failed one is retried with backoff, a crashed worker's claim expires and another takes it),
 * effects the outbox kept, and due timers (each claimed by one replica).
 */
export function createRuntime(options: RuntimeOptions): Runtime {
  const { store, worker, clock, log } = options;
  const leaseMs = options.claimMs ?? 10 * 60_000;
  const effectLeaseMs = options.claimMs ?? EFFECT_LEASE_MS;
  const timerLeaseMs = options.claimMs ?? TIMER_LEASE_MS;
  let running = false;
  const sleepers = new Set<() => void>();
  const loops: Promise<void>[] = [];
  let sweepTimer: ReturnType<typeof setInterval> | undefined;

  async function handle(delivery: Delivery): Promise<void> {
    const details = {
      delivery: delivery.id,
      event: `${delivery.name}.${delivery.action ?? ""}`,
      repo: delivery.repo,
    };
    try {
      const outcome = await options.handleDelivery(delivery);
      await store.finishDelivery(delivery.id, worker, outcome, clock());
      log.info({ ...details, outcome, attempt: delivery.attempts }, "handled");
    } catch (error) {
      const again = retryAt(clock(), delivery.attempts, error);
      await store.retryDelivery(delivery.id, worker, describeError(error), again);
      if (again)
        log.warn(
          { ...details, err: describeError(error), retryAt: again.toISOString() },
          "delivery failed; retried",
        );
      else
        log.error(
          { ...details, err: error, attempt: delivery.attempts },
          "internal error handling a webhook; given up",
        );
    }
  }

  async function handleOne(): Promise<boolean> {
    const [delivery] = await store.claimDeliveries(worker, clock(), leaseMs, 1);
    if (delivery) await handle(delivery);
    return delivery !== undefined;
  }

  async function keptEffects(): Promise<number> {
    let done = 0;
    for (;;) {
      const effect = await store.claimEffect(worker, clock(), effectLeaseMs);
      if (!effect) return done;
      if (await options.handleEffect(effect)) done++;
    }
  }

  /** Fires the due timers, once per pull request however many of its timers are due: one look serves all. */
  async function fireTimers(): Promise<number> {
    const due = await store.claimTimers(worker, clock(), timerLeaseMs, TIMERS_PER_ROUND);
    const byPr = new Map<string, TimerRow[]>();
    for (const timer of due) {
      const key = `${timer.repo}#${timer.pr}`;
      byPr.set(key, [...(byPr.get(key) ?? []), timer]);
    }
    for (const timers of byPr.values()) {
      const first = timers[0]!;
      const details = { repo: first.repo, pr: first.pr, timers: timers.map((t) => t.kind) };
      try {
        const outcome = await options.handleTimer(
          first,
          timers.map((t) => t.kind),
        );
        log.info({ ...details, outcome }, "timers fired");
        for (const timer of timers) await store.finishTimer(timer, worker);
      } catch (error) {
        log.error({ ...details, err: describeError(error) }, "timer failed; it fires again");
      }
    }
    return byPr.size;
  }

  /** Set when a wake finds no sleeper (the loop was busy claiming): its next idle returns at once. */
  let woken = false;

  function idle(ms: number): Promise<void> {
    if (woken) {
      woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      }
      sleepers.add(done);
    });
  }

  const wakeAll = () => {
    for (const wake of [...sleepers]) wake();
  };
  const wakeOne = () => {
    const [first] = sleepers;
    if (first) first();
    else woken = true;
  };

  /**
   * Keeps up to `concurrency` deliveries in hand: claims as many as there are free hands in one statement, and
   * claims again when one is done or a new one is stored.
   */
  async function loop(): Promise<void> {
    const concurrency = options.concurrency ?? 4;
    const inHand = new Set<Promise<void>>();
    let full = false;
    while (running) {
      try {
        const free = concurrency - inHand.size;
        const claimed = free > 0 ? await store.claimDeliveries(worker, clock(), leaseMs, free) : [];
        for (const delivery of claimed) {
          const handling: Promise<void> = handle(delivery)
            .catch((error: unknown) =>
              log.error({ delivery: delivery.id, err: describeError(error) }, "the delivery queue failed"),
            )
            .finally(() => {
              inHand.delete(handling);
              if (full) wakeOne();
            });
          inHand.add(handling);
        }
        full = inHand.size === concurrency;
        // Fewer than asked for: the queue is empty until a new delivery wakes the loop.
        if (claimed.length < free || full) await idle(options.pollMs ?? 1000);
        full = false;
      } catch (error) {
        log.error({ err: describeError(error) }, "the delivery queue failed; trying again");
        await idle(options.pollMs ?? 1000);
      }
    }
    await Promise.all(inHand);
  }

  return {
    wake: wakeOne,
    async drain() {
      let deliveries = 0;
      while (await handleOne()) deliveries++;
      return { deliveries, effects: await keptEffects() };
    },
    fireTimers,
    start() {
      if (running) return;
      running = true;
      loops.push(loop());
      sweepTimer = setInterval(() => {
        void (async () => {
          try {
            await fireTimers();
            await keptEffects();
          } catch (error) {
            log.error({ err: describeError(error) }, "the timer and outbox sweep failed");
          }
        })();
      }, options.sweepMs ?? 15_000);
      sweepTimer.unref();
    },
    async stop() {
      running = false;
      clearInterval(sweepTimer);
      wakeAll();
      await Promise.all(loops.splice(0));
    },
  };
}
