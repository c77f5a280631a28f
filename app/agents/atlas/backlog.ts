/**
 * A worker's request path ends at the queue: a producer's job succeeds once SQS has it. The consumer (tasks, NAT,
 * data stores) is off that path; while it is down, jobs wait. Atlas bounds the wait from the consumer's own
 * availability: the monthly downtime it allows, taken as one outage at peak, plus the time the tasks at their
 * autoscaling maximum need to clear what piled up. The bound must fit the processing-latency objective (the goal's,
 * or the SLO's monthly error budget) and the queue's retention (a longer wait loses jobs).
 */
import { HOURS_PER_MONTH } from "../pricing/index.js";
import { compose, type Link } from "./availability.js";
import { QUEUE } from "./assumptions.js";
import { consumerPath } from "./catalog/index.js";
import type { DesignContext } from "./context.js";
import type { Design } from "./design.js";
import { floorPercent, num, pct } from "./format.js";
import { streamLoad } from "./stream-plan.js";

export interface Backlog {
  readonly consumer: readonly Link[];
  /** Percent, floored to 4 decimals. */
  readonly consumerPercent: number;
  readonly outageMinutes: number;
  readonly catchUpMinutes: number;
  readonly boundMinutes: number;
  readonly objectiveMinutes: number;
  /** The goal sets no slo.processingLatencyMinutes: the objective is the SLO's monthly error budget. */
  readonly objectiveAssumed: boolean;
  readonly retentionMinutes: number;
}

const MINUTES_PER_MONTH = HOURS_PER_MONTH * 60;
/** What waits and where, in words: a worker's jobs in its queue, or a stream consumer's events in its stream. */
export function backlogNouns(ctx: DesignContext) {
  return ctx.pattern === "stream-processor"
    ? { job: "event", a: "an event", queue: "stream", worker: "consumer", unit: "events/s" }
    : { job: "job", a: "a job", queue: "queue", worker: "worker", unit: "msg/s" };
}

/** How long an unprocessed message or event is kept: the queue's 4 days, or the stream's retention. */
export function retentionMinutes(ctx: DesignContext): number {
  return ctx.pattern === "stream-processor"
    ? streamLoad(ctx).retentionHours * 60
    : QUEUE.messageRetentionSeconds / 60;
}

/** Minutes a month a component at `percent` may be down. */
function downtimeMinutes(percent: number): number {
  return (1 - percent / 100) * MINUTES_PER_MONTH;
}

/** The goal's processing-latency objective, or the SLO's monthly error budget when it sets none. */
function objective(ctx: DesignContext): { minutes: number; assumed: boolean } {
  const asked = ctx.goal.slo.processingLatencyMinutes;
  return asked === undefined
    ? { minutes: downtimeMinutes(ctx.target), assumed: true }
    : { minutes: asked, assumed: false };
}

/** The longest wait the design may allow: the objective, and never past the queue's retention. */
export function backlogLimit(ctx: DesignContext): number {
  return Math.min(objective(ctx).minutes, retentionMinutes(ctx));
}

/** The worst wait of a queued job within the consumer's availability; undefined for a design with no queue. */
export function backlogOf(d: Design): Backlog | undefined {
  const consumer = consumerPath(d);
  if (consumer.length === 0 || !d.service) return undefined;
  const consumerPercent = floorPercent(compose(consumer));
  const outageMinutes = downtimeMinutes(consumerPercent);
  const arrival = d.ctx.peakRps;
  const capacity = d.service.maxCount * d.service.plan.perTaskRps;
  const catchUpMinutes = capacity > arrival ? (outageMinutes * arrival) / (capacity - arrival) : Infinity;
  const goal = objective(d.ctx);
  return {
    consumer,
    consumerPercent,
    outageMinutes,
    catchUpMinutes,
    boundMinutes: outageMinutes + catchUpMinutes,
    objectiveMinutes: goal.minutes,
    objectiveAssumed: goal.assumed,
    retentionMinutes: retentionMinutes(d.ctx),
  };
}

/** The design meets the SLO: its request path reaches the target, and a queued job's wait fits the limit. */
export function meetsSlo(
  c: { readonly composite: number; readonly backlog?: Backlog },
  ctx: DesignContext,
): boolean {
  return (
    c.composite >= ctx.target && (c.backlog === undefined || c.backlog.boundMinutes <= backlogLimit(ctx))
  );
}

/** "26.3 min", "3 h 39 min", "4 days" */
export function minutes(value: number): string {
  if (!Number.isFinite(value)) return "forever";
  if (value < 60) return `${num(value, 1)} min`;
  if (value < 48 * 60) return `${Math.floor(value / 60)} h ${Math.round(value % 60)} min`;
  return `${num(value / (24 * 60), 1)} days`;
}

/** The backlog bound in words, with its arithmetic. */
export function backlogWords(b: Backlog, d: Design): string {
  const s = d.service!;
  const factors = b.consumer.map((l) => `${pct(l.percent)} (${l.component})`).join(" × ");
  const objectiveWords = b.objectiveAssumed
    ? `the ${minutes(b.objectiveMinutes)} processing-latency objective (assumed: the ${d.ctx.target} % SLO's monthly error budget; slo.processingLatencyMinutes sets it)`
    : `the ${minutes(b.objectiveMinutes)} processing-latency objective (slo.processingLatencyMinutes)`;
  const within = b.boundMinutes <= Math.min(b.objectiveMinutes, b.retentionMinutes);
  const w = backlogNouns(d.ctx);
  return [
    `A producer's ${w.job} succeeds once the ${w.queue} has it; the ${w.worker} processes it off that path: ${factors} = ${pct(b.consumerPercent)}, which allows ${minutes(b.outageMinutes)} of downtime a month`,
    `taken as one outage at ${num(d.ctx.peakRps)} ${w.unit}, the backlog then clears in ${minutes(b.catchUpMinutes)} with ${s.maxCount} tasks × ${num(s.plan.perTaskRps)} ${w.unit}`,
    `so ${w.a} waits at most ${minutes(b.boundMinutes)}, ${within ? "within" : "over"} ${objectiveWords} and the ${w.queue}'s retention (${minutes(b.retentionMinutes)}).`,
  ].join("; ");
}
