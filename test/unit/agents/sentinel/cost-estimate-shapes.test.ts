import { describe, expect, it } from "vitest";
import { estimateCost } from "../../../../app/agents/sentinel/cost/estimate.js";
import { parseTerraformPlan } from "../../../../app/agents/sentinel/parsers/index.js";
import { parsedValue } from "../../../support/sentinel-fixtures.js";
import { testPlan, type TestPlan } from "../../../support/sentinel-plan.js";

function estimate(plan: TestPlan) {
  return estimateCost(parsedValue(parseTerraformPlan(JSON.stringify(testPlan(plan)), { file: "plan.json" })));
}

const SHAPES: TestPlan = {
  region: "us-east-1",
  changes: [
    { address: "aws_eks_cluster.this", after: { upgrade_policy: [{ support_type: "STANDARD" }] } },
    { address: "aws_eks_cluster.old", after: { upgrade_policy: [{ support_type: "EXTENDED" }] } },
    {
      address: "aws_eks_node_group.general",
      after: {
        instance_types: ["m7g.xlarge", "m6g.xlarge"],
        scaling_config: [{ desired_size: 3, min_size: 3 }],
      },
    },
    { address: "aws_kinesis_stream.events", after: { stream_mode_details: [{ stream_mode: "ON_DEMAND" }] } },
    {
      address: "aws_kinesis_stream.orders",
      after: { shard_count: 4, stream_mode_details: [{ stream_mode: "PROVISIONED" }] },
    },
    { address: "aws_msk_serverless_cluster.bus", after: {} },
    { address: "aws_cloudwatch_metric_alarm.failed", after: {} },
    { address: "aws_route53_health_check.primary", after: {} },
    { address: "aws_dynamodb_table.orders", after: {} },
    { address: "aws_apigatewayv2_api.api", after: {} },
    { address: "aws_sfn_state_machine.runner", after: {} },
    { address: "aws_apigatewayv2_route.default", after: {} },
    { address: "aws_route53_record.api", after: {} },
    {
      address: "aws_eks_node_group.gpu",
      after: { instance_types: ["p5.48xlarge"], scaling_config: [{ desired_size: 1 }] },
    },
  ],
};

describe("the offline cost estimate of the new shapes' resources (us-east-1, 730 hours)", () => {
  const result = estimate(SHAPES);

  it("prices clusters, nodes, streams, alarms and health checks line by line", () => {
    expect(result.lines.map((l) => [l.address, Math.round(l.monthlyUsd * 100) / 100, l.basis])).toEqual([
      ["aws_eks_cluster.this", 73, "EKS cluster (standard support) × 730 h × $0.1"],
      ["aws_eks_cluster.old", 438, "EKS cluster (extended support) × 730 h × $0.6"],
      [
        "aws_eks_node_group.general",
        357.41,
        "3 × m7g.xlarge × 730 h × $0.1632 (the first instance type, on demand)",
      ],
      ["aws_kinesis_stream.events", 29.2, "on-demand stream × 730 h × $0.04; GB written and read by usage"],
      ["aws_kinesis_stream.orders", 43.8, "4 × shard × 730 h × $0.015"],
      [
        "aws_msk_serverless_cluster.bus",
        547.5,
        "MSK Serverless cluster × 730 h × $0.75; partitions, storage and GB by usage",
      ],
      ["aws_cloudwatch_metric_alarm.failed", 0.1, "metric alarm × $0.1"],
      ["aws_route53_health_check.primary", 0.5, "health check × $0.5"],
    ]);
  });

  it("counts request-billed types as usage and their parts as free", () => {
    expect(result.usageOnly).toEqual([
      "aws_dynamodb_table.orders",
      "aws_apigatewayv2_api.api",
      "aws_sfn_state_machine.runner",
    ]);
    const named = [...result.lines.map((l) => l.address), ...result.unpriced.map((u) => u.address)];
    expect(named).not.toContain("aws_apigatewayv2_route.default");
    expect(named).not.toContain("aws_route53_record.api");
  });

  it("says why an instance type it has no price for is unpriced", () => {
    expect(result.unpriced).toEqual([
      { address: "aws_eks_node_group.gpu", why: "no price for p5.48xlarge in us-east-1" },
    ]);
  });

  it("leaves a region without figures unpriced rather than guessing", () => {
    const elsewhere = estimate({
      region: "ap-south-1",
      changes: [{ address: "aws_msk_serverless_cluster.bus", after: {} }],
    });
    expect(elsewhere.unpriced).toEqual([
      { address: "aws_msk_serverless_cluster.bus", why: "no price for MSK Serverless cluster in ap-south-1" },
    ]);
  });
});
