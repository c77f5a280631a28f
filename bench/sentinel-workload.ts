import { evaluate } from "../app/agents/sentinel/evaluate.js";
import { parseTerraformPlan, parseTrivy } from "../app/agents/sentinel/parsers/index.js";
import type { ScanReport } from "../app/agents/sentinel/report.js";
import type { ResolvedOrgPolicy } from "../app/contracts/generated/org-policy.js";
import type { ValidationResult } from "../app/contracts/generated/validation-result.js";
import { readPolicy } from "../app/contracts/policy-intake.js";
import { readRepoFile } from "../test/support/repo-files.js";
import { testPlan, type TestChange } from "../test/support/sentinel-plan.js";

/** The org policy the generated plan meets, and one it breaks on every taggable resource. */
export const POLICIES = {
  met: "policy:\n  requiredTags: [team, env]\n  allowedRegions: [eu-west-1]\n",
  broken: "policy:\n  requiredTags: [cost-center]\n",
} as const;

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

/** A plan JSON of `count` resource changes on one aws provider in eu-west-1. */
export function planText(count: number): string {
  return JSON.stringify(
    testPlan({ region: "eu-west-1", changes: Array.from({ length: count }, (_, i) => change(i)) }),
  );
}

export interface Prepared {
  readonly trivy: ScanReport;
  readonly policy: ResolvedOrgPolicy;
}

/** What the evaluation needs besides the plan, read beforehand: it is not what is timed. */
export function prepare(policyYaml: string = POLICIES.met): Prepared {
  const trivy = parseTrivy(readRepoFile("test/fixtures/trivy/config_terraform_no_failures.json"), {
    file: "trivy.json",
  });
  const policy = readPolicy(policyYaml);
  if (!trivy.ok || !policy.ok) throw new Error("the bench's inputs do not parse");
  return { trivy: trivy.value, policy: policy.value };
}

/** Sentinel's whole evaluation of a plan's text, as `infracrew check` runs it: parse, policy, estimate, brake. */
export function evaluatePlan(text: string, prepared: Prepared): ValidationResult {
  const plan = parseTerraformPlan(text, { file: "plan.json" });
  if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
  return evaluate({
    goalRef: { name: "bench-stack", hash: `sha256:${"0".repeat(64)}` },
    toolReports: [{ tool: "trivy", status: "ran", report: prepared.trivy }],
    plan: plan.value,
    policy: prepared.policy,
    budgetMonthlyUsd: 10_000_000,
    now: new Date("2026-11-27T12:00:00Z"),
  });
}
