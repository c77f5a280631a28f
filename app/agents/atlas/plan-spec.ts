import type { GoalRef } from "../../contracts/generated/design-blocked.js";
import type { PlanSpec } from "../../contracts/generated/index.js";
import type { Availability, AvailabilityLink, Backlog } from "../../contracts/generated/plan-spec.js";
import { composeSla, type Link } from "./availability.js";
import { backlogWords } from "./backlog.js";
import { PRICE_DATE, PRICE_SOURCE } from "../pricing/index.js";
import { availabilityArithmetic, taskArithmetic } from "./explain.js";
import { alternatives } from "./tradeoffs.js";
import { components, patternOf, risks } from "./catalog/index.js";
import { diagram } from "./diagram.js";
import { clusterCapacity } from "./cluster-plan.js";
import { jobAvailabilityWords, jobCapacity } from "./job-explain.js";
import { HEADROOM, TRAFFIC } from "./assumptions.js";
import { throughputDefaults } from "./capacity.js";
import { streamCapacityWords } from "./stream-explain.js";
import type { Design } from "./design.js";
import { floorPercent, num } from "./format.js";
import { planAssumptions } from "./plan-assumptions.js";
import { savings } from "./savings.js";
import { functionCapacity } from "./serverless-plan.js";
import type { Candidate } from "./search.js";
import { isFreeTier, totalWithoutFreeTier } from "./cost-line.js";

function capacity(d: Design): PlanSpec["capacity"] {
  const { ctx } = d;
  const s = d.service;
  if (d.cluster) return clusterCapacity(d, d.cluster);
  if (d.fn) return functionCapacity(d, d.fn);
  if (d.job) return jobCapacity(d, d.job);
  if (!s) {
    return {
      model: "cdn",
      peakRps: ctx.peakRps,
      avgRps: ctx.avgRps,
      explanation: `CloudFront absorbs ${num(ctx.peakRps)} rps at peak without sizing; the ${num(ctx.avgRps)} rps average${ctx.avgAssumed ? " (assumed: 10 % of peak)" : ""} drives the cost. ${TRAFFIC.reasoning}`,
    };
  }
  const reasoning = throughputDefaults(ctx).reasoning;
  return {
    model: patternOf(ctx.pattern).capacityModel,
    peakRps: ctx.peakRps,
    avgRps: ctx.avgRps,
    perTaskRps: s.plan.perTaskRps,
    headroom: s.plan.headroom,
    tasksForPeak: s.plan.tasksForPeak,
    azCount: d.azCount,
    minTasksPerAz: s.minTasksPerAz,
    minTasks: s.minCount,
    maxTasks: s.maxCount,
    explanation: `${d.stream ? `${streamCapacityWords(d.stream)} The consumer: ` : ""}${taskArithmetic(ctx, s, d.azCount)}. ${s.plan.perTaskAssumed ? reasoning : "Per-task throughput is the goal's own figure."} ${HEADROOM.reasoning}`,
  };
}

export interface PlanHeader {
  readonly id: string;
  readonly createdAt: string;
  readonly goalRef: GoalRef;
  readonly terraformDir: string;
}

function linkSpec(l: Link): AvailabilityLink {
  return {
    component: l.component,
    availability: Number(l.percent.toFixed(6)),
    sla: l.sla,
    source: l.source,
    basis: l.basis,
  };
}

/** The request path's designed availability beside its SLA figures, and for a worker the backlog bound. */
function availability(chosen: Candidate): Availability {
  const { ctx } = chosen.design;
  const b = chosen.backlog;
  const backlog: Backlog | undefined = b && {
    consumer: b.consumer.map(linkSpec),
    consumerAvailability: b.consumerPercent,
    outageMinutes: Number(b.outageMinutes.toFixed(1)),
    catchUpMinutes: Number(b.catchUpMinutes.toFixed(1)),
    boundMinutes: Number(b.boundMinutes.toFixed(1)),
    objectiveMinutes: Number(b.objectiveMinutes.toFixed(1)),
    objectiveAssumed: b.objectiveAssumed,
    retentionMinutes: b.retentionMinutes,
    explanation: backlogWords(b, chosen.design),
  };
  return {
    target: ctx.target,
    composite: chosen.composite,
    sla: floorPercent(composeSla(chosen.path)),
    path: chosen.path.map(linkSpec),
    ...(backlog ? { backlog } : {}),
    explanation: [
      chosen.design.job ? jobAvailabilityWords(chosen.design.job) : undefined,
      availabilityArithmetic(chosen.path, chosen.composite, ctx.target),
    ]
      .filter((w) => w !== undefined)
      .join(" "),
  };
}

/** Writes the PlanSpec for a chosen, priced design; `preferred` is the design before any relaxed retry. */
export function planSpec(
  header: PlanHeader,
  chosen: Candidate,
  preferred: Candidate,
  relaxations: readonly string[],
): PlanSpec {
  const d = chosen.design;
  const { ctx } = d;
  const { goal } = ctx;
  return {
    schemaVersion: "0.1",
    kind: "PlanSpec",
    id: header.id,
    createdAt: header.createdAt,
    goalRef: header.goalRef,
    name: goal.name,
    summary: goal.summary,
    cloud: "aws",
    region: ctx.region,
    environment: goal.environment,
    pattern: ctx.pattern,
    ...(goal.compliance ? { compliance: goal.compliance } : {}),
    ...(goal.owners ? { owners: goal.owners } : {}),
    tags: goal.tags ?? {},
    components: components(d),
    capacity: capacity(d),
    availability: availability(chosen),
    cost: {
      monthlyUsd: chosen.monthlyUsd,
      ...(chosen.lines.some(isFreeTier)
        ? { monthlyUsdWithoutFreeTier: totalWithoutFreeTier(chosen.lines) }
        : {}),
      budgetMonthlyUsd: ctx.budget,
      ratio: Number((chosen.monthlyUsd / ctx.budget).toFixed(4)),
      brakeRatio: ctx.brakeRatio,
      lines: chosen.lines.map((l) => ({ ...l })),
      priceSource: PRICE_SOURCE,
      priceDate: PRICE_DATE,
      confidence: "medium",
    },
    alternatives: alternatives(chosen),
    risks: risks(d),
    savings: savings(chosen),
    assumptions: planAssumptions(d, preferred.design),
    ...(relaxations.length > 0 ? { relaxations: [...relaxations] } : {}),
    diagram: { mermaid: diagram(d) },
    terraform: { dir: header.terraformDir },
  };
}
