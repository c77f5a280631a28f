import type { CpuArchitecture } from "../pricing/index.js";
import { logRetentionDays } from "./assumptions.js";
import type { TaskPlan } from "./capacity.js";
import type { DesignContext } from "./context.js";
import type { ClassChoice, DbNeed } from "./data-sizing.js";
import type { FunctionPlan } from "./function-sizing.js";
import type { JobPlan } from "./job-sizing.js";
import { maxTasksOf } from "./caps.js";
import { sloTasksPerAz, type Profile } from "./profiles.js";
import type { Topology } from "./topology.js";
import type { ClusterDesign } from "./cluster-sizing.js";
import type { GpuChoice } from "./gpu-sizing.js";
import { planStream, type StreamPlan } from "./stream-plan.js";

export interface ServiceDesign {
  readonly id: "service" | "worker" | "consumer";
  readonly plan: TaskPlan;
  /** GPU tasks: one per EC2 instance of this type, instead of Fargate. */
  readonly gpu?: GpuChoice;
  readonly arch: CpuArchitecture;
  readonly minTasksPerAz: number;
  readonly minCount: number;
  readonly desiredCount: number;
  readonly maxCount: number;
}

export interface DatabaseDesign {
  readonly need: DbNeed;
  readonly flavor: "rds" | "aurora";
  readonly multiAz: boolean;
  readonly choice: ClassChoice;
  /** Aurora: writer plus readers; RDS: 1. */
  readonly instances: number;
}

export interface CacheDesign {
  readonly dataGb: number;
  readonly choice: ClassChoice;
  readonly nodes: number;
  readonly multiAz: boolean;
}

/** One complete design: the choices the PlanSpec is written from. */
export interface Design {
  readonly ctx: DesignContext;
  readonly profile: Profile;
  readonly topology: Topology;
  readonly azCount: number;
  readonly natGateways: number;
  readonly service?: ServiceDesign;
  readonly cluster?: ClusterDesign;
  /** A serverless API's Lambda function. */
  readonly fn?: FunctionPlan;
  /** A scheduled job: one task per run. */
  readonly job?: JobPlan;
  /** A stream-processor's stream (Kinesis or MSK Serverless), sized for the consumer's autoscaling maximum. */
  readonly stream?: StreamPlan;
  readonly database?: DatabaseDesign;
  readonly cache?: CacheDesign;
  readonly waf: boolean;
  /** The web API is reached from the VPC and the allowed ranges only (workload.exposure internal). */
  readonly internal: boolean;
  readonly logRetentionDays: 365 | 90 | 30;
  readonly buckets: readonly string[];
}

export interface Sizing {
  readonly tasks?: TaskPlan;
  readonly gpu?: GpuChoice;
  readonly cluster?: ClusterDesign;
  readonly fn?: FunctionPlan;
  readonly job?: JobPlan;
  /** The pattern reads a stream (a stream-processor). */
  readonly stream?: true;
  readonly dbNeed?: DbNeed;
  readonly rds?: ClassChoice;
  readonly aurora?: ClassChoice;
  readonly cacheDataGb?: number;
  readonly cacheNode?: ClassChoice;
}

export type DesignResult =
  { readonly ok: true; readonly design: Design } | { readonly ok: false; readonly minTasks: number };

function serviceDesign(
  ctx: DesignContext,
  profile: Profile,
  topology: Topology,
  plan: TaskPlan,
): ServiceDesign | number {
  const cap = maxTasksOf(ctx);
  const minTasksPerAz = topology.spread ? Math.max(profile.tasksPerAz, sloTasksPerAz(ctx.target)) : 0;
  const minCount = topology.spread ? profile.azCount * minTasksPerAz : 1;
  if (minCount > cap) return minCount;
  const desiredCount = Math.max(minCount, plan.tasksForAvg);
  const maxCount = Math.min(cap, Math.max(desiredCount, 2 * plan.tasksForPeak));
  return {
    id: ctx.pattern === "worker" ? "worker" : ctx.pattern === "stream-processor" ? "consumer" : "service",
    plan,
    arch: profile.arch,
    minTasksPerAz,
    minCount,
    desiredCount,
    maxCount,
  };
}

/** Puts a topology and the profile's sizes together into a design, or says the task cap is too low for it. */
export function buildDesign(
  ctx: DesignContext,
  profile: Profile,
  sizing: Sizing,
  topology: Topology,
): DesignResult {
  let service: ServiceDesign | undefined;
  if (sizing.tasks) {
    const built = serviceDesign(ctx, profile, topology, sizing.tasks);
    if (typeof built === "number") return { ok: false, minTasks: built };
    service = sizing.gpu ? { ...built, gpu: sizing.gpu } : built;
  }
  // A function reaching a database runs in the VPC's private subnets, in two AZs (a DB subnet group needs two).
  const azCount =
    sizing.tasks || sizing.cluster || sizing.job ? profile.azCount : sizing.fn && sizing.dbNeed ? 2 : 0;
  const internal = ctx.pattern === "web-api" && ctx.goal.workload.exposure === "internal";
  const natGateways = topology.nat === "none" ? 0 : topology.nat === "one" ? 1 : azCount;
  let database: DatabaseDesign | undefined;
  if (sizing.dbNeed && topology.db) {
    const aurora = topology.db === "aurora";
    database = {
      need: sizing.dbNeed,
      flavor: aurora ? "aurora" : "rds",
      multiAz: topology.db !== "rds-single",
      choice: (aurora ? sizing.aurora : sizing.rds)!,
      instances: aurora ? 2 : 1,
    };
  }
  let cache: CacheDesign | undefined;
  if (sizing.cacheNode && sizing.cacheDataGb !== undefined && topology.cache) {
    const multiAz = topology.cache === "multi";
    cache = { dataGb: sizing.cacheDataGb, choice: sizing.cacheNode, nodes: multiAz ? 2 : 1, multiAz };
  }
  return {
    ok: true,
    design: {
      ctx,
      profile,
      topology,
      azCount,
      natGateways,
      ...(service ? { service } : {}),
      ...(sizing.cluster ? { cluster: sizing.cluster } : {}),
      ...(sizing.fn ? { fn: sizing.fn } : {}),
      ...(sizing.job ? { job: sizing.job } : {}),
      ...(sizing.stream
        ? {
            stream: planStream(ctx, { max: service?.maxCount ?? 1 }),
          }
        : {}),
      ...(database ? { database } : {}),
      ...(cache ? { cache } : {}),
      waf:
        (ctx.pattern === "web-api" && ctx.compliance.includes("pci") && !internal) ||
        (ctx.pattern === "static-site" && (ctx.compliance.includes("pci") || profile.siteWaf)),
      internal,
      logRetentionDays: logRetentionDays(ctx.compliance, ctx.goal.environment),
      buckets: ctx.goal.data?.objectStorage?.buckets ?? [],
    },
  };
}
