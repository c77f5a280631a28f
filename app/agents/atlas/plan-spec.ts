import type { GoalRef } from "../../contracts/generated/design-blocked.js";
import type { PlanSpec } from "../../contracts/generated/index.js";
import { PRICE_DATE, PRICE_SOURCE } from "../pricing/index.js";
import { availabilityArithmetic, taskArithmetic } from "./explain.js";
import { alternatives } from "./tradeoffs.js";
import { components, PATTERNS, risks } from "./catalog/index.js";
import { diagram } from "./diagram.js";
import { HEADROOM, THROUGHPUT, TRAFFIC } from "./assumptions.js";
import type { Design } from "./design.js";
import { num } from "./format.js";
import { savings } from "./savings.js";
import type { Candidate } from "./search.js";
import { totalWithoutFreeTier } from "./cost-line.js";

function capacity(d: Design): PlanSpec["capacity"] {
  const { ctx } = d;
  const s = d.service;
  if (!s) {
    return {
      model: "cdn",
      peakRps: ctx.peakRps,
      avgRps: ctx.avgRps,
      explanation: `CloudFront absorbs ${num(ctx.peakRps)} rps at peak without sizing; the ${num(ctx.avgRps)} rps average${ctx.avgAssumed ? " (assumed: 10 % of peak)" : ""} drives the cost. ${TRAFFIC.reasoning}`,
    };
  }
  const reasoning = ctx.pattern === "worker" ? THROUGHPUT.worker.reasoning : THROUGHPUT.webApi.reasoning;
  return {
    model: PATTERNS[ctx.pattern].capacityModel,
    peakRps: ctx.peakRps,
    avgRps: ctx.avgRps,
    perTaskRps: s.plan.perTaskRps,
    headroom: s.plan.headroom,
    tasksForPeak: s.plan.tasksForPeak,
    azCount: d.azCount,
    minTasksPerAz: s.minTasksPerAz,
    minTasks: s.minCount,
    maxTasks: s.maxCount,
    explanation: `${taskArithmetic(ctx, s, d.azCount)}. ${s.plan.perTaskAssumed ? reasoning : "Per-task throughput is the goal's own figure."} ${HEADROOM.reasoning}`,
  };
}

export interface PlanHeader {
  readonly id: string;
  readonly createdAt: string;
  readonly goalRef: GoalRef;
  readonly terraformDir: string;
}

/** Writes the PlanSpec for a chosen, priced design. */
export function planSpec(header: PlanHeader, chosen: Candidate, relaxations: readonly string[]): PlanSpec {
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
    availability: {
      target: ctx.target,
      composite: chosen.composite,
      path: chosen.path.map((l) => ({
        component: l.component,
        availability: Number(l.percent.toFixed(6)),
        source: l.source,
        basis: l.basis,
      })),
      explanation: availabilityArithmetic(chosen.path, chosen.composite, ctx.target),
    },
    cost: {
      monthlyUsd: chosen.monthlyUsd,
      ...(chosen.lines.some((l) => l.item === "cdn-free-tier")
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
    ...(relaxations.length > 0 ? { relaxations: [...relaxations] } : {}),
    diagram: { mermaid: diagram(d) },
    terraform: { dir: header.terraformDir },
  };
}
