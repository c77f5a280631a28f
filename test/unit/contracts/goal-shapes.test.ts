import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { GoalStatement } from "../../../app/contracts/generated/index.js";
import { readGoal } from "../../../app/contracts/goal-intake.js";
import { parseGoalForm } from "../../../app/contracts/issue-form.js";
import { formatProblem } from "../../../app/contracts/problem.js";
import { goalFormBody } from "../../support/goal-form-body.js";

const base = {
  schemaVersion: "0.1",
  kind: "GoalStatement",
  cloud: "aws",
  summary: "A service",
  region: "eu-west-1",
  environment: "prod",
  traffic: { peakRps: 50 },
  slo: { availability: 99.9 },
  budget: { monthlyUsd: 2000 },
} as const;

const SHAPES: Record<string, GoalStatement> = {
  "serverless-api on a runtime with a table and a domain": {
    ...base,
    name: "orders-api",
    workload: {
      type: "serverless-api",
      runtime: "nodejs22.x",
      handler: "dist/index.handler",
      durationMs: 80,
      domain: "api.shop.example.com",
    },
    data: { keyValue: { engine: "dynamodb", storageGb: 25 } },
  },
  "serverless-api behind a JWT authorizer": {
    ...base,
    name: "orders-api",
    workload: {
      type: "serverless-api",
      runtime: "nodejs22.x",
      auth: { type: "jwt", issuer: "https://auth.shop.example.com/", audience: ["orders-api"] },
    },
  },
  "scheduled-job": {
    ...base,
    name: "nightly-report",
    workload: {
      type: "scheduled-job",
      image: "ghcr.io/acme/report:2.0.1",
      schedule: "cron(0 2 * * ? *)",
      timezone: "Europe/Berlin",
      timeoutMinutes: 60,
      runMinutes: 20,
      retries: 1,
    },
  },
  "stream-processor": {
    ...base,
    name: "clickstream",
    workload: { type: "stream-processor", image: "ghcr.io/acme/clicks:3.1.0" },
    data: { stream: { engine: "kinesis", retentionHours: 48, recordKb: 1.5, archive: true } },
  },
  kubernetes: {
    ...base,
    name: "platform-eks",
    workload: {
      type: "kubernetes",
      kubernetesVersion: "1.33",
      nodeGroups: [
        { name: "general", instanceTypes: ["m7i.large", "m7i.xlarge"], min: 2, max: 6 },
        { name: "batch", instanceTypes: ["c7g.2xlarge"], min: 0, max: 10 },
      ],
    },
  },
  "GPU web-api in two regions": {
    ...base,
    name: "vision-api",
    regions: ["eu-west-1", "eu-central-1"],
    workload: { type: "web-api", image: "ghcr.io/acme/vision:0.9.0", gpu: { type: "nvidia-a10g", count: 1 } },
  },
};

describe("the new shapes' goals", () => {
  it.each(Object.entries(SHAPES))("reads %s, and reads it back from the issue form", (_name, goal) => {
    expect(readGoal(JSON.stringify(goal))).toEqual({ ok: true, value: { source: "json", goal } });
    expect(readGoal(goalFormBody(goal))).toEqual({ ok: true, value: { source: "issue-form", goal } });
  });
});

function problems(goal: Record<string, unknown>): string[] {
  const read = readGoal(JSON.stringify(goal));
  return read.ok ? [] : read.problems.map(formatProblem);
}

describe("fields that do not fit the workload type are refused, naming the field", () => {
  const serverless = SHAPES["serverless-api on a runtime with a table and a domain"]!;
  const job = SHAPES["scheduled-job"]!;
  const web = { ...base, name: "web", workload: { type: "web-api", image: "nginx:1.27" } };
  it.each<[string, Record<string, unknown>, string]>([
    [
      "a schedule on a web-api",
      { ...web, workload: { ...web.workload, schedule: "rate(1 hour)" } },
      'workload.schedule: does not apply to a web-api workload, only to a scheduled-job (got "rate(1 hour)")',
    ],
    [
      "API authentication on a web-api",
      { ...web, workload: { ...web.workload, auth: { type: "iam" } } },
      "workload.auth: does not apply to a web-api workload, only to a serverless-api (got a mapping)",
    ],
    [
      "a JWT authorizer without its issuer",
      {
        ...serverless,
        workload: { ...serverless.workload, auth: { type: "jwt", audience: ["orders-api"] } },
      },
      "workload.auth.issuer: is required",
    ],
    [
      "an issuer on IAM authentication",
      {
        ...serverless,
        workload: { ...serverless.workload, auth: { type: "iam", issuer: "https://a.example.com/" } },
      },
      "workload.auth.issuer: applies to a jwt authorizer only (workload.auth.type is iam)",
    ],
    [
      "node groups on a worker",
      {
        ...web,
        workload: {
          type: "worker",
          image: "nginx:1.27",
          nodeGroups: [{ name: "a", instanceTypes: ["m7i.large"], min: 1, max: 2 }],
        },
      },
      "workload.nodeGroups: does not apply to a worker workload, only to a kubernetes (got a list of 1)",
    ],
    [
      "a handler without a runtime",
      {
        ...serverless,
        workload: {
          type: "serverless-api",
          image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/a:1",
          handler: "index.handler",
        },
      },
      "workload.handler: needs workload.runtime (an image has no handler)",
    ],
    [
      "a stream-processor without its stream",
      { ...web, workload: { type: "stream-processor", image: "nginx:1.27" } },
      "data.stream: a stream-processor needs its stream (kinesis or kafka)",
    ],
    [
      "an archive on a Kafka stream",
      {
        ...web,
        workload: { type: "stream-processor", image: "nginx:1.27" },
        data: { stream: { engine: "kafka", archive: true } },
      },
      "data.stream.archive: applies to a Kinesis stream only (Firehose reads Kinesis)",
    ],
    [
      "a stream on a web-api",
      { ...web, data: { stream: { engine: "kinesis" } } },
      "data.stream: does not apply to a web-api workload, only to a stream-processor",
    ],
    [
      "a cache behind Lambda",
      { ...serverless, data: { cache: { engine: "redis" } } },
      "data.cache: does not apply to a serverless-api workload, only to web-api, worker, scheduled-job or stream-processor",
    ],
    [
      "256 MiB for a container task",
      { ...web, workload: { ...web.workload, memoryMb: 256 } },
      "workload.memoryMb: must be 512 to 30720 MiB for a container task (got 256)",
    ],
    [
      "12 GiB for a Lambda function",
      { ...serverless, workload: { ...serverless.workload, memoryMb: 12288 } },
      "workload.memoryMb: must be 128 to 10240 MiB for a Lambda function (got 12288)",
    ],
    [
      "a node group whose min is above its max",
      {
        ...SHAPES.kubernetes,
        workload: {
          type: "kubernetes",
          nodeGroups: [{ name: "a", instanceTypes: ["m7i.large"], min: 5, max: 2 }],
        },
      },
      "workload.nodeGroups[0].min: must be ≤ max (2) (got 5)",
    ],
    [
      "two node groups of one name",
      {
        ...SHAPES.kubernetes,
        workload: {
          type: "kubernetes",
          nodeGroups: [
            { name: "a", instanceTypes: ["m7i.large"], min: 1, max: 2 },
            { name: "a", instanceTypes: ["m7i.large"], min: 1, max: 2 },
          ],
        },
      },
      'workload.nodeGroups[1].name: "a" names another node group already',
    ],
    [
      "regions that do not start with region",
      { ...web, regions: ["us-east-1", "eu-west-1"] },
      "regions: must start with region (eu-west-1), the primary (got us-east-1, eu-west-1)",
    ],
  ])("%s", (_name, goal, expected) => {
    expect(problems(goal)).toEqual([expected]);
  });

  it("requires what each new type cannot do without", () => {
    const { schedule: _s, timeoutMinutes: _t, ...noSchedule } = job.workload;
    expect(problems({ ...job, workload: noSchedule }).join("\n")).toMatch(/schedule/);
    expect(problems({ ...SHAPES.kubernetes, workload: { type: "kubernetes" } }).join("\n")).toMatch(
      /nodeGroups/,
    );
    expect(problems({ ...serverless, workload: { type: "serverless-api" } })).toEqual([
      "workload: must be given an image in Amazon ECR (workload.image) or given a Lambda runtime (workload.runtime) (got a mapping)",
    ]);
    expect(
      problems({
        ...serverless,
        workload: {
          type: "serverless-api",
          runtime: "nodejs22.x",
          image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/a:1",
        },
      }),
    ).toEqual(["workload: must be given an image or a runtime, not both (got a mapping)"]);
  });
});

function formAnswer(label: string, value: string): ReturnType<typeof parseGoalForm> {
  return parseGoalForm(`### Name\n\nx\n\n### ${label}\n\n${value}\n`);
}

describe("the issue form's composite answers", () => {
  it.each<[string, string, unknown]>([
    ["Stream", "kinesis", { stream: { engine: "kinesis" } }],
    [
      "Stream",
      "Kinesis, 2 days, 1.5 KB, archive to S3",
      { stream: { engine: "kinesis", retentionHours: 48, recordKb: 1.5, archive: true } },
    ],
    ["Stream", "kafka; 168 hours", { stream: { engine: "kafka", retentionHours: 168 } }],
    ["Key-value table", "dynamodb, 2.5 GB", { keyValue: { engine: "dynamodb", storageGb: 2.5 } }],
  ])("%s %j", (label, value, data) => {
    expect(formAnswer(label, value)).toEqual({ goal: { name: "x", data }, problems: [] });
  });

  it.each<[string, unknown]>([
    ["nvidia-a10g × 2", { type: "nvidia-a10g", count: 2 }],
    ["nvidia-l4, 1", { type: "nvidia-l4", count: 1 }],
    ["NVIDIA-T4", { type: "nvidia-t4", count: 1 }],
  ])("GPUs per task %j", (value, gpu) => {
    expect(formAnswer("GPUs per task", value).goal).toEqual({ name: "x", workload: { gpu } });
  });

  it.each<[string, unknown]>([
    ["none", { type: "none" }],
    ["IAM", { type: "iam" }],
    [
      "jwt https://auth.example.com/ orders-api, orders-admin",
      { type: "jwt", issuer: "https://auth.example.com/", audience: ["orders-api", "orders-admin"] },
    ],
  ])("API authentication %j", (value, auth) => {
    expect(formAnswer("API authentication", value)).toEqual({
      goal: { name: "x", workload: { auth } },
      problems: [],
    });
  });

  it("refuses an authentication answer it cannot read, and a jwt without its issuer or audience", () => {
    expect(formAnswer("API authentication", "oauth").problems.map((p) => p.path)).toEqual(["workload.auth"]);
    expect(
      formAnswer("API authentication", "jwt https://auth.example.com/").problems.map((p) => p.path),
    ).toEqual(["workload.auth"]);
  });

  it("reads node groups one per line, and names a line it cannot read", () => {
    expect(
      formAnswer("Node groups", "- general: m7i.large m7i.xlarge, 2-6\nbatch: c7g.2xlarge, 0 to 10").goal,
    ).toEqual({
      name: "x",
      workload: {
        nodeGroups: [
          { name: "general", instanceTypes: ["m7i.large", "m7i.xlarge"], min: 2, max: 6 },
          { name: "batch", instanceTypes: ["c7g.2xlarge"], min: 0, max: 10 },
        ],
      },
    });
    const bad = formAnswer("Node groups", "general m7i.large");
    expect(bad.problems.map((p) => p.message)).toEqual([
      'each line must be "name: instance types, min-max", e.g. "general: m7i.large m7i.xlarge, 2-6" (got "general m7i.large")',
    ]);
  });

  it("refuses a stream answer it cannot read rather than dropping a part", () => {
    expect(formAnswer("Stream", "kinesis, forever").problems.map((p) => p.path)).toEqual(["data.stream"]);
  });

  it("reads back every stream it writes", () => {
    const stream = fc.record(
      {
        engine: fc.constantFrom("kinesis", "kafka"),
        retentionHours: fc.integer({ min: 24, max: 8760 }),
        recordKb: fc.integer({ min: 1, max: 1000 }).map((n) => n / 4),
        archive: fc.constant(true),
      },
      { requiredKeys: ["engine"] },
    );
    fc.assert(
      fc.property(stream, (s) => {
        const goal = { ...SHAPES["stream-processor"]!, data: { stream: s } } as GoalStatement;
        const body = goalFormBody(goal);
        expect(parseGoalForm(body).goal.data).toEqual({ stream: s });
      }),
    );
  });
});
