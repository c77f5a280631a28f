import { slaLink } from "../availability.js";
import { HOURS_PER_MONTH as H } from "../../pricing/index.js";
import { MONITORING } from "../assumptions.js";
import { costLine } from "../cost-line.js";
import { num, price } from "../format.js";
import { SLAS } from "../sla.js";
import { cacheRelease, supportWords } from "../engines.js";
import type { CatalogEntry } from "./entry.js";
import { logParts, UNSET_LOG_RETENTION_DAYS } from "./log-cost.js";

/** Redis on ElastiCache: one node, or a primary and a replica in another AZ. */
export const cache: CatalogEntry = {
  ids: (d) => (d.cache ? ["cache"] : []),
  component(d) {
    const c = d.cache!;
    const spec = c.choice.spec;
    const release = cacheRelease(d.ctx)!;
    const topology = c.multiAz
      ? `a primary and a replica in another AZ with automatic failover (${SLAS.elasticacheMultiAz.percent} % SLA)`
      : `one node (${SLAS.elasticacheSingleNode.percent} % SLA)`;
    return {
      id: "cache",
      kind: "cache",
      params: {
        engine: "redis",
        engineVersion: release.version,
        nodeType: spec.name,
        nodes: c.nodes,
        multiAz: c.multiAz,
      },
      dependsOn: ["network"],
      rationale: `ElastiCache for Redis OSS ${release.version} (${supportWords(release)}), ${topology}. ${spec.name} holds ${num(spec.memoryGb)} GiB, ≥ the ${num(c.dataGb, 2)} GiB needed (the data plus the 25 % ElastiCache reserves).`,
    };
  },
  cost(d) {
    const c = d.cache!;
    const logGb = Number((c.nodes * MONITORING.cacheLogGbPerNode).toFixed(1));
    return [
      costLine("cache", "cache", [
        {
          usd: c.nodes * H * c.choice.hourly,
          text: `${c.nodes} × ${c.choice.spec.name} × ${H} h × ${price(c.choice.hourly)}`,
        },
        ...logParts(d.ctx, "slow log", logGb, UNSET_LOG_RETENTION_DAYS),
      ]),
    ];
  },
  link(d) {
    const c = d.cache;
    if (!c) return undefined;
    return slaLink("cache", c.multiAz ? SLAS.elasticacheMultiAz : SLAS.elasticacheSingleNode);
  },
  risks(d) {
    const multi = d.cache!.multiAz;
    return [
      {
        component: "cache",
        failure: multi ? "The primary node or its AZ fails" : "The cache node fails",
        impact: multi
          ? "Writes to the cache fail for a few seconds to a minute"
          : "Cached data and sessions are lost; the database takes the whole load",
        mitigation: multi
          ? "The replica in another AZ is promoted automatically"
          : "A replacement node starts empty; the application falls back to the database",
        residual: multi
          ? "Writes not yet replicated are lost"
          : "Users may have to sign in again; slower responses while the cache warms",
        severity: multi ? "low" : "medium",
      },
    ];
  },
};
