import { describe, expect, it } from "vitest";
import { EGRESS } from "../../../../app/agents/atlas/assumptions.js";
import { designGoal } from "../../../../app/agents/atlas/index.js";
import { checkPlanSpecForRender, renderStack } from "../../../../app/agents/forge/index.js";
import { estimateCost } from "../../../../app/agents/sentinel/cost/estimate.js";
import { parseTerraformPlan } from "../../../../app/agents/sentinel/parsers/index.js";
import type { DesignBlocked, GoalStatement, PlanSpec } from "../../../../app/contracts/generated/index.js";
import type { KubernetesClusterComponent } from "../../../../app/contracts/generated/plan-spec.js";
import { readGoal } from "../../../../app/contracts/goal-intake.js";
import { examplePolicy } from "../../../support/atlas-policies.js";
import { readRepoFile } from "../../../support/repo-files.js";
import { parsedValue } from "../../../support/sentinel-fixtures.js";
import { testPlan } from "../../../support/sentinel-plan.js";

const NOW = new Date("2026-11-27T00:00:00Z");

function platform(): GoalStatement {
  const read = readGoal(readRepoFile("examples", "kubernetes.json"));
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.value.goal;
}

function design(goal: GoalStatement, now = NOW) {
  return designGoal(goal, examplePolicy(), { now });
}

function plan(goal: GoalStatement, now = NOW): PlanSpec {
  const out = design(goal, now);
  if (out.kind !== "PlanSpec") throw new Error(JSON.stringify(out.value.reasons));
  return out.value;
}

function blocked(goal: GoalStatement, now = NOW): DesignBlocked {
  const out = design(goal, now);
  if (out.kind !== "DesignBlocked") throw new Error("designed what should be blocked");
  return out.value;
}

function cluster(spec: PlanSpec): KubernetesClusterComponent {
  return spec.components.find((c): c is KubernetesClusterComponent => c.kind === "kubernetes-cluster")!;
}

function line(spec: PlanSpec, item: string): number | undefined {
  return spec.cost.lines.find((l) => l.item === item)?.monthlyUsd;
}

function withWorkload(goal: GoalStatement, workload: Partial<GoalStatement["workload"]>): GoalStatement {
  return { ...goal, workload: { ...goal.workload, ...workload } };
}

describe("Atlas designs a kubernetes goal as an EKS cluster Forge renders", () => {
  const spec = plan(platform());

  it("writes a network and a cluster Forge accepts and renders, with IRSA and the load balancer controller's role", () => {
    expect(spec.components.map((c) => [c.id, c.kind])).toEqual([
      ["network", "network"],
      ["cluster", "kubernetes-cluster"],
    ]);
    expect(checkPlanSpecForRender(spec)).toEqual([]);
    const files = renderStack(spec, { policy: examplePolicy() }).files;
    const tf = files.find((f) => f.path.endsWith("cluster.tf"))!.content;
    expect(tf).toContain('kubernetes_version = "1.35"');
    expect(tf).toContain("cluster_load_balancer_controller");
    expect(tf).toContain("enable_irsa");
  });

  it("prices control plane, nodes at their floor, their volumes and the control-plane logs from the price tables", () => {
    expect(
      spec.cost.lines.filter((l) => l.component === "cluster").map((l) => [l.item, l.monthlyUsd, l.basis]),
    ).toEqual([
      ["control-plane", 73, "1 EKS cluster × 730 h × $0.1 (standard support)"],
      [
        "nodes",
        691.93,
        "3 × m7i.large (system) × 730 h × $0.12075 + 3 × m7g.xlarge (general) × 730 h × $0.1952",
      ],
      ["node-volumes", 11.42, "120 GB gp3 root volumes × $0.0952"],
      ["logs", 7.09, "11 GB control-plane logs ingested × $0.63 + 5 GB stored (90 days) × $0.0324"],
    ]);
    expect(spec.cost.monthlyUsd).toBe(891.47);
  });

  it("agrees with Sentinel's offline estimate of the rendered cluster and node groups", () => {
    const groups = cluster(spec).params.nodeGroups;
    const sentinel = estimateCost(
      parsedValue(
        parseTerraformPlan(
          JSON.stringify(
            testPlan({
              region: spec.region,
              changes: [
                {
                  address: "aws_eks_cluster.this",
                  after: { upgrade_policy: [{ support_type: "STANDARD" }] },
                },
                ...groups.map((g) => ({
                  address: `aws_eks_node_group.${g.name}`,
                  after: { instance_types: g.instanceTypes, scaling_config: [{ desired_size: g.desired }] },
                })),
              ],
            }),
          ),
          { file: "plan.json" },
        ),
      ),
    );
    const sentinelUsd = sentinel.lines.reduce((sum, l) => sum + l.monthlyUsd, 0);
    expect(sentinelUsd).toBeCloseTo(line(spec, "control-plane")! + line(spec, "nodes")!, 1);
  });

  it("puts the control plane's SLA, the nodes over the AZs and the NAT gateways on the path, with their sources", () => {
    expect(spec.availability.path.map((l) => [l.component, l.availability, l.sla, l.source])).toEqual([
      ["cluster", 99.95, 99.95, "https://aws.amazon.com/eks/sla/"],
      ["nodes", 99.99, 99.99, "https://aws.amazon.com/compute/sla/"],
      ["network", 99.9999, 99.9, "https://aws.amazon.com/vpc/sla/"],
    ]);
    expect(spec.availability.composite).toBe(99.9399);
    expect(spec.capacity.model).toBe("node-driven");
    expect(spec.diagram.mermaid).toContain("EKS 1.35 control plane");
    expect((spec.assumptions ?? []).map((a) => a.field)).toContain("workload.kubernetesVersion");
  });

  it("no longer blocks its own summary's Kubernetes ask; a web-api with the same summary still is", () => {
    expect(spec.summary).toMatch(/Kubernetes \(EKS\)/);
    const web = readGoal(readRepoFile("schemas", "examples", "goal-web-api.json"));
    if (!web.ok) throw new Error("goal-web-api.json");
    const b = blocked({ ...web.value.goal, summary: spec.summary });
    expect(b.reasons.map((r) => [r.code, r.field])).toContainEqual(["summary-ask-unmet", "workload.type"]);
  });
});

describe("the Kubernetes version, from the dated EKS table", () => {
  const goal = platform();
  const dec5 = new Date("2026-12-05T00:00:00Z");

  it.each<[string, string | undefined, Date, string, number]>([
    ["absent: the newest in standard support", undefined, NOW, "standard", 73],
    ["1.34 before its end of standard support", "1.34", NOW, "standard", 73],
    [
      "1.34 past its end of standard support (2026-12-02): extended, priced $0.60",
      "1.34",
      dec5,
      "extended",
      438,
    ],
    ["1.33 in extended support", "1.33", dec5, "extended", 438],
  ])("%s", (_name, version, now, tier, controlPlaneUsd) => {
    const spec = plan(withWorkload(goal, version ? { kubernetesVersion: version } : {}), now);
    expect(cluster(spec).params.supportTier).toBe(tier);
    expect(line(spec, "control-plane")).toBe(controlPlaneUsd);
    if (tier === "extended") {
      expect(spec.risks.map((r) => r.failure)).toContain(
        `Kubernetes ${version} leaves extended support on 2027-${version === "1.34" ? "12-02" : "07-29"}`,
      );
      expect(spec.savings[1]?.suggestion).toMatch(/standard support/);
    }
  });

  it.each<[string, string]>([
    ["past extended support (1.31 ended 2026-11-26)", "1.31"],
    ["not offered by EKS (1.36 is not in the table)", "1.36"],
  ])("blocks a version %s, naming workload.kubernetesVersion and suggesting 1.35", (_name, version) => {
    const b = blocked(withWorkload(goal, { kubernetesVersion: version }), dec5);
    expect(b.reasons.map((r) => [r.code, r.field])).toEqual([
      ["engine-out-of-support", "workload.kubernetesVersion"],
    ]);
    expect(b.suggestions).toContainEqual(
      expect.objectContaining({ field: "workload.kubernetesVersion", value: "1.35" }),
    );
  });
});

describe("node groups: priced per instance type, blocked when a type has no price", () => {
  const goal = platform();

  it("blocks an instance type without a price in the region, naming the group's instanceTypes", () => {
    const b = blocked(
      withWorkload(goal, {
        nodeGroups: [
          { name: "system", instanceTypes: ["m7i.large"], min: 3, max: 4 },
          { name: "memory", instanceTypes: ["x2iedn.xlarge"], min: 2, max: 4 },
        ],
      }),
    );
    expect(b.reasons.map((r) => [r.code, r.field])).toEqual([
      ["region-not-priced", "workload.nodeGroups[1].instanceTypes"],
    ]);
    expect(b.reasons[0]!.message).toContain("x2iedn.xlarge in eu-central-1");
  });

  it("blocks a group that mixes Graviton and x86 types, which Forge could not render", () => {
    const b = blocked(
      withWorkload(goal, {
        nodeGroups: [{ name: "mixed", instanceTypes: ["m7g.large", "m7i.large"], min: 2, max: 4 }],
      }),
    );
    expect(b.reasons.map((r) => [r.code, r.field])).toEqual([
      ["pattern-mismatch", "workload.nodeGroups[0].instanceTypes"],
    ]);
  });

  // low / medium / high: traffic moves the flow-log volume, the nodes move the node-hours and the NAT volume.
  it.each<
    [
      string,
      number,
      number,
      { name: string; instanceTypes: string[]; min: number; max: number }[],
      number,
      number,
      number,
    ]
  >([
    ["low", 20, 5, [{ name: "general", instanceTypes: ["c7g.large"], min: 2, max: 4 }], 2, 120.6, 1.04],
    [
      "medium",
      400,
      120,
      [{ name: "general", instanceTypes: ["m7i.xlarge"], min: 4, max: 12 }],
      4,
      705.18,
      2.08,
    ],
    [
      "high",
      5000,
      1500,
      [
        { name: "system", instanceTypes: ["m7i.large"], min: 2, max: 3 },
        { name: "memory", instanceTypes: ["r7g.2xlarge"], min: 6, max: 30 },
      ],
      8,
      2439.88,
      4.16,
    ],
  ])("%s traffic: %d rps peak", (_level, peakRps, avgRps, nodeGroups, nodes, nodesUsd, natProcessingUsd) => {
    const spec = plan({
      ...withWorkload(goal, { nodeGroups }),
      traffic: { peakRps, avgRps },
      budget: { monthlyUsd: 5000 },
    });
    const groups = cluster(spec).params.nodeGroups;
    expect(groups.map((g) => g.desired)).toEqual(nodeGroups.map((g) => g.min));
    expect(groups.reduce((n, g) => n + g.desired, 0)).toBe(nodes);
    expect(line(spec, "nodes")).toBe(nodesUsd);
    expect(line(spec, "nat-processing")).toBe(natProcessingUsd);
    expect(spec.capacity.explanation).toContain(`${nodes} nodes at the floor`);
    const flowGb = EGRESS.flowLogBaselineGb + (EGRESS.flowLogBytesPerRequest * avgRps * 2_592_000) / 1e9;
    expect(spec.cost.lines.find((l) => l.item === "flow-logs")!.basis).toMatch(
      new RegExp(`^${flowGb.toFixed(1)} GB flow logs ingested`),
    );
  });
});

describe("availability: a group under two nodes is a single point", () => {
  const goal = platform();
  const single = [{ name: "general", instanceTypes: ["m7g.large"], min: 1, max: 3 }];

  it("blocks a prod 99.9 % target when a group has one node, naming the SLO it cannot meet", () => {
    const b = blocked(withWorkload(goal, { nodeGroups: single }));
    expect(b.reasons.map((r) => r.code)).toEqual(["slo-unreachable"]);
  });

  it("designs it outside prod for a 99 % target, says so in the risks and the path", () => {
    const spec = plan({
      ...withWorkload(goal, { nodeGroups: single }),
      environment: "dev",
      slo: { availability: 99 },
    });
    expect(spec.availability.path.find((l) => l.component === "nodes")).toMatchObject({ availability: 99.5 });
    expect(spec.risks.map((r) => r.failure)).toContain("A node of general fails");
    expect(spec.components[0]!.params).toMatchObject({ natGateways: 1 });
  });

  it("blocks a 99.95 % target: the EKS control plane's SLA is the ceiling, and the cheapest lower tier is suggested", () => {
    const b = blocked({ ...goal, slo: { availability: 99.95 } });
    expect(b.reasons.map((r) => r.code)).toEqual(["slo-unreachable"]);
    expect(b.suggestions).toContainEqual(expect.objectContaining({ field: "slo.availability", value: 99.9 }));
  });
});
