import { describe, expect, it } from "vitest";
import { designGoal } from "../../../../app/agents/atlas/index.js";
import { checkPlanSpecForRender, renderStack } from "../../../../app/agents/forge/index.js";
import { servicePrice, unitPrice } from "../../../../app/agents/pricing/index.js";
import { SCHEDULER, STEP_FUNCTIONS } from "../../../../app/agents/pricing/shape-prices.js";
import type { DesignBlocked, GoalStatement, PlanSpec } from "../../../../app/contracts/generated/index.js";
import type { Component } from "../../../../app/contracts/generated/plan-spec.js";
import { defaultPolicy } from "../../../../app/contracts/policy-intake.js";
import { validateArtifact } from "../../../../app/contracts/validator.js";

const now = new Date("2026-12-05T00:00:00Z");
const policy = defaultPolicy();

function job(
  workload: Partial<GoalStatement["workload"]>,
  extra: Partial<GoalStatement> = {},
): GoalStatement {
  return {
    schemaVersion: "0.1",
    kind: "GoalStatement",
    name: "orders-export",
    summary: "Exports the day's orders to S3",
    cloud: "aws",
    region: "us-east-1",
    environment: "dev",
    workload: {
      type: "scheduled-job",
      image: "ghcr.io/example/export:1.0.0",
      schedule: "cron(0 2 * * ? *)",
      timeoutMinutes: 60,
      ...workload,
    },
    traffic: { peakRps: 10 },
    slo: { availability: 99 },
    budget: { monthlyUsd: 500 },
    tags: { team: "data" },
    ...extra,
  };
}

function plan(goal: GoalStatement): PlanSpec {
  const outcome = designGoal(goal, policy, { now });
  if (outcome.kind !== "PlanSpec") throw new Error(JSON.stringify(outcome.value.reasons));
  expect(validateArtifact("PlanSpec", outcome.value).ok).toBe(true);
  return outcome.value;
}

function blocked(goal: GoalStatement): DesignBlocked {
  const outcome = designGoal(goal, policy, { now });
  if (outcome.kind !== "DesignBlocked") throw new Error(`${goal.name}: designed, not blocked`);
  return outcome.value;
}

function task(spec: PlanSpec): Extract<Component, { kind: "scheduled-task" }> {
  const c = spec.components.find((o) => o.kind === "scheduled-task");
  if (c?.kind !== "scheduled-task") throw new Error("no scheduled task");
  return c;
}

function line(spec: PlanSpec, component: string, item: string) {
  const found = spec.cost.lines.find((l) => l.component === component && l.item === item);
  if (!found) throw new Error(`no ${component} ${item} line`);
  return found;
}

const cents = (usd: number) => Math.round(usd * 100) / 100 || 0;
const usd = (key: Parameters<typeof unitPrice>[1]) => unitPrice("us-east-1", key)!.usd;

describe("a scheduled job sized at three levels: how often it runs and how big each run is", () => {
  it.each<[string, Partial<GoalStatement["workload"]>, number, number, number]>([
    ["low: nightly, 20 min on 1 vCPU / 2 GB", { runMinutes: 20, cpu: 1, memoryMb: 2048 }, 30.42, 10.14, 0.5],
    [
      "medium: hourly, 10 min on 2 vCPU / 4 GB",
      { schedule: "rate(1 hour)", runMinutes: 10, cpu: 2, memoryMb: 4096 },
      730,
      121.67,
      12.01,
    ],
    [
      "high: every 5 minutes, 3 min on 4 vCPU / 8 GB",
      { schedule: "rate(5 minutes)", timeoutMinutes: 4, runMinutes: 3, cpu: 4, memoryMb: 8192 },
      8760,
      438,
      86.5,
    ],
  ])("%s", (_name, workload, runs, taskHours, fargateUsd) => {
    const spec = plan(job(workload));
    const t = task(spec);
    expect(t.params).toMatchObject({
      runsPerMonth: runs,
      cpu: workload.cpu,
      memoryMb: workload.memoryMb,
      avgDurationMinutes: workload.runMinutes,
      cpuArchitecture: "X86_64",
      retries: 2,
    });
    expect(spec.capacity.model).toBe("schedule-driven");
    expect(spec.capacity.explanation).toContain(`${taskHours.toLocaleString("en-US")} task-hours a month`);

    const hourly =
      workload.cpu! * usd("fargate.vcpu-hour.x86_64") +
      (workload.memoryMb! / 1024) * usd("fargate.gb-hour.x86_64");
    expect(line(spec, "job", "tasks").monthlyUsd).toBe(fargateUsd);
    expect(fargateUsd).toBe(cents(((runs * workload.runMinutes!) / 60) * hourly));

    const natGb = Number((runs * 0.5).toFixed(1));
    expect(line(spec, "network", "nat-processing").monthlyUsd).toBe(cents(natGb * usd("nat.gb-processed")));

    const transition = servicePrice(STEP_FUNCTIONS, "us-east-1", "transitionsPerThousand")!.usd;
    const invocation = servicePrice(SCHEDULER, "us-east-1", "invocationsPerMillion")!.usd;
    expect(line(spec, "job", "workflow").monthlyUsd).toBe(cents(((runs * 2) / 1000) * transition));
    expect(line(spec, "job", "workflow-free-tier").monthlyUsd).toBe(
      cents(-(Math.min(runs * 2, 4000) / 1000) * transition),
    );
    expect(line(spec, "job", "schedule").monthlyUsd).toBe(cents((runs / 1e6) * invocation));
    expect(line(spec, "job", "alarms").monthlyUsd).toBe(0.2);
    expect(spec.cost.monthlyUsdWithoutFreeTier).toBe(
      cents(
        spec.cost.lines.filter((l) => !l.item?.endsWith("-free-tier")).reduce((s, l) => s + l.monthlyUsd, 0),
      ),
    );

    expect(checkPlanSpecForRender(spec)).toEqual([]);
    expect(renderStack(spec, { policy }).files.map((f) => f.path.split("/").pop())).toContain("job.tf");
  });

  it("prices the high level's free tiers: Step Functions' 4,000 transitions are used up, Scheduler's 14 M are not", () => {
    const spec = plan(job({ schedule: "rate(5 minutes)", timeoutMinutes: 4, runMinutes: 3 }));
    expect(line(spec, "job", "workflow").basis).toBe("17,520 state transitions (8,760 runs × 2) × $0.025/1k");
    expect(line(spec, "job", "workflow-free-tier")).toMatchObject({ monthlyUsd: -0.1 });
    expect(line(spec, "job", "schedule-free-tier").basis).toContain("−8,760 invocations × $1/M");
  });

  it("assumes half the timeout for a run, 2 retries, UTC and 1 vCPU / 2 GB when the goal does not say, and lists them", () => {
    const spec = plan(job({}));
    expect(task(spec).params).toMatchObject({
      avgDurationMinutes: 30,
      retries: 2,
      timezone: "UTC",
      cpu: 1,
      memoryMb: 2048,
    });
    expect((spec.assumptions ?? []).map((a) => [a.field, a.value])).toEqual(
      expect.arrayContaining([
        ["workload.runMinutes", "30 min"],
        ["workload.retries", "2"],
        ["workload.timezone", "UTC"],
        ["workload.cpu", "1 vCPU"],
        ["workload.memoryMb", "2048 MiB"],
        ["job.imagePullGb", "0.5 GB per run"],
      ]),
    );
  });

  it("pulls a private registry's image with workload.imagePullSecret, through the task execution role", () => {
    const secret = "arn:aws:secretsmanager:us-east-1:123456789012:secret:ghcr-pull-AbCdEf";
    const spec = plan(job({ imagePullSecret: secret }));
    expect(task(spec).params.repositoryCredentialsArn).toBe(secret);
    const tf = renderStack(spec, { policy }).files.find((f) => f.path.endsWith("/job.tf"))!.content;
    expect(tf).toContain(`credentialsParameter = "${secret}"`);
    expect(tf).toMatch(/task_exec_secret_arns\s+= \["arn:aws:secretsmanager/);
  });

  it("keeps a default task within the policy's maxTaskCpu", () => {
    const capped = { ...policy, policy: { ...policy.policy, sizeCaps: { maxTaskCpu: 0.5 } } };
    const outcome = designGoal(job({}), capped, { now });
    expect(outcome.kind === "PlanSpec" && task(outcome.value).params).toMatchObject({
      cpu: 0.5,
      memoryMb: 1024,
    });
  });
});

describe("a scheduled job's availability: the path Scheduler → Step Functions → Fargate, with retries", () => {
  it("composes the SLA figures with their sources, a single shared NAT gateway in dev", () => {
    const spec = plan(job({ runMinutes: 20 }));
    expect(spec.availability.path.map((l) => [l.component, l.availability, l.source])).toEqual([
      ["scheduler", 99.99, "https://aws.amazon.com/eventbridge/sla/"],
      ["workflow", 99.9, "https://aws.amazon.com/step-functions/sla/"],
      ["job", 99.99, "https://aws.amazon.com/compute/sla/"],
      ["network", 99.9, "https://aws.amazon.com/vpc/sla/"],
    ]);
    expect(spec.availability.composite).toBe(99.7801);
    expect(spec.availability.explanation).toContain("the share of runs that start on time and succeed");
    expect(spec.availability.explanation).toContain("retried 2 times");
  });

  it("a job without retries rests on one task in one AZ", () => {
    const spec = plan(job({ retries: 0 }));
    expect(spec.availability.path.find((l) => l.component === "job")).toMatchObject({ availability: 99.5 });
    expect(spec.availability.composite).toBe(99.2911);
  });

  it("a linked database joins the path", () => {
    const spec = plan(job({}, { data: { relational: { engine: "postgres", storageGb: 20 } } }));
    expect(spec.availability.path.map((l) => l.component)).toEqual([
      "scheduler",
      "workflow",
      "job",
      "network",
      "database",
    ]);
  });

  it("a 99.9 % SLO is out of reach: Step Functions' own SLA is 99.9 %", () => {
    const b = blocked(job({}, { slo: { availability: 99.9 } }));
    expect(b.reasons.map((r) => r.code)).toEqual(["slo-unreachable"]);
    expect(b.reasons[0]!.message).toContain("at most 99.8799 %");
  });
});

describe("a scheduled job Atlas cannot run as asked is blocked, naming the field", () => {
  it.each<[string, GoalStatement, string, string]>([
    [
      "a rate EventBridge Scheduler refuses",
      job({ schedule: "rate(1 minutes)" }),
      "workload.schedule",
      "say rate(1 minute)",
    ],
    [
      "a cron with both day fields",
      job({ schedule: "cron(0 2 * * MON *)" }),
      "workload.schedule",
      "exactly one of day-of-month and day-of-week must be ?",
    ],
    [
      "runs longer than their timeout",
      job({ runMinutes: 90, timeoutMinutes: 60 }),
      "workload.runMinutes",
      "every run would be stopped",
    ],
    [
      "a summary asking for a stream",
      job({}, { summary: "Nightly job that replays the Kinesis stream into S3" }),
      "workload.type",
      "workload.type stream-processor designs a stream and a Fargate consumer",
    ],
  ])("%s", (_name, goal, field, words) => {
    const b = blocked(goal);
    const reason = b.reasons.find((r) => r.field === field);
    expect(reason?.message).toContain(words);
    expect(b.suggestions.length).toBeGreaterThan(0);
  });
});

describe("the summary's schedule asks are what a scheduled job is", () => {
  it.each([
    "A nightly batch job that exports orders",
    "Cron job: runs every 15 minutes to sync the ledger",
    "Scheduled report at 2am, run with Step Functions",
    "Internal-only nightly export",
  ])("%s designs", (summary) => {
    expect(designGoal(job({}, { summary }), policy, { now }).kind).toBe("PlanSpec");
  });

  it("the same summary on a worker still blocks, naming workload.type (scheduled-job is the fix)", () => {
    const worker = job({}, { summary: "A nightly batch job that exports orders" });
    const { schedule: _s, timeoutMinutes: _t, ...rest } = worker.workload;
    const b = blocked({ ...worker, workload: { ...rest, type: "worker" } });
    expect(b.reasons.map((r) => r.field)).toContain("workload.type");
    expect(b.suggestions).toContainEqual(
      expect.objectContaining({ field: "workload.type", value: "scheduled-job" }),
    );
  });
});
