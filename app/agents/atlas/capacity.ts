import { HEADROOM, THROUGHPUT } from "./assumptions.js";
import type { DesignContext } from "./context.js";
import { maxTaskCpuOf, maxTasksOf, taskCapWords } from "./caps.js";
import { FARGATE_SIZES } from "./instance-specs.js";
import { STREAM } from "./stream-sizing.js";

export type TaskCpu = 0.25 | 0.5 | 1 | 2 | 4;

/** A task size and how many tasks the traffic needs. */
export interface TaskPlan {
  readonly cpu: TaskCpu;
  readonly memoryMb: number;
  readonly perTaskRps: number;
  /** True when perTaskRps comes from Atlas's assumption, not the goal's load test. */
  readonly perTaskAssumed: boolean;
  readonly headroom: number;
  readonly tasksForPeak: number;
  readonly tasksForAvg: number;
  /** What changed from the goal's own figures, for the rationale. */
  readonly notes: readonly string[];
}

export type TaskPlanResult =
  | { readonly ok: true; readonly plan: TaskPlan }
  | { readonly ok: false; readonly tasksForPeak: number; readonly cpu: TaskCpu };

export function memoryFor(cpu: TaskCpu, wantedMb: number): number {
  const size = FARGATE_SIZES.find((s) => s.cpu === cpu)!;
  return Math.min(size.maxMb, Math.max(size.minMb, wantedMb));
}

export function smallestCpuFor(memoryMb: number): TaskCpu {
  return FARGATE_SIZES.find((s) => s.maxMb >= memoryMb)!.cpu;
}

export function headroomFor(ctx: DesignContext): number {
  const p95 = ctx.goal.slo.p95LatencyMs;
  return p95 !== undefined && p95 <= HEADROOM.tightLatencyMs && ctx.pattern === "web-api"
    ? HEADROOM.tight
    : HEADROOM.standard;
}

/** The per-task throughput and task size a pattern assumes when the goal gives none. */
export function throughputDefaults(ctx: DesignContext) {
  if (ctx.pattern === "worker") return THROUGHPUT.worker;
  return ctx.pattern === "stream-processor" ? STREAM.consumer : THROUGHPUT.webApi;
}

/**
 * Sizes the tasks: the goal's cpu and memory when given, else the pattern's default, grown (never past the
 * policy's maxTaskCpu) until the tasks for peak fit under the policy's maxTasks.
 */
export function planTasks(ctx: DesignContext): TaskPlanResult {
  const { workload } = ctx.goal;
  const defaults = throughputDefaults(ctx);
  const maxTaskCpu = maxTaskCpuOf(ctx);
  const maxTasks = maxTasksOf(ctx);
  const headroom = headroomFor(ctx);
  const notes: string[] = [];
  const fixedCpu = workload.cpu !== undefined || workload.perTaskRps !== undefined;
  let cpu: TaskCpu = (workload.cpu ??
    (workload.memoryMb !== undefined
      ? Math.max(smallestCpuFor(workload.memoryMb), defaults.defaultCpu)
      : defaults.defaultCpu)) as TaskCpu;
  if (!fixedCpu && cpu > maxTaskCpu) {
    cpu = [...FARGATE_SIZES].reverse().find((s) => s.cpu <= maxTaskCpu)?.cpu ?? 0.25;
  }
  for (;;) {
    const wantedMb = workload.memoryMb ?? Math.round((defaults.defaultMemoryMb / defaults.defaultCpu) * cpu);
    const memoryMb = memoryFor(cpu, wantedMb);
    const perTaskRps = workload.perTaskRps ?? defaults.rpsPerVcpu * cpu;
    const effective = perTaskRps * (1 - headroom);
    const tasksForPeak = Math.ceil(ctx.peakRps / effective);
    const tasksForAvg = Math.ceil(ctx.avgRps / effective);
    const bigger = FARGATE_SIZES.find((s) => s.cpu > cpu && s.cpu <= maxTaskCpu);
    if (tasksForPeak <= maxTasks || fixedCpu || !bigger) {
      if (tasksForPeak > maxTasks) return { ok: false, tasksForPeak, cpu };
      if (workload.memoryMb !== undefined && memoryMb !== workload.memoryMb) {
        notes.push(`memory set to ${memoryMb} MiB, the nearest Fargate allows for ${cpu} vCPU`);
      }
      return {
        ok: true,
        plan: {
          cpu,
          memoryMb,
          perTaskRps,
          perTaskAssumed: workload.perTaskRps === undefined,
          headroom,
          tasksForPeak,
          tasksForAvg,
          notes,
        },
      };
    }
    notes.push(`tasks grown from ${cpu} to ${bigger.cpu} vCPU to keep the peak ${taskCapWords(ctx)}`);
    cpu = bigger.cpu;
  }
}
