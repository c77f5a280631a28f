import { describe, expect, it } from "vitest";
import { designGoal } from "../../../../app/agents/atlas/index.js";
import type { DesignBlocked, GoalStatement, PlanSpec } from "../../../../app/contracts/generated/index.js";
import type { NetworkComponent } from "../../../../app/contracts/generated/plan-spec.js";
import { defaultPolicy } from "../../../../app/contracts/policy-intake.js";

const now = new Date("2026-11-27T00:00:00Z");

function worker(
  availability: number,
  extra: Partial<GoalStatement> = {},
  slo: Partial<GoalStatement["slo"]> = {},
): GoalStatement {
  return {
    schemaVersion: "0.1",
    kind: "GoalStatement",
    name: "invoice-worker",
    summary: "Renders invoices from a queue",
    cloud: "aws",
    region: "eu-west-1",
    environment: "prod",
    workload: { type: "worker", image: "ghcr.io/acme/invoicer:2.0.0" },
    traffic: { peakRps: 20 },
    slo: { availability, ...slo },
    budget: { monthlyUsd: 2000 },
    ...extra,
  };
}

function design(goal: GoalStatement): PlanSpec {
  const outcome = designGoal(goal, defaultPolicy(), { now });
  if (outcome.kind !== "PlanSpec") throw new Error(JSON.stringify(outcome.value.reasons));
  return outcome.value;
}

function blocked(goal: GoalStatement): DesignBlocked {
  const outcome = designGoal(goal, defaultPolicy(), { now });
  expect(outcome.kind).toBe("DesignBlocked");
  return outcome.value as DesignBlocked;
}

const natGateways = (plan: PlanSpec): number =>
  (plan.components.find((c) => c.kind === "network") as NetworkComponent).params.natGateways;

describe("a worker's request path is the enqueue; its consumer's downtime is backlog", () => {
  it("a 99.9 % worker in one region is designed: SQS's 99.9 % is the whole request path", () => {
    const plan = design(worker(99.9));
    expect(plan.availability.path.map((l) => [l.component, l.availability, l.sla])).toEqual([
      ["queue", 99.9, 99.9],
    ]);
    expect(plan.availability).toMatchObject({ composite: 99.9, sla: 99.9, target: 99.9 });
    expect(plan.availability.path[0]!.source).toBe("https://aws.amazon.com/messaging/sla/");
    const backlog = plan.availability.backlog!;
    expect(backlog.consumer.map((l) => l.component)).toEqual(["worker", "network"]);
    expect(backlog).toMatchObject({ objectiveMinutes: 43.8, objectiveAssumed: true, retentionMinutes: 5760 });
    expect(backlog.boundMinutes).toBeLessThanOrEqual(43.8);
    expect(backlog.boundMinutes).toBeCloseTo(backlog.outageMinutes + backlog.catchUpMinutes, 1);
    expect(backlog.explanation).toContain("a job waits at most");
  });

  it.each([
    // 99.99 % × 99.9 % (one NAT) allows 48.2 min down, over 43.8 min: the consumer needs a NAT per AZ.
    ["the SLO's error budget (assumed)", {}, 2],
    // A 2-hour objective lets one shared NAT through: 48.2 min + 24.1 min of catch-up.
    ["a 2-hour objective", { processingLatencyMinutes: 120 }, 1],
  ])("in staging at 99.9 %%, %s sizes the consumer: %s NAT gateway(s)", (_what, slo, nats) => {
    const plan = design(worker(99.9, { environment: "staging" }, slo));
    expect(natGateways(plan)).toBe(nats);
    expect(plan.availability.backlog!.boundMinutes).toBeLessThanOrEqual(
      plan.availability.backlog!.objectiveMinutes,
    );
  });

  it("the trade-off names the backlog when the cheaper consumer would make jobs wait too long", () => {
    const plan = design(worker(99.9, { environment: "staging" }));
    const nat = plan.alternatives.find((a) => a.decision === "NAT gateways")!;
    expect(nat.reason).toMatch(/a queued job could wait 1 h 12 min while the worker is down, over 43\.8 min/);
  });

  it("an objective no consumer meets is refused naming slo.processingLatencyMinutes, and the suggestion unblocks", () => {
    const goal = worker(99.9, {}, { processingLatencyMinutes: 5 });
    const refused = blocked(goal);
    expect(refused.reasons).toEqual([
      expect.objectContaining({ code: "slo-unreachable", field: "slo.processingLatencyMinutes" }),
    ]);
    const suggestion = refused.suggestions[0]!;
    expect(suggestion.field).toBe("slo.processingLatencyMinutes");
    const raised = { ...goal, slo: { ...goal.slo, processingLatencyMinutes: suggestion.value as number } };
    expect(designGoal(raised, defaultPolicy(), { now }).kind).toBe("PlanSpec");
    const less = {
      ...goal,
      slo: { ...goal.slo, processingLatencyMinutes: (suggestion.value as number) - 1 },
    };
    expect(designGoal(less, defaultPolicy(), { now }).kind).toBe("DesignBlocked");
  });

  it("above SQS's 99.9 % the enqueue path itself falls short: refused naming slo.availability", () => {
    expect(blocked(worker(99.95)).reasons[0]).toMatchObject({
      code: "slo-unreachable",
      field: "slo.availability",
    });
  });

  it("slo.processingLatencyMinutes on a web API is refused: it has no queue", () => {
    const api = worker(
      99.5,
      { workload: { type: "web-api", image: "ghcr.io/acme/api:1.0.0" } },
      { processingLatencyMinutes: 30 },
    );
    expect(blocked(api).reasons[0]).toMatchObject({
      code: "pattern-mismatch",
      field: "slo.processingLatencyMinutes",
    });
  });
});

describe("a web API's request path stays serial", () => {
  it("load balancer × service × NAT × database, designed beside the SLA figures, with no backlog", () => {
    const plan = design(
      worker(99.9, {
        workload: { type: "web-api", image: "ghcr.io/acme/api:1.0.0" },
        data: { relational: { engine: "postgres", storageGb: 50 } },
      }),
    );
    const a = plan.availability;
    expect(a.path.map((l) => l.component)).toEqual(["load-balancer", "service", "network", "database"]);
    const product = a.path.reduce((p, l) => p * (l.availability / 100), 1) * 100;
    expect(a.composite).toBeCloseTo(product, 3);
    expect(a.backlog).toBeUndefined();
    // One NAT gateway per AZ: designed 1 − (1 − 0.999)² beside the 99.9 % SLA of one gateway.
    expect(a.path.find((l) => l.component === "network")).toMatchObject({ availability: 99.9999, sla: 99.9 });
    expect(a.sla!).toBeLessThan(a.composite);
    expect(a.explanation).toContain("On the SLA figures alone (network 99.9 %)");
  });
});
