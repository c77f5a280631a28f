import { describe, expect, it } from "vitest";
import {
  HOURS_PER_MONTH,
  UNIT_KEYS,
  auroraInstanceHourly,
  elasticacheNodeHourly,
  fargateHourly,
  fargateTaskHourly,
  isPricedRegion,
  priceTable,
  pricedRegions,
  rdsInstanceHourly,
  rdsStorageGbMonth,
  unitPrice,
} from "../../../../app/agents/pricing/index.js";

const REQUIRED_REGIONS = ["us-east-1", "eu-west-1", "eu-central-1"];

describe("pricing: unitPrice", () => {
  it.each([
    ["us-east-1", "fargate.vcpu-hour.x86_64", 0.04048],
    ["us-east-1", "fargate.gb-hour.x86_64", 0.004445],
    ["us-east-1", "fargate.vcpu-hour.arm64", 0.03238],
    ["us-east-1", "fargate.gb-hour.arm64", 0.00356],
    ["eu-central-1", "fargate.vcpu-hour.x86_64", 0.04656],
    ["eu-central-1", "fargate.gb-hour.x86_64", 0.00511],
    ["eu-west-1", "alb.hour", 0.0252],
    ["eu-west-1", "alb.lcu-hour", 0.008],
    ["us-east-1", "nat.hour", 0.045],
    ["eu-central-1", "nat.gb-processed", 0.052],
    ["eu-west-1", "rds.gp3.gb-month", 0.127],
    ["eu-west-1", "rds.gp3.gb-month.multi-az", 0.254],
    ["us-east-1", "aurora.io.per-million", 0.2],
    ["eu-central-1", "s3.standard.gb-month", 0.0245],
    ["us-east-1", "cloudfront.https.per-10k", 0.01],
    ["eu-west-1", "sqs.standard.per-million", 0.4],
    ["eu-central-1", "logs.ingest.gb", 0.63],
    ["us-east-1", "kms.key-month", 1],
    ["eu-west-1", "egress.internet.gb", 0.09],
    ["eu-central-1", "cloudwatch.metric-month", 0.3],
    ["us-west-2", "fargate.vcpu-hour.x86_64", 0.04048],
    ["us-east-2", "nat.hour", 0.045],
    ["eu-west-1", "lambda.requests.per-million", 0.2],
    ["eu-central-1", "lambda.gb-second.arm64", 0.0000133334],
  ] as const)("%s %s = $%s", (region, key, usd) => {
    expect(unitPrice(region, key)?.usd).toBe(usd);
  });

  it.each([
    ["ap-southeast-2", "nat.hour"],
    ["eu-north-1", "alb.hour"],
    ["eu-west-1", "no.such-key"],
    ["constructor", "alb.hour"],
  ])("is undefined for %s %s", (region, key) => {
    expect(unitPrice(region, key as never)).toBeUndefined();
  });

  it("prices every unit key in every priced region, each with an AWS source URL and a date", () => {
    for (const region of pricedRegions()) {
      for (const key of UNIT_KEYS) {
        const price = unitPrice(region, key);
        expect(price, `${region} ${key}`).toBeDefined();
        expect(price!.usd).toBeGreaterThan(0);
        expect(price!.source).toMatch(/^https:\/\/aws\.amazon\.com\/[a-z0-9/-]+\/pricing\/$/);
        expect(price!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(price!.unit).not.toBe("");
      }
    }
  });

  it("covers at least us-east-1, eu-west-1 and eu-central-1", () => {
    for (const region of REQUIRED_REGIONS) expect(isPricedRegion(region)).toBe(true);
    expect(isPricedRegion("sa-east-1")).toBe(false);
  });
});

describe("pricing: instance lookups", () => {
  it.each([
    ["us-east-1", "postgres", "db.t4g.micro", false, 0.016],
    ["us-east-1", "postgres", "db.t4g.medium", true, 0.13],
    ["us-east-1", "postgres", "db.r6g.large", false, 0.225],
    ["us-east-1", "postgres", "db.r6g.xlarge", true, 0.9],
    ["us-east-1", "mysql", "db.m6g.large", false, 0.152],
    ["us-east-1", "mysql", "db.r7g.2xlarge", false, 0.956],
    ["eu-west-1", "postgres", "db.r6g.large", true, 0.5],
    ["eu-central-1", "mysql", "db.m7g.large", false, 0.197],
    ["us-west-2", "postgres", "db.m6g.large", false, 0.159],
  ] as const)("rdsInstanceHourly(%s, %s, %s, multiAz %s) = $%s", (region, engine, cls, multiAz, usd) => {
    const price = rdsInstanceHourly(region, engine, cls, multiAz);
    expect(price?.usd).toBe(usd);
    expect(price?.source).toBe(
      `https://aws.amazon.com/rds/${engine === "postgres" ? "postgresql" : engine}/pricing/`,
    );
  });

  it.each([
    ["ap-south-1", "postgres", "db.r6g.large"],
    ["us-east-1", "postgres", "db.x2g.large"],
    ["us-east-1", "postgres", "db.r6g.medium"],
    ["us-east-1", "postgres", "db.t4g.4xlarge"],
    ["us-east-1", "postgres", "r6g.large"],
    ["us-east-1", "oracle", "db.r6g.large"],
  ])("rdsInstanceHourly(%s, %s, %s) is undefined", (region, engine, cls) => {
    expect(rdsInstanceHourly(region, engine as never, cls, false)).toBeUndefined();
  });

  it.each([
    ["us-east-1", "db.r6g.large", 0.26],
    ["us-east-1", "db.r6g.2xlarge", 1.04],
    ["us-east-1", "db.t4g.medium", 0.073],
    ["eu-west-1", "db.r7g.large", 0.305],
  ])("auroraInstanceHourly(%s, %s) = $%s", (region, cls, usd) => {
    expect(auroraInstanceHourly(region, "postgres", cls)?.usd).toBe(usd);
    expect(auroraInstanceHourly(region, "mysql", cls)?.usd).toBe(usd);
  });

  it.each([
    ["us-east-1", "cache.t4g.micro", 0.016],
    ["us-east-1", "cache.r6g.large", 0.206],
    ["us-east-1", "cache.r6g.16xlarge", 6.592],
    ["eu-west-1", "cache.m6g.xlarge", 0.332],
    ["eu-central-1", "cache.r7g.large", 0.253],
  ])("elasticacheNodeHourly(%s, %s) = $%s", (region, nodeType, usd) => {
    expect(elasticacheNodeHourly(region, nodeType)?.usd).toBe(usd);
  });

  it.each([
    ["us-east-1", "cache.t4g.large"],
    ["us-east-1", "cache.c7g.large"],
    ["mars-1", "cache.r6g.large"],
  ])("elasticacheNodeHourly(%s, %s) is undefined", (region, nodeType) => {
    expect(elasticacheNodeHourly(region, nodeType)).toBeUndefined();
  });

  it("prices Fargate tasks per architecture", () => {
    expect(fargateHourly("eu-west-1", "ARM64")?.vcpuHour.usd).toBe(0.03238);
    expect(fargateTaskHourly("us-east-1", "X86_64", 1, 2)).toBeCloseTo(0.04937, 6);
    expect(fargateTaskHourly("eu-central-1", "X86_64", 0.5, 1)! * 2 * HOURS_PER_MONTH).toBeCloseTo(41.45, 2);
    expect(fargateTaskHourly("sa-east-1", "X86_64", 1, 2)).toBeUndefined();
  });

  it("prices RDS gp3 storage, Multi-AZ at twice the Single-AZ rate", () => {
    for (const region of pricedRegions()) {
      expect(rdsStorageGbMonth(region, true)!.usd).toBeCloseTo(2 * rdsStorageGbMonth(region, false)!.usd, 6);
    }
  });

  it("prices every instance family in every required region", () => {
    for (const table of [
      priceTable.instances.rds.postgres,
      priceTable.instances.rds.mysql,
      priceTable.instances.aurora,
      priceTable.instances.elasticache,
    ]) {
      const families = Object.keys(table.regions["us-east-1"]!).sort();
      for (const region of REQUIRED_REGIONS)
        expect(Object.keys(table.regions[region]!).sort()).toEqual(families);
      expect(table.source).toMatch(/^https:\/\/aws\.amazon\.com\//);
      expect(table.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
