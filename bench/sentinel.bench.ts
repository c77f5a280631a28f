import { performance } from "node:perf_hooks";
import { resourceUsage } from "node:process";
import v8 from "node:v8";
import vm from "node:vm";
import { evaluate } from "../app/agents/sentinel/evaluate.js";
import { parseTerraformPlan, parseTrivy } from "../app/agents/sentinel/parsers/index.js";
import { readPolicy } from "../app/contracts/policy-intake.js";
import { readRepoFile } from "../test/support/repo-files.js";
import { testPlan, type TestChange } from "../test/support/sentinel-plan.js";
import { time, type BenchRow } from "./harness.js";

export const title = "Sentinel: evaluating a plan of 10,000 resource changes";

const COUNT = 10_000;

/** A stack's worth of resources, repeated: what each planned instance looks like in `terraform show -json`. */
export function change(i: number): TestChange {
  const tags = { Name: `svc-${i}`, service: `svc-${i % 50}` };
  const common = { tags, tags_all: { ...tags, team: "payments", env: "prod" }, id: null, arn: null };
  const kinds: TestChange[] = [
    {
      address: `aws_s3_bucket.data[${i}]`,
      after: { ...common, bucket: `data-${i}`, force_destroy: false, object_lock_enabled: false },
      afterUnknown: { id: true, arn: true, bucket_domain_name: true },
    },
    {
      address: `aws_security_group_rule.ingress[${i}]`,
      actions: ["update"],
      before: { from_port: 443, to_port: 443 },
      after: {
        type: "ingress",
        from_port: 443,
        to_port: 443,
        protocol: "tcp",
        cidr_blocks: ["10.0.0.0/16"],
        description: "https",
      },
    },
    {
      address: `aws_iam_role.task[${i}]`,
      after: {
        ...common,
        name: `task-${i}`,
        assume_role_policy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            { Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" },
          ],
        }),
        max_session_duration: 3600,
      },
    },
    {
      address: `aws_ecs_task_definition.app[${i}]`,
      after: {
        ...common,
        family: `app-${i}`,
        cpu: "512",
        memory: "1024",
        network_mode: "awsvpc",
        requires_compatibilities: ["FARGATE"],
        container_definitions: JSON.stringify([
          { name: "app", image: "public.ecr.aws/nginx/nginx:1.27", portMappings: [{ containerPort: 8080 }] },
        ]),
      },
    },
    {
      address: `aws_ecs_service.app[${i}]`,
      after: { ...common, name: `app-${i}`, launch_type: "FARGATE", desired_count: 2 },
      afterUnknown: { task_definition: true },
      references: { task_definition: [`aws_ecs_task_definition.app`] },
    },
    {
      address: `aws_db_instance.db[${i}]`,
      actions: ["no-op"],
      after: {
        ...common,
        engine: "postgres",
        instance_class: "db.t4g.medium",
        allocated_storage: 100,
        multi_az: true,
        storage_encrypted: true,
      },
    },
    { address: `aws_nat_gateway.nat[${i}]`, after: { ...common, connectivity_type: "public" } },
    {
      address: `aws_cloudwatch_log_group.logs[${i}]`,
      after: { ...common, name: `/ecs/app-${i}`, retention_in_days: 30 },
    },
  ];
  return kinds[i % kinds.length]!;
}

v8.setFlagsFromString("--expose-gc");
const collect = vm.runInNewContext("gc") as () => void;

/**
 * One run's time, for the first run in the process (what a single `infracrew check` pays, its code not yet
 * optimised), after a full collection, so that it does not pay for the garbage of the run before it.
 */
function once(fn: () => unknown): number {
  collect();
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function megabytes(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}

export async function run(): Promise<BenchRow[]> {
  const text = JSON.stringify(
    testPlan({ region: "eu-west-1", changes: Array.from({ length: COUNT }, (_, i) => change(i)) }),
  );
  const trivy = parseTrivy(readRepoFile("test/fixtures/trivy/config_terraform_no_failures.json"), {
    file: "trivy.json",
  });
  const policy = readPolicy("policy:\n  requiredTags: [team, env]\n  allowedRegions: [eu-west-1]\n");
  const strict = readPolicy("policy:\n  requiredTags: [cost-center]\n");
  if (!trivy.ok || !policy.ok || !strict.ok) throw new Error("the bench's inputs do not parse");
  const whole = (rules = policy.value) => {
    const plan = parseTerraformPlan(text, { file: "plan.json" });
    if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
    return evaluate({
      goalRef: { name: "bench-stack", hash: `sha256:${"0".repeat(64)}` },
      toolReports: [{ tool: "trivy", status: "ran", report: trivy.value }],
      plan: plan.value,
      policy: rules,
      budgetMonthlyUsd: 10_000_000,
      now: new Date("2026-11-27T12:00:00Z"),
    });
  };
  const firstBare = once(() => JSON.parse(text));
  const firstWhole = once(() => whole());
  const check = whole();
  if (check.verdict !== "PASS") throw new Error(`the generated plan should pass: ${check.reasons.join(" ")}`);
  const failing = whole(strict.value);
  const bare = (await time(() => JSON.parse(text), { runs: 30, warmup: 5 })).medianMs;
  const full = (await time(() => whole(), { runs: 30, warmup: 5 })).medianMs;
  const findings = (await time(() => whole(strict.value), { runs: 10, warmup: 2 })).medianMs;
  return [
    { name: "plan JSON size", value: megabytes(text.length), unit: "MiB" },
    { name: "bare JSON.parse, median of 30", value: bare, unit: "ms" },
    { name: "parse + policy + estimate + brake, median of 30", value: full, unit: "ms" },
    { name: "ratio to JSON.parse", value: full / bare, unit: "×", note: "target ≤ 2×" },
    { name: "first run in the process: JSON.parse", value: firstBare, unit: "ms" },
    {
      name: "first run in the process: the whole evaluation",
      value: firstWhole,
      unit: "ms",
      note: `${(firstWhole / firstBare).toFixed(2)}× JSON.parse`,
    },
    { name: "forecast of the plan", value: check.cost.monthlyUsd, unit: "USD/month" },
    {
      name: `failing with ${failing.findings.length.toLocaleString("en-US")} findings, median of 10`,
      value: findings,
      unit: "ms",
      note: `${(findings / bare).toFixed(2)}× JSON.parse`,
    },
    { name: "heap used after the runs", value: megabytes(process.memoryUsage().heapUsed), unit: "MiB" },
    {
      name: "peak RSS (resourceUsage maxRSS)",
      value: Math.round(resourceUsage().maxRSS / 1024),
      unit: "MiB",
    },
  ];
}
