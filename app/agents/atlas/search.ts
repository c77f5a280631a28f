import { compose, type Link } from "./availability.js";
import { backlogOf, meetsSlo, type Backlog } from "./backlog.js";
import { availabilityPath, costLines, patternOf } from "./catalog/index.js";
import { planTasks } from "./capacity.js";
import { planCluster } from "./cluster-sizing.js";
import { pickGpu } from "./gpu-sizing.js";
import type { Clash } from "./clash.js";
import type { DesignContext } from "./context.js";
import { totalOf, type CostLine } from "./cost-line.js";
import { cacheMemoryNeed, dbNeed, pickAuroraClass, pickCacheNode, pickRdsClass } from "./data-sizing.js";
import { buildDesign, type Design, type Sizing } from "./design.js";
import { cacheRelease, databaseRelease } from "./engines.js";
import { floorPercent } from "./format.js";
import { planFunction } from "./function-sizing.js";
import { planJob } from "./job-sizing.js";
import type { Profile } from "./profiles.js";
import { topologies, type DbTopology, type Topology } from "./topology.js";

/** A priced design with its availability. */
export interface Candidate {
  readonly design: Design;
  readonly lines: readonly CostLine[];
  readonly monthlyUsd: number;
  readonly path: readonly Link[];
  /** The request path's designed availability: percent, floored to 4 decimals. */
  readonly composite: number;
  /** A worker's queued jobs: how long they wait at worst while the consumer is down. */
  readonly backlog?: Backlog;
}

/** Why no design could be sized under the policy, before any SLO or budget question. */
export type SizingProblem =
  | { readonly kind: "tasks"; readonly tasksForPeak: number; readonly cpu: number }
  | { readonly kind: "engine"; readonly what: "database" | "cache" }
  | { readonly kind: "min-tasks"; readonly minTasks: number }
  /** The cluster or the GPU instances cannot be designed here (another region tried for a suggestion). */
  | { readonly kind: "clash"; readonly clash: Clash }
  | { readonly kind: "database"; readonly reason: "family" | "size"; readonly family?: string }
  | {
      readonly kind: "cache";
      readonly reason: "family" | "size";
      readonly dataGb: number;
      readonly family?: string;
    };

export type AttemptResult =
  | { readonly kind: "design"; readonly best: Candidate }
  | {
      readonly kind: "slo";
      readonly bestComposite: number;
      readonly mostAvailable: Candidate;
      /** The shortest worst-case wait of a queued job among the designs whose request path meets the target. */
      readonly bestBacklogMinutes?: number;
    }
  | { readonly kind: "sizing"; readonly problem: SizingProblem };

function size(ctx: DesignContext, profile: Profile): Sizing | SizingProblem {
  if (patternOf(ctx.pattern).nodes) {
    const planned = planCluster(ctx);
    if (!planned.ok) return { kind: "clash", clash: planned.clashes[0]! };
    return { cluster: planned.cluster };
  }
  let tasks;
  const job = patternOf(ctx.pattern).job ? planJob(ctx, profile.arch) : undefined;
  if (patternOf(ctx.pattern).compute && !job) {
    const planned = planTasks(ctx);
    if (!planned.ok) return { kind: "tasks", tasksForPeak: planned.tasksForPeak, cpu: planned.cpu };
    tasks = planned.plan;
  }
  let gpu;
  if (tasks && ctx.goal.workload.gpu) {
    const picked = pickGpu(ctx, tasks);
    if (!picked.ok) return { kind: "clash", clash: picked.clash };
    gpu = picked.gpu;
  }
  const compute = patternOf(ctx.pattern).compute;
  const fn = ctx.pattern === "serverless-api" ? planFunction(ctx) : undefined;
  const need = compute || fn ? dbNeed(ctx, profile) : undefined;
  let rds, aurora;
  if (need) {
    const r = pickRdsClass(ctx, profile, need);
    const a = pickAuroraClass(ctx, profile, need);
    if (!r.ok && !a.ok) {
      const family = r.reason === "family" ? r.family : a.reason === "family" ? a.family : undefined;
      return { kind: "database", reason: family ? "family" : "size", ...(family ? { family } : {}) };
    }
    rds = r.ok && databaseRelease(ctx, "rds", need.engine) ? r.choice : undefined;
    aurora = a.ok && databaseRelease(ctx, "aurora", need.engine) ? a.choice : undefined;
    if (!rds && !aurora && (r.ok || a.ok)) return { kind: "engine", what: "database" };
    if (ctx.globalDatabase && !aurora) {
      if (a.ok) return { kind: "engine", what: "database" };
      return { kind: "database", reason: a.reason, ...(a.reason === "family" ? { family: a.family } : {}) };
    }
  }
  const cacheDataGb = compute ? cacheMemoryNeed(ctx) : undefined;
  let cacheNode;
  if (cacheDataGb !== undefined && !cacheRelease(ctx)) return { kind: "engine", what: "cache" };
  if (cacheDataGb !== undefined) {
    const c = pickCacheNode(ctx, profile, cacheDataGb);
    if (!c.ok) {
      const dataGb = ctx.goal.data?.cache?.memoryGb ?? 1;
      return {
        kind: "cache",
        reason: c.reason,
        dataGb,
        ...(c.reason === "family" ? { family: c.family } : {}),
      };
    }
    cacheNode = c.choice;
  }
  const stream = ctx.pattern === "stream-processor" ? { stream: true as const } : {};
  return {
    tasks,
    fn,
    job,
    ...(gpu ? { gpu } : {}),
    ...stream,
    dbNeed: need,
    rds,
    aurora,
    cacheDataGb,
    cacheNode,
  };
}

function dbOptions(ctx: DesignContext, sizing: Sizing): DbTopology[] {
  if (!sizing.dbNeed) return [];
  return [
    ...(sizing.rds && !ctx.globalDatabase ? (["rds-single", "rds-multi"] as const) : []),
    ...(sizing.aurora ? (["aurora"] as const) : []),
  ];
}

/** Prices a design and works out its availability. */
export function evaluate(design: Design): Candidate {
  const lines = costLines(design);
  const path = availabilityPath(design);
  const backlog = backlogOf(design);
  return {
    design,
    lines,
    monthlyUsd: totalOf(lines),
    path,
    composite: floorPercent(compose(path)),
    ...(backlog ? { backlog } : {}),
  };
}

/**
 * One attempt: size under the profile, enumerate the topologies its floors allow, and keep the cheapest that
 * meets the SLO. Ties go to the first in enumeration order.
 */
export function attempt(ctx: DesignContext, profile: Profile): AttemptResult {
  const sizing = size(ctx, profile);
  if ("kind" in sizing) return { kind: "sizing", problem: sizing };
  const options = {
    hasCompute: patternOf(ctx.pattern).compute,
    nodes: patternOf(ctx.pattern).nodes === true,
    job: patternOf(ctx.pattern).job === true,
    db: dbOptions(ctx, sizing),
    cache: sizing.cacheNode !== undefined,
  };
  const candidates: Candidate[] = [];
  let minTasks = 0;
  for (const topology of topologies(ctx, profile, options)) {
    const built = buildDesign(ctx, profile, sizing, topology);
    if (built.ok) candidates.push(evaluate(built.design));
    else minTasks = Math.max(minTasks, built.minTasks);
  }
  if (candidates.length === 0) return { kind: "sizing", problem: { kind: "min-tasks", minTasks } };
  const byCost = [...candidates].sort((a, b) => a.monthlyUsd - b.monthlyUsd);
  const meeting = byCost.filter((c) => meetsSlo(c, ctx));
  if (meeting.length === 0) {
    const waits = candidates.flatMap((c) =>
      c.composite >= ctx.target && c.backlog ? [c.backlog.boundMinutes] : [],
    );
    return {
      kind: "slo",
      bestComposite: Math.max(...candidates.map((c) => c.composite)),
      ...(waits.length > 0 ? { bestBacklogMinutes: Math.min(...waits) } : {}),
      mostAvailable: [...candidates].sort(
        (a, b) =>
          b.composite - a.composite ||
          (a.backlog?.boundMinutes ?? 0) - (b.backlog?.boundMinutes ?? 0) ||
          a.monthlyUsd - b.monthlyUsd,
      )[0]!,
    };
  }
  return { kind: "design", best: meeting[0]! };
}

/** The same design with another topology, priced; undefined when the profile cannot size that topology. */
export function variant(design: Design, topology: Topology): Candidate | undefined {
  const sizing = size(design.ctx, design.profile);
  if ("kind" in sizing) return undefined;
  if (topology.db === "aurora" ? !sizing.aurora : topology.db !== undefined && !sizing.rds) return undefined;
  const built = buildDesign(design.ctx, design.profile, sizing, topology);
  return built.ok ? evaluate(built.design) : undefined;
}
