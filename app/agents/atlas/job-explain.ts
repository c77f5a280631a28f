import type { PlanSpec } from "../../contracts/generated/index.js";
import { formatUsd } from "../../format/money.js";
import { fargateTaskHourly } from "../pricing/index.js";
import type { Design } from "./design.js";
import { cents, num } from "./format.js";
import { JOB, type JobPlan } from "./job-sizing.js";

/** A scheduled job's capacity: how often it runs and how big each run is, in place of requests per second. */
export function jobCapacity(d: Design, j: JobPlan): PlanSpec["capacity"] {
  const billed = Math.max(JOB.minimumBilledMinutes, j.runMinutes);
  const size = j.sizeAssumed ? `(assumed: ${JOB.sizeReasoning})` : "(the goal's size)";
  const run = j.runAssumed ? `, assumed half the ${j.timeoutMinutes} min timeout` : " (workload.runMinutes)";
  const perRun = (fargateTaskHourly(d.ctx.region, j.arch, j.cpu, j.memoryMb / 1024)! * billed) / 60;
  return {
    model: "schedule-driven",
    peakRps: d.ctx.peakRps,
    avgRps: Number(d.ctx.avgRps.toFixed(4)),
    azCount: d.azCount,
    explanation: `${j.schedule.expression} in ${j.timezone}: ${j.schedule.words}. Each run is one task of ${j.cpu} vCPU / ${j.memoryMb} MiB ${size} for ${num(j.runMinutes)} min${run}; ${num(j.schedule.runsPerMonth)} runs × ${num(billed)} min = ${num(j.taskHours)} task-hours a month, about ${formatUsd(cents(perRun))} of Fargate time a run. traffic.peakRps (${num(d.ctx.peakRps)}) is read as the requests a run makes per second while it runs, for the bucket, database and log volumes; a job needs no autoscaling, so it sizes no tasks.`,
  };
}

/** What the SLO means for a job, and the retries that stand behind it. */
export function jobAvailabilityWords(j: JobPlan): string {
  const retries =
    j.retries === 0
      ? "A failed run is not retried."
      : `A failed attempt is retried ${j.retries} time${j.retries === 1 ? "" : "s"} (after 60 s, then twice as long each time) before the run counts as failed and the alarm fires.`;
  return `For a job, the SLO is the share of runs that start on time and succeed within their ${j.timeoutMinutes} min window: Scheduler must start the execution, Step Functions run it, and Fargate (pulling the image through the network) run the task. ${retries}`;
}
