import { describe, expect, it } from "vitest";
import { estimateCost } from "../../../../app/agents/sentinel/cost/estimate.js";
import { parseTerraformPlan } from "../../../../app/agents/sentinel/parsers/index.js";
import { VPC } from "../../../../app/agents/pricing/unit-prices.js";
import { parsedValue } from "../../../support/sentinel-fixtures.js";
import { testPlan, type TestPlan } from "../../../support/sentinel-plan.js";

function estimate(plan: TestPlan) {
  return estimateCost(parsedValue(parseTerraformPlan(JSON.stringify(testPlan(plan)), { file: "plan.json" })));
}

describe("the offline estimate of a Secrets Manager interface endpoint (a function in a VPC without NAT)", () => {
  it.each([
    ["us-east-1", 2],
    ["eu-west-1", 2],
    ["eu-central-1", 3],
  ])("%s, %i subnets: one endpoint-hour per AZ at the table's price", (region, subnets) => {
    const result = estimate({
      region,
      changes: [
        {
          address: "aws_vpc_endpoint.network_secretsmanager",
          after: {
            vpc_endpoint_type: "Interface",
            subnet_ids: Array.from({ length: subnets }, (_, i) => `subnet-${i}`),
          },
        },
      ],
    });
    const hour = VPC.regions[region]!.interfaceEndpointHour;
    expect(result.lines).toEqual([
      expect.objectContaining({
        address: "aws_vpc_endpoint.network_secretsmanager",
        monthlyUsd: subnets * 730 * hour,
        basis: `${subnets} × interface endpoint AZ × 730 h × $${hour}; GB processed by usage`,
      }),
    ]);
  });

  it("says why it cannot price one whose subnets the plan does not know, and prices a gateway at $0", () => {
    const result = estimate({
      region: "us-east-1",
      changes: [
        { address: "aws_vpc_endpoint.a", after: { vpc_endpoint_type: "Interface" } },
        { address: "aws_vpc_endpoint.b", after: { vpc_endpoint_type: "GatewayLoadBalancer" } },
        { address: "aws_vpc_endpoint.s3", after: { vpc_endpoint_type: "Gateway" } },
      ],
    });
    expect(result.unpriced).toEqual([
      {
        address: "aws_vpc_endpoint.a",
        why: "an interface endpoint's subnets (one billed AZ each) are not known in the plan",
      },
      { address: "aws_vpc_endpoint.b", why: "an endpoint of type GatewayLoadBalancer is not priced offline" },
    ]);
    expect(result.lines.map((l) => [l.address, l.monthlyUsd])).toEqual([["aws_vpc_endpoint.s3", 0]]);
  });
});
