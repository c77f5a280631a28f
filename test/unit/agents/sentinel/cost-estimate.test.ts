import { describe, expect, it } from "vitest";
import { estimateCost } from "../../../../app/agents/sentinel/cost/estimate.js";
import { parseTerraformPlan } from "../../../../app/agents/sentinel/parsers/index.js";
import { fixture, parsedValue } from "../../../support/sentinel-fixtures.js";
import { testPlan, type TestPlan } from "../../../support/sentinel-plan.js";

function estimate(plan: TestPlan | string) {
  const text = typeof plan === "string" ? plan : JSON.stringify(testPlan(plan));
  return estimateCost(parsedValue(parseTerraformPlan(text, { file: "plan.json" })));
}

const STACK: TestPlan = {
  region: "eu-west-1",
  changes: [
    {
      address: "aws_db_instance.main",
      after: { engine: "postgres", instance_class: "db.t4g.micro", multi_az: true, allocated_storage: 100 },
    },
    {
      address: "aws_rds_cluster_instance.aurora",
      after: { engine: "aurora-postgresql", instance_class: "db.r6g.large" },
    },
    {
      address: "aws_elasticache_replication_group.cache",
      after: { node_type: "cache.t4g.small", num_cache_clusters: 2 },
    },
    { address: "aws_nat_gateway.nat", after: { connectivity_type: "public" } },
    { address: "aws_eip.nat", after: { domain: "vpc" } },
    {
      address: "aws_lb.web",
      after: { load_balancer_type: "application", internal: false, subnets: ["a", "b"] },
    },
    { address: "aws_ecs_task_definition.app", after: { cpu: "512", memory: "1024" } },
    {
      address: "aws_ecs_service.app",
      after: { launch_type: "FARGATE", desired_count: 2 },
      afterUnknown: { task_definition: true },
      references: { task_definition: ["aws_ecs_task_definition.app.arn", "aws_ecs_task_definition.app"] },
    },
    { address: "aws_kms_key.data", actions: ["no-op"], after: {} },
    { address: "aws_secretsmanager_secret.db", after: {} },
    { address: "aws_nat_gateway.old", actions: ["delete"], after: null, before: {} },
    { address: "aws_vpc.main", after: {} },
    { address: "aws_iam_role.task", after: {} },
    { address: "aws_s3_bucket_versioning.v", after: {} },
    { address: "aws_s3_bucket.data", after: {} },
    { address: "aws_sqs_queue.jobs", after: {} },
    { address: "aws_instance.bastion", after: { instance_type: "t3.micro" } },
    { address: "aws_db_instance.oracle", after: { engine: "oracle-se2", instance_class: "db.m6g.large" } },
    { address: "aws_ecs_service.ec2", after: { launch_type: "EC2", desired_count: 1 } },
    { address: "aws_lb.nlb", after: { load_balancer_type: "network" } },
    { address: "aws_vpc_endpoint.s3", after: { vpc_endpoint_type: "Gateway" } },
    { address: "aws_vpc_endpoint.ecr", after: { vpc_endpoint_type: "Interface" } },
  ],
};

describe("the offline cost estimate (Atlas's price table, eu-west-1, 730 hours)", () => {
  const result = estimate(STACK);

  it("prices each resource it can, line by line, with its basis", () => {
    expect(result.lines.map((l) => [l.address, Math.round(l.monthlyUsd * 10000) / 10000, l.basis])).toEqual([
      ["aws_db_instance.main", 51.68, "db.t4g.micro Multi-AZ × 730 h × $0.036 + 100 GB × $0.254"],
      [
        "aws_rds_cluster_instance.aurora",
        209.51,
        "db.r6g.large Aurora × 730 h × $0.287; storage and I/O by usage",
      ],
      ["aws_elasticache_replication_group.cache", 49.64, "2 × cache.t4g.small × 730 h × $0.034"],
      ["aws_nat_gateway.nat", 35.04, "NAT gateway × 730 h × $0.048"],
      ["aws_eip.nat", 3.65, "public IPv4 × 730 h × $0.005"],
      ["aws_lb.web", 25.696, "ALB × 730 h × $0.0252 + 2 × public IPv4 × 730 h × $0.005; LCUs by usage"],
      ["aws_ecs_service.app", 36.0401, "2 tasks × 730 h × (0.5 vCPU + 1 GB, X86_64) at $0.024685/h"],
      ["aws_kms_key.data", 1, "KMS key × $1"],
      ["aws_secretsmanager_secret.db", 0.4, "secret × $0.4"],
      ["aws_vpc_endpoint.s3", 0, "a gateway endpoint has no hourly or per-GB charge"],
    ]);
  });

  it("totals $412.66 a month: 51.68 + 209.51 + 49.64 + 35.04 + 3.65 + 25.696 + 36.0401 + 1 + 0.4", () => {
    expect(result.monthlyUsd).toBe(412.66);
  });

  it("names what it could not price, and why; lists what is billed only by use", () => {
    expect(result.unpriced).toEqual([
      { address: "aws_instance.bastion", why: "the offline price table has no price for this type" },
      { address: "aws_db_instance.oracle", why: 'engine "oracle-se2" is not priced offline' },
      { address: "aws_ecs_service.ec2", why: "launch_type EC2 runs on EC2 capacity" },
      { address: "aws_lb.nlb", why: "a network load balancer is not priced offline" },
      {
        address: "aws_vpc_endpoint.ecr",
        why: "an interface endpoint's subnets (one billed AZ each) are not known in the plan",
      },
    ]);
    expect(result.usageOnly).toEqual(["aws_s3_bucket.data", "aws_sqs_queue.jobs"]);
    expect([result.priceSource, result.priceDate]).toEqual([
      "AWS public on-demand prices (aws.amazon.com/<service>/pricing/)",
      "2026-11-27",
    ]);
  });

  it("cannot price without a region, or in a region the table does not price", () => {
    const nat = [{ address: "aws_nat_gateway.nat", after: {} }];
    expect(estimate({ region: null, changes: nat }).unpriced).toEqual([
      { address: "aws_nat_gateway.nat", why: "its region is not known" },
    ]);
    expect(estimate({ region: "ap-south-1", changes: nat }).unpriced).toEqual([
      { address: "aws_nat_gateway.nat", why: "no price for nat.hour in ap-south-1" },
    ]);
  });

  it("prices nothing of Infracost's example plan (EC2 instances) and says so, rather than $0 in silence", () => {
    const example = estimate(fixture("terraform/plan_aws_create_infracost_example.json"));
    expect(example.monthlyUsd).toBe(0);
    expect(example.lines).toEqual([]);
    expect(example.unpriced.map((u) => u.address)).toEqual([
      "aws_instance.web_app",
      "aws_instance.zero_cost_instance",
    ]);
    expect(example.usageOnly).toEqual([
      "aws_lambda_function.hello_world",
      "aws_lambda_function.zero_cost_lambda",
      "aws_s3_bucket.usage",
    ]);
  });
});
