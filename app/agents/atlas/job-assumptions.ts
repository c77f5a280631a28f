import type { Assumption } from "../../contracts/generated/plan-spec.js";
import type { Design } from "./design.js";
import { num } from "./format.js";
import { JOB, type JobPlan } from "./job-sizing.js";
import { architectureAssumptions } from "./arch-assumption.js";

/** What a scheduled job's design assumed where the goal does not say. */
export function jobAssumptions(d: Design, j: JobPlan): Assumption[] {
  const w = d.ctx.goal.workload;
  const out: Assumption[] = [...architectureAssumptions(d)];
  if (w.cpu === undefined)
    out.push({
      field: "workload.cpu",
      value: `${j.cpu} vCPU`,
      why: `${JOB.sizeReasoning}${j.notes.length ? ` Note: ${j.notes.join("; ")}.` : ""}`,
    });
  if (w.memoryMb === undefined)
    out.push({ field: "workload.memoryMb", value: `${j.memoryMb} MiB`, why: JOB.sizeReasoning });
  if (j.runAssumed)
    out.push({ field: "workload.runMinutes", value: `${num(j.runMinutes)} min`, why: JOB.runReasoning });
  if (j.retriesAssumed)
    out.push({ field: "workload.retries", value: `${j.retries}`, why: JOB.retriesReasoning });
  if (w.timezone === undefined)
    out.push({
      field: "workload.timezone",
      value: "UTC",
      why: "The goal names no time zone; EventBridge Scheduler reads the cron expression in UTC unless told otherwise.",
    });
  if (d.ctx.avgAssumed)
    out.push({
      field: "traffic.avgRps",
      value: `${num(d.ctx.avgRps, 4)} requests/s`,
      why: `A job makes requests only while it runs: the ${num(d.ctx.peakRps)} requests/s peak × the ${num(j.taskHours)} of 730 hours a month its runs take. The average drives the bucket, database and log volumes.`,
    });
  out.push(
    { field: "job.imagePullGb", value: `${JOB.imagePullGb} GB per run`, why: JOB.imageReasoning },
    { field: "job.logMbPerRunMinute", value: `${JOB.logMbPerRunMinute} MB`, why: JOB.logReasoning },
    {
      field: "job.stateTransitionsPerRun",
      value: `${JOB.transitionsPerRun}`,
      why: JOB.transitionsReasoning,
    },
  );
  return out;
}
