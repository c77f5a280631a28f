import { servicePrice } from "../../pricing/index.js";
import {
  CLOUDWATCH_ALARMS,
  SCHEDULER,
  SCHEDULER_FREE_INVOCATIONS,
  STEP_FUNCTIONS,
  STEP_FUNCTIONS_FREE_TRANSITIONS,
} from "../../pricing/shape-prices.js";
import { slaLink, type Link } from "../availability.js";
import { costLine, type CostLine } from "../cost-line.js";
import type { Design } from "../design.js";
import { num, price } from "../format.js";
import { JOB, type JobPlan } from "../job-sizing.js";
import { SLAS, type Sla } from "../sla.js";
import { unit, type CatalogEntry } from "./entry.js";
import { logParts } from "./log-cost.js";

/** The failure alarm and the not-started alarm Forge renders beside every scheduled task. */
const ALARMS = 2;

function jobOf(d: Design): JobPlan {
  if (!d.job) throw new Error("internal: a scheduled-task entry in a design without a job");
  return d.job;
}

function shapePrice(d: Design, found: { usd: number } | undefined, what: string): number {
  if (!found) throw new Error(`no price for ${what} in ${d.ctx.region}`);
  return found.usd;
}

/** GB of container logs a month: runs × minutes × the assumed log rate. */
export function jobLogGb(j: JobPlan): number {
  return Number(((j.schedule.runsPerMonth * j.runMinutes * JOB.logMbPerRunMinute) / 1000).toFixed(2));
}

function runCost(d: Design, j: JobPlan): CostLine {
  const arch = j.arch === "ARM64" ? "arm64" : "x86_64";
  const vcpu = unit(d.ctx, `fargate.vcpu-hour.${arch}`);
  const mem = unit(d.ctx, `fargate.gb-hour.${arch}`);
  const gb = j.memoryMb / 1024;
  const billed = Math.max(JOB.minimumBilledMinutes, j.runMinutes);
  return costLine("job", "tasks", [
    {
      usd: j.taskHours * (j.cpu * vcpu + gb * mem),
      text: `${num(j.schedule.runsPerMonth)} runs × ${num(billed)} min (${num(j.taskHours)} task-hours) × (${j.cpu} vCPU × ${price(vcpu)} + ${num(gb)} GB × ${price(mem)}) per h (${arch})`,
    },
  ]);
}

function workflowCost(d: Design, j: JobPlan): CostLine[] {
  const perThousand = shapePrice(
    d,
    servicePrice(STEP_FUNCTIONS, d.ctx.region, "transitionsPerThousand"),
    "Step Functions",
  );
  const transitions = j.schedule.runsPerMonth * JOB.transitionsPerRun;
  const free = Math.min(transitions, STEP_FUNCTIONS_FREE_TRANSITIONS);
  return [
    costLine("job", "workflow", [
      {
        usd: (transitions / 1000) * perThousand,
        text: `${num(transitions)} state transitions (${num(j.schedule.runsPerMonth)} runs × ${JOB.transitionsPerRun}) × ${price(perThousand)}/1k`,
      },
    ]),
    costLine("job", "workflow-free-tier", [
      {
        usd: -(free / 1000) * perThousand,
        text: `−${num(free)} state transitions × ${price(perThousand)}/1k (Step Functions' always-free ${num(STEP_FUNCTIONS_FREE_TRANSITIONS)} a month, once per account)`,
      },
    ]),
  ];
}

function scheduleCost(d: Design, j: JobPlan): CostLine[] {
  const perMillion = shapePrice(
    d,
    servicePrice(SCHEDULER, d.ctx.region, "invocationsPerMillion"),
    "EventBridge Scheduler",
  );
  const runs = j.schedule.runsPerMonth;
  const free = Math.min(runs, SCHEDULER_FREE_INVOCATIONS);
  return [
    costLine("job", "schedule", [
      {
        usd: (runs / 1e6) * perMillion,
        text: `${num(runs)} scheduled invocations × ${price(perMillion)}/M`,
      },
    ]),
    costLine("job", "schedule-free-tier", [
      {
        usd: -(free / 1e6) * perMillion,
        text: `−${num(free)} invocations × ${price(perMillion)}/M (EventBridge Scheduler's always-free ${num(SCHEDULER_FREE_INVOCATIONS / 1e6)} M a month, once per account)`,
      },
    ]),
  ];
}

function alarmCost(d: Design): CostLine {
  const alarm = shapePrice(d, servicePrice(CLOUDWATCH_ALARMS, d.ctx.region, "alarmMonth"), "alarms");
  return costLine("job", "alarms", [
    {
      usd: ALARMS * alarm,
      text: `${ALARMS} metric alarms (failed run, start not delivered) × ${price(alarm)}`,
    },
  ]);
}

/** The job's task on Fargate: run by Step Functions, started by EventBridge Scheduler, with its alarms. */
export const scheduledTask: CatalogEntry = {
  ids: (d) => (d.job ? ["job"] : []),
  component(d, id, earlier) {
    const j = jobOf(d);
    const { goal } = d.ctx;
    const arm = j.arch === "ARM64" ? " on Graviton (linux/arm64, as workload.architecture asks)" : "";
    const notes = j.notes.length ? ` Note: ${j.notes.join("; ")}.` : "";
    return {
      id,
      kind: "scheduled-task",
      params: {
        image: goal.workload.image!,
        schedule: j.schedule.expression,
        timezone: j.timezone,
        cpu: j.cpu,
        memoryMb: j.memoryMb,
        cpuArchitecture: j.arch,
        ...(goal.workload.imagePullSecret ? { repositoryCredentialsArn: goal.workload.imagePullSecret } : {}),
        timeoutMinutes: j.timeoutMinutes,
        retries: j.retries,
        logRetentionDays: d.logRetentionDays,
        runsPerMonth: Number(j.schedule.runsPerMonth.toFixed(2)),
        avgDurationMinutes: j.runMinutes,
      },
      dependsOn: [...earlier],
      rationale: `EventBridge Scheduler starts a Step Functions execution (${j.schedule.expression}, ${j.timezone}), which runs one ${j.cpu} vCPU / ${j.memoryMb} MiB Fargate task${arm} in the private subnets and waits for it: ${j.schedule.words}. A run still going after ${j.timeoutMinutes} min is stopped and counts as failed; ${j.retries === 0 ? "a failed run is not retried" : `a failed run is retried ${j.retries} time${j.retries === 1 ? "" : "s"} (60 s, then twice as long each time)`}. Fargate bills only the ${num(j.taskHours)} task-hours a month the runs take. An alarm fires on a failed run or a start Scheduler could not deliver (kept 14 days in a dead-letter queue).${notes}`,
    };
  },
  cost(d) {
    const j = jobOf(d);
    return [
      runCost(d, j),
      costLine("job", "logs", logParts(d.ctx, "container logs", jobLogGb(j), d.logRetentionDays)),
      ...workflowCost(d, j),
      ...scheduleCost(d, j),
      alarmCost(d),
    ];
  },
  link(d) {
    const j = jobOf(d);
    if (j.retries === 0) {
      return slaLink(
        "job",
        SLAS.fargateSingleTask,
        "one Fargate task per run and no retry: a run that fails with its task or its AZ is lost (Compute SLA, instance level)",
      );
    }
    return slaLink(
      "job",
      SLAS.fargateMultiAz,
      `RunTask places each run in the private subnets of ${d.azCount} AZs, and a failed attempt is retried (${j.retries} retr${j.retries === 1 ? "y" : "ies"}), landing in a healthy AZ (Compute SLA, region level)`,
    );
  },
  risks(d, id) {
    const j = jobOf(d);
    const overlap = j.runMinutes > j.schedule.minGapMinutes;
    return [
      {
        component: id,
        failure: `A run fails ${j.retries + 1} time${j.retries === 0 ? "" : "s"} (a bug, bad data, a dependency down) or times out after ${j.timeoutMinutes} min`,
        impact: "That run's work is not done until someone reruns it",
        mitigation:
          "The failure alarm notifies the owners (subscribe the team to the alarm topic); a rerun is one Step Functions StartExecution",
        residual: "Late results; a failing attempt bills up to its timeout each time it is retried",
        severity: "medium",
      },
      {
        component: id,
        failure: overlap
          ? `A run (${num(j.runMinutes)} min) outlasts the ${num(j.schedule.minGapMinutes)} min between starts`
          : "A run outlasts the time before the next start",
        impact: "Two runs overlap and may process the same data twice",
        mitigation: overlap
          ? "Make the job idempotent or lengthen the schedule; Scheduler starts each run regardless of the last"
          : `The ${j.timeoutMinutes} min timeout stops a stuck run; the job should still be idempotent`,
        residual: "Duplicate work until the job takes a lock or checks what is already done",
        severity: overlap ? "medium" : "low",
      },
    ];
  },
};

/** A service every run passes through that adds no component of its own (it renders as part of the job). */
function onPathOnly(component: string, sla: Sla, basis: string): CatalogEntry {
  return {
    ids: () => [],
    component: () => {
      throw new Error(`internal: ${component} has no component of its own`);
    },
    cost: () => [],
    link: (): Link => slaLink(component, sla, basis),
    risks: () => [],
  };
}

/** EventBridge Scheduler, which starts each run. */
export const scheduler = onPathOnly(
  "scheduler",
  SLAS.eventBridge,
  "EventBridge Scheduler starts each run (retrying for up to an hour)",
);

/** The Step Functions state machine that runs, waits for and retries each run. */
export const workflow = onPathOnly(
  "workflow",
  SLAS.stepFunctions,
  "a Standard state machine runs the task with ECS RunTask and waits for it",
);
