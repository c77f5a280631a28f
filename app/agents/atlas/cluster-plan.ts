import type { Assumption, PlanSpec, Saving } from "../../contracts/generated/plan-spec.js";
import { dayOf } from "../forge/catalog/engine-support.js";
import { formatUsd } from "../../format/money.js";
import { nodesUsd } from "./catalog/kubernetes-cluster.js";
import { CLUSTER_LOGS, NODE_EGRESS } from "./cluster-assumptions.js";
import { DEFAULT_NODE_GROUP, NODE_DISK_GB, type ClusterDesign } from "./cluster-sizing.js";
import type { Design } from "./design.js";
import { cents, num, price } from "./format.js";
import { HOURS_PER_MONTH as H, servicePrice } from "../pricing/index.js";
import { EKS } from "../pricing/shape-prices.js";
import { SAVINGS_RATES } from "./savings-rates.js";

/** The PlanSpec's capacity of a cluster: node groups at their floor, up to their max. */
export function clusterCapacity(d: Design, c: ClusterDesign): PlanSpec["capacity"] {
  const { ctx } = d;
  const groups = c.groups.map((g) => `${g.name} ${g.desired} (${g.min}–${g.max}) × ${g.instanceTypes[0]}`);
  return {
    model: "node-driven",
    peakRps: ctx.peakRps,
    avgRps: ctx.avgRps,
    azCount: d.azCount,
    explanation: `${c.nodes} node${c.nodes === 1 ? "" : "s"} at the floor over ${d.azCount} AZs: ${groups.join("; ")}. A kubernetes goal gives no per-pod throughput, so Atlas cannot size the nodes from the ${num(ctx.peakRps)} rps peak: each group starts at its min, and the workloads' autoscaler (Cluster Autoscaler or Karpenter, the team's choice) grows it up to max. The ${num(ctx.avgRps)} rps average drives the NAT and flow-log volume.`,
  };
}

/** One line of a design's summary: the cluster, for attempts and relaxations. */
export function clusterWords(d: Design): string | undefined {
  const c = d.cluster;
  return c && `EKS ${c.version} (${c.tier}) with ${c.nodes} nodes over ${d.azCount} AZs`;
}

/** A Mermaid flowchart of the cluster: the control plane, the node groups in each AZ, the NAT gateways. */
export function clusterDiagram(d: Design, c: ClusterDesign): string[] {
  const lines = [
    "flowchart TB",
    '  operators(["Operators: kubectl, CI"])',
    '  internet(["Internet: image registries, outside APIs"])',
    `  subgraph region["AWS ${d.ctx.region}"]`,
    `    cp["cluster: EKS ${c.version} control plane (${c.tier} support)"]`,
    `    subgraph vpc["network: VPC over ${d.azCount} AZs"]`,
  ];
  const flows: string[] = ["  operators -->|private endpoint| cp"];
  for (let az = 1; az <= d.azCount; az++) {
    lines.push(`      subgraph az${az}["AZ ${az}"]`);
    if (d.natGateways >= az) lines.push(`        nat${az}["NAT gateway ${az}"]`);
    for (const g of c.groups) {
      const id = `${g.name.replace(/[^A-Za-z0-9]/g, "_")}_az${az}`;
      lines.push(`        ${id}["${g.name}: ${g.instanceTypes[0]} nodes"]`);
      flows.push(`  cp --> ${id}`, `  ${id} -->|egress| nat${d.natGateways > 1 ? az : 1}`);
    }
    lines.push("      end");
  }
  lines.push(
    "    end",
    `    logs["control-plane logs: CloudWatch Logs, ${d.logRetentionDays} days"]`,
    "  end",
  );
  flows.push("  cp -.->|logs| logs");
  for (let az = 1; az <= d.natGateways; az++) flows.push(`  nat${az} --> internet`);
  return [...lines, ...flows];
}

/** What a Kubernetes design assumed where the goal does not say. */
export function clusterAssumptions(d: Design, c: ClusterDesign): Assumption[] {
  const out: Assumption[] = [];
  if (c.versionAssumed) {
    out.push({
      field: "workload.kubernetesVersion",
      value: c.version,
      why: `The newest EKS version in standard support on ${dayOf(d.ctx.now)} (until ${c.release.standardSupportEnds}), from Atlas's dated EKS release table; an older one would cost extended support sooner.`,
    });
  }
  if (d.ctx.goal.workload.nodeGroups === undefined) {
    out.push({
      field: "workload.nodeGroups",
      value: `${DEFAULT_NODE_GROUP.name}: ${DEFAULT_NODE_GROUP.instanceTypes.join(", ")}, ${DEFAULT_NODE_GROUP.min}–${DEFAULT_NODE_GROUP.max} nodes`,
      why: "The goal lists no node group: two general-purpose x86 nodes keep the cluster's add-ons and first workloads on two AZs.",
    });
  }
  out.push(
    {
      field: "workload.nodeGroups[].desired",
      value: c.groups.map((g) => `${g.name} ${g.desired}`).join(", "),
      why: "Each group starts at its min: a kubernetes goal gives no per-pod throughput to size the nodes from, and the workloads' autoscaler grows a group to its max. The estimate prices the floor; the risks give the cost at max.",
    },
    {
      field: "workload.nodeGroups[].diskGb",
      value: `${NODE_DISK_GB} GB gp3 per node`,
      why: "The EKS default root volume: the OS, the kubelet and container images. Pods that need more use persistent volumes.",
    },
    {
      field: "logs.controlPlaneGb",
      value: `${CLUSTER_LOGS.baselineGb} GB a month plus ${CLUSTER_LOGS.gbPerNode} GB per node, kept ${d.logRetentionDays} days`,
      why: CLUSTER_LOGS.reasoning,
    },
  );
  if (d.natGateways > 0)
    out.push({
      field: "network.natGbPerNode",
      value: `${NODE_EGRESS.natGbPerNode} GB per node a month`,
      why: NODE_EGRESS.reasoning,
    });
  return out;
}

/** Ways to spend less on the nodes. */
export function clusterSavings(d: Design, c: ClusterDesign): Saving[] {
  const monthly = nodesUsd(c, "desired");
  const out: Saving[] = [];
  if (d.ctx.prod) {
    const r = SAVINGS_RATES.computeSavingsPlan1y;
    out.push({
      suggestion: "Commit to a Compute Savings Plan for the nodes' floor",
      yearlyUsd: cents(monthly * r.discount * 12),
      basis: `${formatUsd(monthly)}/month of node-hours × ${r.discount * 100} % (${r.ec2Basis}) × 12`,
    });
  } else {
    const r = SAVINGS_RATES.offHours;
    out.push({
      suggestion: `Scale this ${d.ctx.goal.environment} cluster's node groups to 0 out of hours`,
      yearlyUsd: cents(monthly * r.share * 12),
      basis: `${formatUsd(monthly)}/month of node-hours × ${num(r.share * 100, 0)} % of hours, ${r.basis}, × 12`,
    });
  }
  if (c.tier === "extended") {
    const standard = servicePrice(EKS, d.ctx.region, "clusterHour")!.usd;
    const extended = servicePrice(EKS, d.ctx.region, "extendedClusterHour")!.usd;
    out.push({
      suggestion: "Upgrade to a Kubernetes version in standard support, and stop paying for extended support",
      yearlyUsd: cents((extended - standard) * H * 12),
      basis: `(${price(extended)} − ${price(standard)}) per cluster-hour × ${H} h × 12`,
    });
  }
  return out;
}
