import { describe, expect, it } from "vitest";
import { servicePrice } from "../../../../app/agents/pricing/index.js";
import { DYNAMODB_GLOBAL } from "../../../../app/agents/pricing/replication-prices.js";
import { API_GATEWAY_HTTP, INTER_REGION_TRANSFER } from "../../../../app/agents/pricing/shape-prices.js";
import type { GoalStatement } from "../../../../app/contracts/generated/index.js";
import { designGoal } from "../../../../app/agents/atlas/index.js";
import { checkPlanSpecForRender, renderStack } from "../../../../app/agents/forge/index.js";
import { designedPlan, domainPolicy, examplesGoal, regionsNow } from "../../../support/two-region.js";

const [P, S] = ["eu-west-1", "eu-central-1"];

/** examples/serverless-api.json in two EU regions on orders.example.com, at 99.95 % (one region reaches 99.89 %). */
function ordersGlobal(): GoalStatement {
  const goal = examplesGoal("serverless-api.json");
  return {
    ...goal,
    region: P,
    regions: [P, S],
    workload: { ...goal.workload, domain: "orders.example.com" },
    slo: { ...goal.slo, availability: 99.95 },
  };
}

const designed = (goal: GoalStatement) => designedPlan(goal);

const usd = <K extends string>(table: Parameters<typeof servicePrice<K>>[0], region: string, key: K) =>
  servicePrice(table, region, key)!.usd;
const cents = (x: number) => Math.round(x * 100) / 100;

describe("a serverless-api with regions: Atlas designs two active regions on a DynamoDB global table", () => {
  const spec = designed(ordersGlobal());

  it("keeps ONE table in the primary with the secondary as its replica region; the rest are twins", () => {
    expect(spec.multiRegion).toEqual({ mode: "active-active" });
    expect(spec.components.map((c) => [c.id, c.kind, c.region])).toEqual([
      ["items", "key-value-store", undefined],
      ["handler", "function", undefined],
      ["api", "http-api", undefined],
      ["handler-secondary", "function", S],
      ["api-secondary", "http-api", S],
      ["domain", "domain", undefined],
    ]);
    const table = spec.components[0]!;
    if (table.kind !== "key-value-store") throw new Error("no table");
    expect(table.params.replicaRegions).toEqual([S]);
    expect(spec.components.find((c) => c.id === "handler-secondary")!.dependsOn).toEqual(["items"]);
    expect(spec.components.find((c) => c.id === "domain")).toMatchObject({
      params: { targets: ["api", "api-secondary"], healthCheckPath: "/" },
    });
  });

  it("composes each region's HTTP API × Lambda × DynamoDB in parallel", () => {
    const regional = 0.9995 * 0.9995 * 0.9999;
    const pair = 100 * (1 - (1 - regional) ** 2);
    expect(spec.availability.composite).toBe(Math.floor(pair * 10000 + 1e-6) / 10000);
    expect(spec.availability.path.map((l) => l.component)).toEqual([
      "domain",
      "api",
      "handler",
      "items",
      "api-secondary",
      "handler-secondary",
      "items",
    ]);
    expect(
      spec.availability.path.filter((l) => l.component === "items").map((l) => (l.basis ?? "").split(":")[0]),
    ).toEqual([P, S]);
  });

  it("deducts Lambda's always-free allowance once, and prices the replicated writes both ways", () => {
    expect(spec.cost.lines.filter((l) => l.item === "function-free-tier")).toHaveLength(1);
    const table = spec.cost.lines.filter((l) => l.component === "items");
    expect(table.map((l) => (l.basis ?? "").split(":")[0])).toEqual([P, S, S]);
    const writes = Number((((12 / 2) * 2_592_000 * 0.2) / 1e6).toFixed(2));
    expect(writes).toBe(3.11);
    const gb = Number(((1024 * writes * 1e6) / 1e9).toFixed(1));
    const expected =
      writes * usd(DYNAMODB_GLOBAL, S, "replicatedWritesPerMillion") +
      writes * usd(DYNAMODB_GLOBAL, P, "replicatedWritesPerMillion") +
      gb * usd(INTER_REGION_TRANSFER, P, "gbOut") +
      gb * usd(INTER_REGION_TRANSFER, S, "gbOut");
    expect(table[2]!.monthlyUsd).toBe(cents(expected));
    expect(table[2]!.monthlyUsd).toBe(4.7);
  });

  it("names the risks of two writers: split brain (last writer wins), replication lag, a region taking both halves", () => {
    expect(spec.risks.slice(0, 4).map((r) => r.component)).toEqual([
      "domain",
      "items",
      "items",
      "handler-secondary",
    ]);
    expect(spec.risks[1]!.impact).toContain("last-writer-wins");
    expect(spec.assumptions![2]).toMatchObject({ field: "traffic.avgRps", value: "6 rps in each region" });
    expect(spec.diagram.mermaid).toContain(
      'items[("items: DynamoDB global table, replica in eu-central-1")]',
    );
    expect(spec.diagram.mermaid).toContain("handler_secondary --> items");
  });
});

describe("two active regions at three traffic levels: each reserves for the full peak and bills half the requests", () => {
  it.each([
    // peakRps, avgRps, concurrency at peak (peak × 120 ms), reserved per region (2×, at least 10), requests (M) per
    // region, budget
    [20, 2, 2.4, 10, 2.59, 300],
    [150, 12, 18, 36, 15.55, 300],
    [600, 60, 72, 144, 77.76, 1500],
  ])(
    "peak %s rps, avg %s: %s at peak, %s reserved in each region, %s M requests each (budget $%s)",
    (peak, avg, atPeak, reserved, millions, budget) => {
      const goal = ordersGlobal();
      const spec = designed({
        ...goal,
        traffic: { peakRps: peak, avgRps: avg },
        budget: { monthlyUsd: budget },
      });
      expect(spec.capacity).toMatchObject({
        peakRps: peak,
        avgRps: avg,
        concurrencyAtPeak: atPeak,
        reservedConcurrency: reserved,
      });
      for (const id of ["handler", "handler-secondary"]) {
        const fn = spec.components.find((c) => c.id === id)!;
        if (fn.kind !== "function") throw new Error("not a function");
        expect(fn.params).toMatchObject({ reservedConcurrency: reserved, monthlyRequestsMillions: millions });
      }
      for (const [id, region] of [
        ["api", P],
        ["api-secondary", S],
      ] as const) {
        const line = spec.cost.lines.find((l) => l.component === id && l.item === "http-api")!;
        const requests = ((avg / 2) * 2_592_000) / 1e6;
        expect(line.monthlyUsd).toBe(cents(requests * usd(API_GATEWAY_HTTP, region, "requestsPerMillion")));
      }
      expect(spec.availability.composite).toBeGreaterThanOrEqual(99.95);
    },
  );
});

describe("the serverless pair is designed, and Forge renders and Sentinel passes it", () => {
  it("prices each region's health check as Forge renders it: the check on a CloudWatch alarm of two metrics", () => {
    const outcome = designGoal(ordersGlobal(), domainPolicy(), { now: regionsNow });
    if (outcome.kind !== "PlanSpec") throw new Error(JSON.stringify(outcome.value.reasons));
    const domain = outcome.value.cost.lines.filter((l) => l.component === "domain" && l.monthlyUsd > 0);
    expect(domain.map((l) => [l.item, l.monthlyUsd, l.basis])).toEqual([
      ["dns", 1, "2 Route 53 health checks on CloudWatch alarms (api and api-secondary) × $0.5"],
      [
        "alarms",
        0.4,
        "2 metric alarms on the share of 5xx answers (api and api-secondary), 2 metrics each: 4 alarm metrics × $0.1",
      ],
    ]);
    expect(checkPlanSpecForRender(outcome.value)).toEqual([]);
    const files = renderStack(outcome.value, { policy: domainPolicy() }).files;
    const domainTf = files.find((f) => f.path.endsWith("/domain.tf"))!.content;
    expect(domainTf.match(/type\s+= "CLOUDWATCH_METRIC"/g)).toHaveLength(2);
    expect(domainTf.match(/metric_name = "5xx"/g)).toHaveLength(2);
  });
});
