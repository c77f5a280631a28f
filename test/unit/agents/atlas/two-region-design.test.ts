import { describe, expect, it } from "vitest";
import {
  auroraInstanceHourly,
  fargateTaskHourly,
  servicePrice,
} from "../../../../app/agents/pricing/index.js";
import { AURORA_GLOBAL } from "../../../../app/agents/pricing/replication-prices.js";
import { INTER_REGION_TRANSFER, ROUTE53 } from "../../../../app/agents/pricing/shape-prices.js";
import type { PlanSpec } from "../../../../app/contracts/generated/index.js";
import { designedPlan, domainPolicy, examplesGoal } from "../../../support/two-region.js";

/** The example policy with a higher cap, for the high-traffic row. */
function policyUpTo(maxMonthlyUsd: number) {
  const base = domainPolicy();
  return { ...base, policy: { ...base.policy, maxMonthlyUsd } };
}

const checkoutGlobal = () => examplesGoal("checkout-global.json");
const designed = designedPlan;

const P = "eu-west-1";
const S = "eu-central-1";
const isSecondary = (id: string) => id.endsWith("-secondary");

function serial(links: PlanSpec["availability"]["path"]): number {
  return links.reduce((x, l) => x * (l.availability / 100), 1);
}

function usd<K extends string>(table: Parameters<typeof servicePrice<K>>[0], region: string, key: K): number {
  return servicePrice(table, region, key)!.usd;
}

function line(spec: PlanSpec, component: string, item: string) {
  const found = spec.cost.lines.filter((l) => l.component === component && l.item === item);
  expect(found.length, `${component} ${item}`).toBeGreaterThan(0);
  return found;
}

describe("a web-api with regions designs two regions behind Route 53 failover (active-passive, Aurora global database)", () => {
  const spec = designed(checkoutGlobal());

  it("follows the shared convention: twins in the secondary, an Aurora global database, one global domain", () => {
    expect(spec).toMatchObject({ region: P, regions: [P, S], multiRegion: { mode: "active-passive" } });
    const ids = new Set(spec.components.map((c) => c.id));
    for (const c of spec.components) {
      for (const dep of c.dependsOn) expect(ids.has(dep), `${c.id} → ${dep}`).toBe(true);
      if (isSecondary(c.id)) {
        expect(c.region).toBe(S);
        expect(ids.has(c.id.replace(/-secondary$/, ""))).toBe(true);
        expect(c.dependsOn.every(isSecondary)).toBe(true);
      } else expect(c.region).toBeUndefined();
    }
    expect([...ids].filter(isSecondary).sort()).toEqual(
      ["database", "load-balancer", "logs", "network", "service"].map((id) => `${id}-secondary`),
    );
    const db = spec.components.find((c) => c.id === "database");
    const replica = spec.components.find((c) => c.id === "database-secondary");
    if (db?.kind !== "database" || replica?.kind !== "database") throw new Error("no databases");
    expect(db.params.flavor).toBe("aurora");
    expect(replica.params).toMatchObject({ flavor: "aurora", replicaOf: "database", engine: "postgres" });
    expect(replica.params.engineVersion).toBe(db.params.engineVersion);
    for (const cls of [db.params.instanceClass, replica.params.instanceClass])
      expect(cls).not.toMatch(/^db\.t/);
    const domain = spec.components.find((c) => c.kind === "domain");
    expect(domain).toMatchObject({
      id: "domain",
      params: {
        name: "checkout.example.com",
        hostedZoneId: "Z0123456789ABCDEFGHIJ",
        targets: ["load-balancer", "load-balancer-secondary"],
        healthCheckPath: "/healthz",
      },
    });
    expect(domain?.region).toBeUndefined();
  });

  it("composes availability: Route 53 once, each region's links in series, the two regions in parallel", () => {
    const { path } = spec.availability;
    const global = path.filter((l) => l.component === "domain");
    const primary = path.filter((l) => l.component !== "domain" && !isSecondary(l.component));
    const secondary = path.filter((l) => isSecondary(l.component));
    expect(global).toHaveLength(1);
    expect(primary.map((l) => l.component)).toEqual(["load-balancer", "service", "network", "database"]);
    expect(secondary.map((l) => l.component)).toEqual(primary.map((l) => `${l.component}-secondary`));
    for (const l of primary) expect(l.basis).toMatch(new RegExp(`^${P}: `));
    for (const l of secondary) expect(l.basis).toMatch(new RegExp(`^${S}: `));
    expect(Object.fromEntries(primary.map((l) => [l.component, l.sla]))).toEqual({
      "load-balancer": 99.99,
      service: 99.99,
      network: 99.9,
      database: 99.99,
    });
    const pair = 100 * serial(global) * (1 - (1 - serial(primary)) * (1 - serial(secondary)));
    expect(spec.availability.composite).toBe(Math.floor(pair * 10000 + 1e-6) / 10000);
    expect(spec.availability.composite).toBe(99.9999);
    expect(100 * serial(primary)).toBeLessThan(99.99);
    expect(spec.availability.composite).toBeGreaterThanOrEqual(spec.availability.target);
    expect(spec.availability.explanation).toContain("2.5 minutes each failover takes");
  });

  it("prices both regions (each line says its region), the health checks and the replication", () => {
    const total = spec.cost.lines.reduce((x, l) => x + l.monthlyUsd, 0);
    expect(spec.cost.monthlyUsd).toBe(Math.round(total * 100) / 100);
    expect(spec.cost.monthlyUsd).toBeLessThan(0.8 * spec.cost.budgetMonthlyUsd);
    for (const l of spec.cost.lines.filter((l) => l.component !== "domain")) {
      expect(l.basis).toMatch(isSecondary(l.component) ? new RegExp(`^${S}: `) : new RegExp(`^${P}: `));
    }
    const checks = line(spec, "domain", "dns").find((l) => l.basis.includes("health checks"))!;
    // Forge renders HTTPS checks: the check and its HTTPS feature, each billed a month.
    expect(checks.monthlyUsd).toBe(
      2 * (usd(ROUTE53, P, "healthCheckMonth") + usd(ROUTE53, P, "healthCheckFeatureMonth")),
    );
    expect(checks.monthlyUsd).toBe(3);
    const [, replication] = line(spec, "database-secondary", "database");
    const gb = 100 * 0.1;
    const writeIos = Number(((gb * 2 ** 30) / 4096 / 1e6).toFixed(2));
    expect(writeIos).toBe(2.62);
    expect(replication!.monthlyUsd).toBe(
      Math.round(
        (writeIos * usd(AURORA_GLOBAL, S, "replicatedWriteIoPerMillion") +
          gb * usd(INTER_REGION_TRANSFER, P, "gbOut")) *
          100,
      ) / 100,
    );
    expect(replication!.monthlyUsd).toBe(0.78);
    const [primaryDb] = line(spec, "database", "database");
    const [secondaryDb] = line(spec, "database-secondary", "database");
    expect(primaryDb!.basis).toContain(
      `2 × db.r6g.large × 730 h × $${auroraInstanceHourly(P, "postgres", "db.r6g.large")!.usd}`,
    );
    expect(secondaryDb!.basis).toContain(
      `2 × db.r6g.large × 730 h × $${auroraInstanceHourly(S, "postgres", "db.r6g.large")!.usd}`,
    );
    expect(secondaryDb!.basis).toContain("100 GB × $0.12");
  });

  it("says what it assumed, the risks a second region brings and one region against two", () => {
    const fields = spec.assumptions!.map((a) => a.field);
    expect(fields.slice(0, 5)).toEqual([
      "regions",
      "slo.availability",
      "traffic.avgRps",
      "data.relational.replicatedGb",
      "failover.minutes",
    ]);
    expect(spec.assumptions![1]!.value).toBe("99.95 % in each region");
    const risks = spec.risks.map((r) => r.failure);
    expect(risks.some((f) => f.includes("not yet replicated"))).toBe(true);
    expect(risks.some((f) => f.includes("while eu-west-1 still runs"))).toBe(true);
    expect(risks.some((f) => f.includes("cold"))).toBe(true);
    expect(spec.risks[0]).toMatchObject({ component: "domain", severity: "high" });
    const oneOrTwo = spec.alternatives.find((a) => a.decision === "one region or two")!;
    expect(oneOrTwo.monthlyUsdDelta).toBeLessThan(0);
    expect(oneOrTwo.rejected).toMatch(/^eu-west-1 alone: 99\.\d+ % for \$/);
    expect(spec.diagram.mermaid).toContain('subgraph eu_west_1["AWS eu-west-1 (primary, serving)"]');
    expect(spec.diagram.mermaid).toContain('subgraph eu_central_1["AWS eu-central-1 (secondary, standby)"]');
    expect(spec.diagram.mermaid).toContain("database -.->|Aurora global replication| database_secondary");
  });
});

describe("the pair at three traffic levels: each region sized for the full peak, the standby billed for health checks", () => {
  it.each([
    // peakRps, avgRps, budget, tasks at peak, tasks running (≥ 2 per AZ × 3 AZs), Fargate task size
    [100, 20, 3000, 2, 6, 1, 2],
    [300, 60, 3000, 5, 6, 1, 2],
    [1200, 240, 8000, 18, 6, 1, 2],
  ])(
    "peak %s rps (avg %s, budget $%s): %s tasks at peak, %s running in each region",
    (peak, avg, budget, forPeak, running, cpu, gb) => {
      const goal = checkoutGlobal();
      const spec = designed(
        { ...goal, traffic: { peakRps: peak, avgRps: avg }, budget: { monthlyUsd: budget } },
        policyUpTo(10_000),
      );
      const services = spec.components.filter((c) => c.kind === "container-service");
      expect(services.map((c) => c.id)).toEqual(["service", "service-secondary"]);
      for (const c of services) {
        if (c.kind !== "container-service") throw new Error("not a service");
        expect(c.params).toMatchObject({ cpu, memoryMb: gb * 1024, minCount: running });
        expect(c.params.maxCount).toBeGreaterThanOrEqual(forPeak);
      }
      expect(spec.capacity).toMatchObject({ peakRps: peak, tasksForPeak: forPeak, minTasks: running });
      const [tasks] = line(spec, "service", "tasks");
      const [standby] = line(spec, "service-secondary", "tasks");
      expect(tasks!.monthlyUsd).toBe(
        Math.round(running * 730 * fargateTaskHourly(P, "X86_64", cpu, gb)! * 100) / 100,
      );
      expect(standby!.monthlyUsd).toBe(
        Math.round(running * 730 * fargateTaskHourly(S, "X86_64", cpu, gb)! * 100) / 100,
      );
      // The standby's egress is its health checks' (1 rps), not the users' traffic.
      const [egress] = line(spec, "load-balancer", "internet-egress");
      const [standbyEgress] = line(spec, "load-balancer-secondary", "internet-egress");
      expect(standbyEgress!.monthlyUsd).toBeLessThan(egress!.monthlyUsd / (avg / 2));
      expect(spec.availability.composite).toBeGreaterThanOrEqual(99.99);
    },
  );

  it("a target one region reaches (99.9 %): each region is designed at it, and the pair goes above it", () => {
    const goal = checkoutGlobal();
    const spec = designed({ ...goal, slo: { ...goal.slo, availability: 99.9 } });
    expect(spec.assumptions![1]!.value).toBe("99.9 % in each region");
    expect(spec.availability.composite).toBeGreaterThan(99.99);
  });
});
