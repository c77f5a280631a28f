import type { DesignContext } from "./context.js";
import type { Profile } from "./profiles.js";

export type DbTopology = "rds-single" | "rds-multi" | "aurora";
export type NatTopology = "none" | "one" | "per-az";

/** The redundancy choices that move availability and cost. */
export interface Topology {
  /** Tasks spread over every AZ (at least one each), or a single task. */
  readonly spread: boolean;
  readonly nat: NatTopology;
  readonly db?: DbTopology;
  readonly cache?: "single" | "multi";
}

export interface TopologyOptions {
  readonly hasCompute: boolean;
  /** Kubernetes nodes: the node groups span every AZ, so there is no single-task choice. */
  readonly nodes?: boolean;
  readonly db: readonly DbTopology[];
  readonly cache: boolean;
  /** A scheduled job: no service to spread, and NAT redundancy only where the SLO needs it. */
  readonly job?: boolean;
}

/** Every topology the profile's floors allow, cheapest-looking first (the order breaks cost ties). */
export function topologies(ctx: DesignContext, profile: Profile, options: TopologyOptions): Topology[] {
  const dbs: (DbTopology | undefined)[] =
    options.db.length === 0
      ? [undefined]
      : options.db.filter((d) => !(profile.floors.dbMultiAz && d === "rds-single"));
  // Without tasks there is no NAT: a function reaches its database and secret inside the VPC.
  if (!options.hasCompute) return dbs.map((db) => ({ spread: false, nat: "none", ...(db ? { db } : {}) }));
  const spreads = options.job ? [false] : ctx.prod || options.nodes ? [true] : [false, true];
  const nats: NatTopology[] = profile.floors.natPerAz && !options.job ? ["per-az"] : ["one", "per-az"];
  const caches: ("single" | "multi" | undefined)[] = !options.cache
    ? [undefined]
    : profile.floors.cacheMultiAz
      ? ["multi"]
      : ["single", "multi"];
  const out: Topology[] = [];
  for (const spread of spreads)
    for (const nat of nats)
      for (const db of dbs)
        for (const cache of caches)
          out.push({ spread, nat, ...(db ? { db } : {}), ...(cache ? { cache } : {}) });
  return out;
}
