import type { CpuArchitecture } from "../pricing/index.js";
import { memoryFor, smallestCpuFor, type TaskCpu } from "./capacity.js";
import { maxTaskCpuOf } from "./caps.js";
import type { DesignContext } from "./context.js";
import { FARGATE_SIZES } from "./instance-specs.js";
import { parseSchedule, type Schedule } from "./schedule.js";

/** What Atlas assumes for a scheduled job where the goal does not say, each with its reasoning. */
export const JOB = {
  defaultCpu: 1,
  defaultMemoryMb: 2048,
  sizeReasoning:
    "A batch run (a report, an export, a sync) is usually bound by one thread and its memory: 1 vCPU and 2 GB fit most, and Fargate bills only the minutes a run takes.",
  defaultRetries: 2,
  retriesReasoning:
    "Two retries (60 s, then 120 s later) ride out a transient failure (a throttled API, a task that could not start) without hiding a job that keeps failing.",
  runShareOfTimeout: 0.5,
  runReasoning:
    "Without workload.runMinutes, a run is assumed to take half its timeout: timeouts are usually set at about twice the usual run time.",
  /** Fargate bills each task for at least a minute. */
  minimumBilledMinutes: 1,
  /** Image pulled through NAT per run: Fargate keeps no image cache between tasks. */
  imagePullGb: 0.5,
  imageReasoning:
    "Fargate pulls the image afresh for every run (it keeps no cache between tasks); a typical application image is about 0.5 GB compressed, and it comes through the NAT gateway.",
  /** Log lines a run writes per minute of run time. */
  logMbPerRunMinute: 0.5,
  logReasoning: "A batch run logs about 0.5 MB a minute (progress lines every second or so).",
  /** Step Functions state transitions per run: the Run task state and the execution's end. */
  transitionsPerRun: 2,
  transitionsReasoning:
    "The state machine has one Task state: a run that succeeds the first time is counted as 2 state transitions (entering Run and ending), each retry 1 more; the cost assumes runs succeed the first time.",
} as const;

/** A scheduled job's size and how often it runs. */
export interface JobPlan {
  readonly schedule: Schedule;
  readonly timezone: string;
  readonly cpu: TaskCpu;
  readonly memoryMb: number;
  readonly arch: CpuArchitecture;
  readonly timeoutMinutes: number;
  readonly runMinutes: number;
  readonly runAssumed: boolean;
  readonly retries: number;
  readonly retriesAssumed: boolean;
  /** Task size chosen by Atlas (the goal gives neither cpu nor memory). */
  readonly sizeAssumed: boolean;
  /** Fargate task-hours a month: runs × billed minutes ÷ 60. */
  readonly taskHours: number;
  readonly notes: readonly string[];
}

/** The goal's schedule, read; job-check.ts blocks a goal whose schedule does not parse before any design. */
export function scheduleOf(ctx: DesignContext): Schedule {
  const parsed = parseSchedule(ctx.goal.workload.schedule ?? "");
  if (!parsed.ok) throw new Error(`internal: workload.schedule past the job check: ${parsed.problem}`);
  return parsed.schedule;
}

/** Sizes a scheduled job: its task (the goal's, else 1 vCPU / 2 GB within the policy's cap) and its monthly runs. */
export function planJob(ctx: DesignContext, arch: CpuArchitecture): JobPlan {
  const w = ctx.goal.workload;
  const notes: string[] = [];
  let cpu = (w.cpu ??
    (w.memoryMb !== undefined
      ? Math.max(smallestCpuFor(w.memoryMb), JOB.defaultCpu)
      : JOB.defaultCpu)) as TaskCpu;
  const cap = maxTaskCpuOf(ctx);
  if (w.cpu === undefined && cpu > cap) {
    const fits = [...FARGATE_SIZES].reverse().find((s) => s.cpu <= cap)?.cpu ?? 0.25;
    notes.push(`${cpu} vCPU lowered to ${fits}, the policy's maxTaskCpu`);
    cpu = fits;
  }
  const wantedMb = w.memoryMb ?? Math.round((JOB.defaultMemoryMb / JOB.defaultCpu) * cpu);
  const memoryMb = memoryFor(cpu, wantedMb);
  if (w.memoryMb !== undefined && memoryMb !== w.memoryMb)
    notes.push(`memory set to ${memoryMb} MiB, the nearest Fargate allows for ${cpu} vCPU`);
  const timeoutMinutes = w.timeoutMinutes ?? 60;
  const runMinutes = w.runMinutes ?? timeoutMinutes * JOB.runShareOfTimeout;
  const schedule = scheduleOf(ctx);
  const billed = Math.max(JOB.minimumBilledMinutes, runMinutes);
  return {
    schedule,
    timezone: w.timezone ?? "UTC",
    cpu,
    memoryMb,
    arch,
    timeoutMinutes,
    runMinutes,
    runAssumed: w.runMinutes === undefined,
    retries: w.retries ?? JOB.defaultRetries,
    retriesAssumed: w.retries === undefined,
    sizeAssumed: w.cpu === undefined && w.memoryMb === undefined,
    taskHours: (schedule.runsPerMonth * billed) / 60,
    notes,
  };
}
