import { describe, expect, it } from "vitest";
import { servicePrice } from "../../../../app/agents/pricing/lookup.js";
import * as shapes from "../../../../app/agents/pricing/shape-prices.js";
import type { ServicePrices } from "../../../../app/agents/pricing/types.js";

const SERVICES = Object.entries(shapes).filter(
  (entry): entry is [string, ServicePrices<string>] => typeof entry[1] === "object" && "regions" in entry[1],
);

describe("the new shapes' prices", () => {
  it.each(SERVICES)("%s cites an AWS pricing page and a date, and prices us-east-1", (_name, service) => {
    expect(service.source).toMatch(/^https:\/\/aws\.amazon\.com\/[a-z0-9/-]+\/pricing\//);
    expect(service.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.keys(service.regions)).toContain("us-east-1");
    for (const figures of Object.values(service.regions))
      for (const usd of Object.values(figures)) expect(usd).toBeGreaterThan(0);
  });

  it.each<[string, string, number | undefined]>([
    ["us-east-1", "clusterHour", 0.1],
    ["us-east-2", "clusterHour", 0.1],
    ["eu-central-1", "extendedClusterHour", 0.6],
    ["ap-south-1", "clusterHour", undefined],
  ])("EKS in %s, %s: %s", (region, key, usd) => {
    expect(servicePrice(shapes.EKS, region, key as "clusterHour")?.usd).toBe(usd);
  });

  it("prices EC2 instances by type, per instance-hour, and no type it does not list", () => {
    expect(shapes.ec2InstanceHourly("us-east-1", "g5.xlarge")).toMatchObject({
      usd: 1.006,
      unit: "per instance-hour",
      source: "https://aws.amazon.com/ec2/pricing/on-demand/",
    });
    expect(shapes.ec2InstanceHourly("us-east-1", "p5.48xlarge")).toBeUndefined();
    expect(shapes.ec2InstanceHourly("eu-west-1", "g5.xlarge")?.usd).toBe(1.123);
    expect(shapes.ec2InstanceHourly("eu-west-1", "g6.xlarge")).toBeUndefined();
    expect(shapes.ec2InstanceHourly("us-east-1", "g5.12xlarge")?.usd).toBe(5.672);
    expect(shapes.ec2InstanceHourly("eu-west-1", "g5.12xlarge")).toBeUndefined();
  });

  it.each<[string, string, number]>([
    ["us-east-1", "m7i.large", 0.1008],
    ["us-east-1", "m7g.xlarge", 0.1632],
    ["eu-west-1", "c7g.2xlarge", 0.3284],
    ["eu-central-1", "r6i.4xlarge", 1.216],
  ])("prices %s %s from its family's large size (%d per hour)", (region, type, usd) => {
    expect(shapes.ec2InstanceHourly(region, type)?.usd).toBe(usd);
  });
});
