import { describe, expect, it } from "vitest";
import { designGoal } from "../../../../app/agents/atlas/index.js";
import type { DesignBlocked, GoalStatement, PlanSpec } from "../../../../app/contracts/generated/index.js";
import type {
  LoadBalancerComponent,
  NetworkComponent,
} from "../../../../app/contracts/generated/plan-spec.js";
import type { ResolvedOrgPolicy } from "../../../../app/contracts/generated/org-policy.js";
import { defaultPolicy } from "../../../../app/contracts/policy-intake.js";
import { readGoal } from "../../../../app/contracts/goal-intake.js";
import { formatProblem } from "../../../../app/contracts/problem.js";

const now = new Date("2026-11-27T00:00:00Z");

function api(
  extra: Partial<GoalStatement> = {},
  workload: Partial<GoalStatement["workload"]> = {},
): GoalStatement {
  return {
    schemaVersion: "0.1",
    kind: "GoalStatement",
    name: "ledger-api",
    summary: "Ledger API",
    cloud: "aws",
    region: "eu-west-1",
    environment: "staging",
    workload: { type: "web-api", image: "ghcr.io/acme/ledger:1.0.0", ...workload },
    traffic: { peakRps: 50 },
    slo: { availability: 99.5 },
    budget: { monthlyUsd: 2000 },
    ...extra,
  };
}

function withNetwork(network: NonNullable<ResolvedOrgPolicy["policy"]["network"]>): ResolvedOrgPolicy {
  const policy = defaultPolicy();
  return { ...policy, policy: { ...policy.policy, network } };
}

function cidrOf(goal: GoalStatement, policy = defaultPolicy()): string {
  const outcome = designGoal(goal, policy, { now });
  if (outcome.kind !== "PlanSpec") throw new Error(JSON.stringify(outcome.value));
  return (outcome.value.components.find((c) => c.kind === "network") as NetworkComponent).params.cidr;
}

function blockedOn(goal: GoalStatement, policy: ResolvedOrgPolicy): DesignBlocked {
  const outcome = designGoal(goal, policy, { now });
  expect(outcome.kind).toBe("DesignBlocked");
  return outcome.value as DesignBlocked;
}

describe("the VPC range", () => {
  it("without network.cidr or a pool: a /16 of 10.0.0.0/8 picked by the stack's name, the same every time", () => {
    expect(cidrOf(api())).toMatch(/^10\.\d{1,3}\.0\.0\/16$/);
    expect(cidrOf(api())).toBe(cidrOf(api()));
  });

  it("network.cidr is taken as written", () => {
    expect(cidrOf(api({ network: { cidr: "172.20.0.0/18" } }))).toBe("172.20.0.0/18");
  });

  it("from the policy's pool, skipping every /16 that overlaps a reserved range", () => {
    const policy = withNetwork({
      cidrPool: ["10.64.0.0/14"],
      reservedCidrs: ["10.64.0.0/16", "10.65.0.0/16", "10.66.128.0/20"],
    });
    expect(cidrOf(api(), policy)).toBe("10.67.0.0/16");
  });

  it("a pool smaller than a /16 is the VPC itself", () => {
    expect(cidrOf(api(), withNetwork({ cidrPool: ["10.99.16.0/20"] }))).toBe("10.99.16.0/20");
  });

  it("refuses network.cidr overlapping a reserved range, names network.cidr and offers a free block", () => {
    const blocked = blockedOn(
      api({ network: { cidr: "10.200.0.0/16" } }),
      withNetwork({ reservedCidrs: ["10.200.128.0/17"] }),
    );
    expect(blocked.reasons).toEqual([
      expect.objectContaining({
        code: "cidr-conflict",
        field: "network.cidr",
        message:
          "network.cidr 10.200.0.0/16 overlaps 10.200.128.0/17, which the policy reserves (policy.network.reservedCidrs)",
      }),
    ]);
    expect(blocked.suggestions[0]).toMatchObject({
      field: "network.cidr",
      value: expect.stringMatching(/\/16$/),
    });
  });

  it.each([
    ["a public range", "52.10.0.0/16", defaultPolicy(), "is not a private range"],
    [
      "a range outside the pool",
      "10.9.0.0/16",
      withNetwork({ cidrPool: ["10.64.0.0/12"] }),
      "outside the policy's pool",
    ],
  ])("refuses %s, naming network.cidr", (_what, cidr, policy, words) => {
    const blocked = blockedOn(api({ network: { cidr } }), policy);
    expect(blocked.reasons[0]!.field).toBe("network.cidr");
    expect(blocked.reasons[0]!.message).toContain(words);
  });

  it("a /24 keeps to two AZs even at 99.95 %, so each subnet stays a /27 a load balancer fits in", () => {
    const outcome = designGoal(
      api({ network: { cidr: "10.1.2.0/24" }, slo: { availability: 99.95 } }),
      defaultPolicy(),
      { now },
    );
    const plan = outcome.value as PlanSpec;
    expect((plan.components.find((c) => c.kind === "network") as NetworkComponent).params.azCount).toBe(2);
  });

  it("a pool with every block reserved names policy.network.cidrPool", () => {
    const blocked = blockedOn(
      api(),
      withNetwork({ cidrPool: ["10.8.0.0/15"], reservedCidrs: ["10.8.0.0/14"] }),
    );
    expect(blocked.reasons[0]).toMatchObject({ code: "cidr-conflict", field: "policy.network.cidrPool" });
  });
});

describe("workload.exposure and workload.allowedCidrs", () => {
  function lb(goal: GoalStatement): { plan: PlanSpec; lb: LoadBalancerComponent } {
    const outcome = designGoal(goal, defaultPolicy(), { now });
    if (outcome.kind !== "PlanSpec") throw new Error(JSON.stringify(outcome.value));
    const plan = outcome.value;
    return { plan, lb: plan.components.find((c) => c.kind === "load-balancer") as LoadBalancerComponent };
  }

  it("internal: the ALB is internal, no WAF even under PCI, no public IPv4 on the bill, and the diagram says so", () => {
    const { plan, lb: alb } = lb(
      api({ compliance: ["pci"] }, { exposure: "internal", allowedCidrs: ["10.200.0.0/16"] }),
    );
    expect(alb.params).toMatchObject({ scheme: "internal", waf: false, allowedCidrs: ["10.200.0.0/16"] });
    expect(alb.rationale).toContain("reachable from the VPC and 10.200.0.0/16");
    expect(alb.rationale).toContain("no WAF, as PCI DSS 6.4.2 asks one only of public-facing web apps");
    expect(plan.cost.lines.find((l) => l.component === "load-balancer")!.basis).not.toContain("public IPv4");
    expect(plan.diagram.mermaid).toContain("internal ALB, private subnets");
    expect(plan.diagram.mermaid).toContain("Corporate network: 10.200.0.0/16");
  });

  it("public with allowedCidrs: internet-facing, open only to the listed ranges", () => {
    const { lb: alb } = lb(api({}, { allowedCidrs: ["203.0.113.0/24"] }));
    expect(alb.params).toMatchObject({ scheme: "internet-facing", allowedCidrs: ["203.0.113.0/24"] });
    expect(alb.rationale).toContain("reachable from 203.0.113.0/24 only");
  });

  it("public by default, open to the internet", () => {
    const { lb: alb } = lb(api());
    expect(alb.params.scheme).toBe("internet-facing");
    expect(alb.params.allowedCidrs).toBeUndefined();
  });
});

describe("exposure, allowedCidrs and network.cidr where the pattern cannot use them", () => {
  const worker = { type: "worker" as const, image: "ghcr.io/acme/jobs:1.0.0" };
  const site = { type: "static-site" as const };
  it.each([
    [
      "a worker with allowedCidrs",
      { workload: { ...worker, allowedCidrs: ["10.1.0.0/16"] } },
      "workload.allowedCidrs",
    ],
    [
      "a worker asked to be public",
      { workload: { ...worker, exposure: "public" as const } },
      "workload.exposure",
    ],
    [
      "an internal static site",
      { workload: { ...site, exposure: "internal" as const } },
      "workload.exposure",
    ],
    ["a static site with network.cidr", { workload: site, network: { cidr: "10.1.0.0/16" } }, "network.cidr"],
  ])("%s: DesignBlocked naming %s", (_what, extra, field) => {
    const blocked = blockedOn(api(extra), defaultPolicy());
    expect(blocked.reasons).toEqual([expect.objectContaining({ code: "pattern-mismatch", field })]);
  });

  it("a worker asked to be internal is designed: it takes no inbound connections anyway", () => {
    expect(cidrOf(api({ workload: { ...worker, exposure: "internal" } }))).toMatch(/\/16$/);
  });
});

describe("an invalid range never reaches Atlas: the intake names the field", () => {
  it.each([
    ["network.cidr", { network: { cidr: "10.42.0.0/33" } }],
    ["network.cidr", { network: { cidr: "10.42.0.0/8" } }],
    [
      "workload.allowedCidrs[0]",
      { workload: { type: "web-api", image: "x:1", allowedCidrs: ["corporate-vpn"] } },
    ],
  ])("%s in %j", (field, extra) => {
    const result = readGoal(JSON.stringify(api(extra as Partial<GoalStatement>)), "json");
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.map(formatProblem).join("\n")).toContain(`${field}: must be an IPv4 range`);
  });
});

describe("the VPC ranges other goals of the repository hold", () => {
  const free = cidrOf(api());
  const held = (cidr: string, goal = "orders-api", issue = 3) => ({ cidr, goal, issue });

  function design(goal: GoalStatement, takenCidrs: ReturnType<typeof held>[], policy = defaultPolicy()) {
    return designGoal(goal, policy, { now, takenCidrs });
  }

  it("a block from the pool skips one another goal holds, to the next free one", () => {
    const out = design(api(), [held(free)]);
    if (out.kind !== "PlanSpec") throw new Error(JSON.stringify(out.value));
    const network = out.value.components.find((c) => c.kind === "network") as NetworkComponent;
    expect(network.params.cidr).not.toBe(free);
    expect(network.params.cidr).toMatch(/^10\.\d{1,3}\.0\.0\/16$/);
    expect(network.rationale).toContain("clear of the 1 VPC range the repository's other goals hold");
  });

  it("a goal's own network.cidr overlapping another goal's VPC is blocked, naming both goals' ranges", () => {
    const out = design(api({ network: { cidr: "10.40.128.0/20" } }), [held("10.40.0.0/16")]);
    expect(out.kind).toBe("DesignBlocked");
    const b = out.value as DesignBlocked;
    expect(b.reasons).toEqual([
      {
        code: "cidr-conflict",
        message:
          'network.cidr 10.40.128.0/20 overlaps 10.40.0.0/16, the VPC of the goal "orders-api" (#3) in this repository',
        field: "network.cidr",
      },
    ]);
    expect(b.suggestions[0]).toMatchObject({ field: "network.cidr", value: free });
  });

  it("a pool every block of which another goal holds is exhausted, and says so", () => {
    const policy = withNetwork({ cidrPool: ["10.8.0.0/15"] });
    const b = design(api(), [held("10.8.0.0/16"), held("10.9.0.0/16", "ledger", 4)], policy);
    expect(b.kind).toBe("DesignBlocked");
    expect((b.value as DesignBlocked).reasons[0]!.message).toBe(
      "every /16 of the policy's pool (10.8.0.0/15) overlaps a reserved range or another goal's VPC",
    );
  });
});
