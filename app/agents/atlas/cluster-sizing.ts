import { dayOf } from "../forge/catalog/engine-support.js";
import { eksOffered, eksSupport, newestStandardEks, type EksVersion } from "../forge/catalog/eks-versions.js";
import { instanceArchitecture } from "../forge/catalog/instance-arch.js";
import { ec2InstanceHourly } from "../pricing/shape-prices.js";
import type { Clash } from "./clash.js";
import type { DesignContext } from "./context.js";

/** The EKS default root volume Forge gives a node (gp3, encrypted). */
export const NODE_DISK_GB = 20;

/** The node group Atlas assumes when the goal lists none: two general-purpose x86 nodes, room to grow to six. */
export const DEFAULT_NODE_GROUP = { name: "general", instanceTypes: ["m7i.large"], min: 2, max: 6 } as const;

/** The goal's node groups, or the default one. */
export function nodeGroupsOf(
  ctx: DesignContext,
): NonNullable<DesignContext["goal"]["workload"]["nodeGroups"]> {
  return (
    ctx.goal.workload.nodeGroups ?? [
      { ...DEFAULT_NODE_GROUP, instanceTypes: [...DEFAULT_NODE_GROUP.instanceTypes] },
    ]
  );
}

/** A node group as designed: the goal's bounds, the nodes it starts with and the price of its first type. */
export interface NodeGroupDesign {
  readonly name: string;
  readonly instanceTypes: readonly string[];
  readonly min: number;
  readonly max: number;
  readonly desired: number;
  /** The on-demand hourly price of the first instance type, which the group launches first. */
  readonly hourly: number;
  readonly diskGb: number;
}

export interface ClusterDesign {
  readonly version: string;
  /** The goal names no version: Atlas took the newest in standard support on the design's date. */
  readonly versionAssumed: boolean;
  readonly tier: "standard" | "extended";
  readonly release: EksVersion;
  readonly groups: readonly NodeGroupDesign[];
  /** Nodes running at the floor (the sum of the groups' desired counts). */
  readonly nodes: number;
}

export type ClusterPlan =
  { readonly ok: true; readonly cluster: ClusterDesign } | { readonly ok: false; readonly clashes: Clash[] };

function versionClash(ctx: DesignContext, version: string | undefined): Clash {
  const day = dayOf(ctx.now);
  const offered = eksOffered(day);
  const latest = newestStandardEks(day);
  return {
    reason: {
      code: "engine-out-of-support",
      message: version
        ? `EKS does not create Kubernetes ${version} on ${day}: it offers ${offered.join(", ") || "no version Atlas's table knows"}`
        : `no Kubernetes version in Atlas's EKS table is in standard support on ${day}`,
      field: "workload.kubernetesVersion",
    },
    suggestions: latest
      ? [
          {
            message: `set workload.kubernetesVersion to ${latest.version} (standard support until ${latest.standardSupportEnds})`,
            field: "workload.kubernetesVersion",
            value: latest.version,
          },
        ]
      : [],
  };
}

function groupClashes(ctx: DesignContext): Clash[] {
  const groups = nodeGroupsOf(ctx);
  return groups.flatMap((g, i) => {
    const field = `workload.nodeGroups[${i}].instanceTypes`;
    const unpriced = g.instanceTypes.filter((t) => !ec2InstanceHourly(ctx.region, t));
    const arches = new Set(g.instanceTypes.map(instanceArchitecture));
    const out: Clash[] = [];
    if (unpriced.length > 0) {
      out.push({
        reason: {
          code: "region-not-priced",
          message: `node group ${g.name}: no on-demand price for ${unpriced.join(", ")} in ${ctx.region} in Atlas's EC2 table (the m, c and r families, x86 and Graviton)`,
          field,
        },
        suggestions: [{ message: `use m, c or r family types (such as m7i.large or m7g.large)`, field }],
      });
    }
    if (arches.size > 1) {
      out.push({
        reason: {
          code: "pattern-mismatch",
          message: `node group ${g.name} mixes Graviton (arm64) and x86_64 types (${g.instanceTypes.join(", ")}); a node group runs one AMI`,
          field,
        },
        suggestions: [{ message: "split the group into one x86_64 group and one Graviton group", field }],
      });
    }
    return out;
  });
}

/**
 * The cluster: its Kubernetes version (the goal's, or the newest in standard support on the design's date; one
 * past standard support runs on paid extended support) and its node groups, each starting at its min (the
 * workloads' autoscaler grows it to max), priced by the first instance type. Clashes name the goal field.
 */
export function planCluster(ctx: DesignContext): ClusterPlan {
  const day = dayOf(ctx.now);
  const asked = ctx.goal.workload.kubernetesVersion;
  const support = asked ? eksSupport(asked, day) : undefined;
  const latest = newestStandardEks(day);
  const clashes = groupClashes(ctx);
  const chosen = asked
    ? support!.tier === "none"
      ? undefined
      : support!
    : latest && eksSupport(latest.version, day);
  if (!chosen || chosen.tier === "none") clashes.unshift(versionClash(ctx, asked));
  if (clashes.length > 0 || !chosen || chosen.tier === "none") return { ok: false, clashes };
  const groups = nodeGroupsOf(ctx).map((g) => ({
    name: g.name,
    instanceTypes: g.instanceTypes,
    min: g.min,
    max: g.max,
    desired: g.min,
    hourly: ec2InstanceHourly(ctx.region, g.instanceTypes[0]!)!.usd,
    diskGb: NODE_DISK_GB,
  }));
  return {
    ok: true,
    cluster: {
      version: chosen.release.version,
      versionAssumed: asked === undefined,
      tier: chosen.tier,
      release: chosen.release,
      groups,
      nodes: groups.reduce((n, g) => n + g.desired, 0),
    },
  };
}
