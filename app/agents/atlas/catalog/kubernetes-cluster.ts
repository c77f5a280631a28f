import type { Risk } from "../../../contracts/generated/plan-spec.js";
import type { Link } from "../availability.js";
import { slaLink } from "../availability.js";
import { HOURS_PER_MONTH as H, servicePrice } from "../../pricing/index.js";
import { EBS_GP3 } from "../../pricing/ec2-prices.js";
import { EKS } from "../../pricing/shape-prices.js";
import { CLUSTER_LOGS } from "../cluster-assumptions.js";
import type { ClusterDesign } from "../cluster-sizing.js";
import { costLine, type CostLine } from "../cost-line.js";
import type { Design } from "../design.js";
import { cents, num, price } from "../format.js";
import { SLAS } from "../sla.js";
import type { CatalogEntry } from "./entry.js";
import { logParts } from "./log-cost.js";

function clusterOf(d: Design): ClusterDesign {
  if (!d.cluster) throw new Error("internal: a kubernetes design without its cluster");
  return d.cluster;
}

function shaped(d: Design, key: "clusterHour" | "extendedClusterHour"): number {
  return servicePrice(EKS, d.ctx.region, key)!.usd;
}

/** Control-plane log volume a month: a baseline plus what each node's kubelet and pods add to the audit log. */
export function controlPlaneLogGb(c: ClusterDesign): number {
  return Number((CLUSTER_LOGS.baselineGb + CLUSTER_LOGS.gbPerNode * c.nodes).toFixed(1));
}

/** The groups that leave a single point: fewer than two nodes at their floor. */
export function singlePointGroups(c: ClusterDesign): string[] {
  return c.groups.filter((g) => g.min < 2).map((g) => g.name);
}

function supportWords(c: ClusterDesign): string {
  return c.tier === "standard"
    ? `in standard support until ${c.release.standardSupportEnds}`
    : `past standard support (ended ${c.release.standardSupportEnds}): paid extended support until ${c.release.extendedSupportEnds}`;
}

function groupWords(d: Design): string {
  return clusterOf(d)
    .groups.map(
      (g) => `${g.name} (${g.instanceTypes.join("/")}, ${g.min}–${g.max} nodes, starting at ${g.desired})`,
    )
    .join("; ");
}

/** Monthly cost of the node groups at their floor, and at their max. */
export function nodesUsd(c: ClusterDesign, at: "desired" | "max"): number {
  return cents(c.groups.reduce((sum, g) => sum + g[at] * H * g.hourly, 0));
}

/**
 * The EKS cluster: control plane (standard or extended support), managed node groups over the network's AZs,
 * their root volumes and the control-plane logs. Forge renders it with IRSA, the core add-ons and the AWS Load
 * Balancer Controller's role.
 */
export const kubernetesCluster: CatalogEntry = {
  ids: () => ["cluster"],
  component(d, id) {
    const c = clusterOf(d);
    const version = c.versionAssumed
      ? `Kubernetes ${c.version}, the newest EKS version in standard support on the design's date`
      : `Kubernetes ${c.version} (workload.kubernetesVersion)`;
    return {
      id,
      kind: "kubernetes-cluster",
      params: {
        kubernetesVersion: c.version,
        supportTier: c.tier,
        logRetentionDays: d.logRetentionDays,
        nodeGroups: c.groups.map((g) => ({
          name: g.name,
          instanceTypes: [...g.instanceTypes],
          min: g.min,
          max: g.max,
          desired: g.desired,
          capacityType: "ON_DEMAND",
          diskGb: g.diskGb,
        })),
      },
      dependsOn: ["network"],
      rationale: `${version}, ${supportWords(c)}. Managed node groups in the private subnets of ${d.azCount} AZs: ${groupWords(d)}; each starts at its min and the workloads' autoscaler grows it to max. Private API endpoint, secrets encrypted with the stack key, control-plane logs kept ${d.logRetentionDays} days, IRSA roles for the VPC CNI and the AWS Load Balancer Controller.`,
    };
  },
  cost(d, id) {
    const c = clusterOf(d);
    const key = c.tier === "standard" ? "clusterHour" : "extendedClusterHour";
    const hourly = shaped(d, key);
    const ebs = servicePrice(EBS_GP3, d.ctx.region, "gbMonth")!.usd;
    const volumeGb = c.groups.reduce((sum, g) => sum + g.desired * g.diskGb, 0);
    const lines: CostLine[] = [
      costLine(id, "control-plane", [
        { usd: H * hourly, text: `1 EKS cluster × ${H} h × ${price(hourly)} (${c.tier} support)` },
      ]),
      costLine(
        id,
        "nodes",
        c.groups.map((g) => ({
          usd: g.desired * H * g.hourly,
          text: `${g.desired} × ${g.instanceTypes[0]} (${g.name}) × ${H} h × ${price(g.hourly)}`,
        })),
      ),
      costLine(id, "node-volumes", [
        { usd: volumeGb * ebs, text: `${num(volumeGb, 0)} GB gp3 root volumes × ${price(ebs)}` },
      ]),
      costLine(id, "logs", logParts(d.ctx, "control-plane logs", controlPlaneLogGb(c), d.logRetentionDays)),
    ];
    return lines;
  },
  link(): Link {
    return slaLink(
      "cluster",
      SLAS.eksControlPlane,
      `${SLAS.eksControlPlane.basis}: scheduling, scaling and every change to the workloads need it`,
    );
  },
  risks(d, id) {
    const c = clusterOf(d);
    const single = singlePointGroups(c);
    const out: Risk[] = [
      {
        component: id,
        failure: "An AZ is lost",
        impact: `The nodes in that AZ go (about ${num(100 / d.azCount, 0)} % of each group)`,
        mitigation: `Node groups span ${d.azCount} AZs; pods reschedule on the remaining nodes and the autoscaler replaces the lost ones`,
        residual: "Reduced capacity for minutes, longer for pods whose volumes were in the lost AZ",
        severity: "low",
      },
      {
        component: id,
        failure: "The workloads scale every group to its max",
        impact: `The nodes would cost ${num(nodesUsd(c, "max"))} USD/month instead of ${num(nodesUsd(c, "desired"))} at the floor`,
        mitigation: "Node group max sizes bound it; a budget alarm on the account catches it",
        residual: "The estimate prices the floor: sustained load above it costs more",
        severity: "medium",
      },
    ];
    if (single.length > 0)
      out.push({
        component: id,
        failure: `A node of ${single.join(", ")} fails`,
        impact: `Those groups run fewer than two nodes at their floor: a single point, their pods are down until a node is replaced`,
        mitigation:
          "Managed node groups replace an unhealthy node; set min to 2 or more to spread the group over AZs",
        residual: "Minutes of outage for the pods that only fit there",
        severity: d.ctx.prod ? "high" : "medium",
      });
    if (c.tier === "extended")
      out.push({
        component: id,
        failure: `Kubernetes ${c.version} leaves extended support on ${c.release.extendedSupportEnds}`,
        impact: "EKS upgrades the control plane itself, which may break workloads that rely on removed APIs",
        mitigation:
          "Upgrade to a version in standard support before then; extended support costs 6 × the standard cluster-hour until you do",
        residual: "The upgrade is the team's to plan",
        severity: "medium",
      });
    return out;
  },
};

/** The cluster's nodes: priced and rendered with the cluster, a link of their own on the path. */
export const clusterNodes: CatalogEntry = {
  ids: () => [],
  component() {
    throw new Error("internal: the nodes are part of the cluster component");
  },
  cost: () => [],
  link(d): Link {
    const c = clusterOf(d);
    const single = singlePointGroups(c);
    if (single.length > 0 || d.azCount < 2)
      return slaLink(
        "nodes",
        SLAS.ec2SingleInstance,
        `node group${single.length === 1 ? "" : "s"} ${single.join(", ")} with fewer than two nodes: a single EC2 instance (${SLAS.ec2SingleInstance.basis})`,
      );
    return slaLink(
      "nodes",
      SLAS.ec2MultiAz,
      `every node group keeps at least two nodes over ${d.azCount} AZs (${SLAS.ec2MultiAz.basis})`,
    );
  },
  risks: () => [],
};
