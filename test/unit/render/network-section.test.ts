import { describe, expect, it } from "vitest";
import { networkSection } from "../../../app/render/pr-body/network-section.js";
import { designExample, designFile, EXAMPLE_POLICY } from "../../support/forge-stacks.js";

describe("the PR body's network section", () => {
  it.each([
    [
      "goal-web-api-internal.json",
      "- **VPC:** 10.42.0.0/20 over 2 AZs.",
      "- **Reached from:** the VPC (10.42.0.0/20) and 10.200.0.0/16, 192.168.50.0/24, through an internal ALB in private subnets; nothing from the internet.",
    ],
    [
      "goal-web-api.json",
      expect.stringMatching(/^- \*\*VPC:\*\* 10\.\d+\.0\.0\/16 over \d AZs\.$/),
      "- **Reached from:** the internet (0.0.0.0/0), through an internet-facing ALB.",
    ],
    [
      "goal-worker.json",
      expect.stringMatching(/^- \*\*VPC:\*\* /),
      "- **Reached from:** nothing; the tasks take no inbound connections.",
    ],
    [
      "goal-kubernetes.json",
      "- **VPC:** 10.95.0.0/16 over 2 AZs.",
      "- **Reached from:** the cluster's API endpoint: the VPC only (a private endpoint); the workloads' own load balancers come from the AWS Load Balancer Controller.",
    ],
  ])("%s", (goal, vpc, reach) => {
    const lines = networkSection(designExample(goal)).split("\n");
    expect(lines).toEqual(["### Network", "", vpc, reach]);
  });

  it("says a serverless API's function in the VPC is reached only through its HTTP API", () => {
    const lines = networkSection(designFile("examples/dev-api-50.json", EXAMPLE_POLICY)).split("\n");
    expect(lines[3]).toBe(
      "- **Reached from:** nothing inside the VPC; callers reach the function only through the HTTP API api, outside it.",
    );
  });

  it("is left out for a design without a VPC", () => {
    expect(networkSection(designExample("goal-static-site.yaml"))).toBe("");
  });
});
