import { composeSla, type Link } from "./availability.js";
import type { DesignContext, Pattern } from "./context.js";
import type { ServiceDesign } from "./design.js";
import { taskCapWords } from "./caps.js";
import { floorPercent, num, pct } from "./format.js";

const UNIT: Readonly<Record<Pattern, string>> = {
  "web-api": "rps",
  worker: "msg/s",
  "static-site": "rps",
  "serverless-api": "rps",
  "scheduled-job": "runs",
  "stream-processor": "events/s",
  kubernetes: "rps",
};

/** Why the autoscaling maximum is what it is. */
export function maxWords(s: ServiceDesign, ctx: DesignContext): string {
  const cap = ctx.policy.policy.sizeCaps.maxTasks;
  if (s.maxCount >= 2 * s.plan.tasksForPeak) return `room for twice the stated peak, ${taskCapWords(ctx)}`;
  const capped = cap === undefined ? "ECS's 5,000 tasks per service" : `the policy's maxTasks ${cap}`;
  return `capped by ${capped}, ${s.maxCount - s.plan.tasksForPeak} above the stated peak's need`;
}

/** "400 rps ÷ (100 rps per task × (1 − 0.3)) = 6 tasks at peak; …" */
export function taskArithmetic(ctx: DesignContext, s: ServiceDesign, azCount: number): string {
  const u = UNIT[ctx.pattern];
  const p = s.plan;
  const effective = num(p.perTaskRps * (1 - p.headroom));
  const perTask = `${num(p.perTaskRps)} ${u} per task${p.perTaskAssumed ? " (assumed)" : " (from the goal)"}`;
  const floor =
    s.minTasksPerAz > 0
      ? `at least ${s.minTasksPerAz} per AZ × ${azCount} AZs = ${s.minCount}`
      : `a single task (${s.minCount}) is enough for ${ctx.target} %`;
  return [
    `ceil(${num(ctx.peakRps)} ${u} ÷ (${perTask} × (1 − ${p.headroom}))) = ${p.tasksForPeak} tasks at peak (${effective} ${u} each)`,
    `the ${num(ctx.avgRps)} ${u} average${ctx.avgAssumed ? " (assumed)" : ""} needs ${p.tasksForAvg}`,
    floor,
    `so ${s.desiredCount} run normally and autoscaling spans ${s.minCount}–${s.maxCount} (${maxWords(s, ctx)})`,
  ].join("; ");
}

/** "99.99 % (load-balancer) × … = 99.92 % ≥ 99.9 %", and the SLA figures' product when redundancy lifts a link. */
/** A path's designed figures as a product: `99.95 % (api) × 99.95 % (handler)`. */
export function pathFactors(path: readonly Link[]): string {
  return path.map((l) => `${pct(l.percent)} (${l.component})`).join(" × ");
}

export function availabilityArithmetic(path: readonly Link[], composite: number, target: number): string {
  const factors = pathFactors(path);
  const lifted = path.filter((l) => l.percent !== l.sla);
  const sla = lifted.length
    ? ` On the SLA figures alone (${lifted.map((l) => `${l.component} ${pct(l.sla)}`).join(", ")}) the path is ${pct(floorPercent(composeSla(path)))}.`
    : "";
  return `${factors} = ${pct(composite)} ${composite >= target ? "≥" : "<"} ${target} % target.${sla}`;
}
