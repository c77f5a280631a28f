import type { PlanSpec } from "../../contracts/generated/index.js";
import type { Component } from "../../contracts/generated/plan-spec.js";
import { num } from "./format.js";
import { twin } from "./region-ids.js";
import { FAILOVER_MINUTES } from "./two-region.js";

export type PairMode = "active-passive" | "active-active";

const AURORA_GLOBAL_REQUIREMENTS =
  "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.configuration.requirements.html";

/** Components the pair keeps once, in the primary: a DynamoDB global table serves both regions. */
export function sharedIds(primary: PlanSpec, mode: PairMode): ReadonlySet<string> {
  return new Set(
    mode === "active-active"
      ? primary.components.filter((c) => c.kind === "key-value-store").map((c) => c.id)
      : [],
  );
}

/** A secondary component's id for one of the primary's: its twin, or the shared component itself. */
export function secondaryId(id: string, shared: ReadonlySet<string>): string {
  return shared.has(id) ? id : twin(id);
}

/** The secondary's twin of a component: its id and references said of the secondary, in the secondary's region. */
export function secondaryTwin(
  c: Component,
  region: string,
  mode: PairMode,
  shared: ReadonlySet<string>,
): Component {
  const moved = {
    ...c,
    id: twin(c.id),
    region,
    dependsOn: c.dependsOn.map((d) => secondaryId(d, shared)),
    rationale: `${region}, ${mode === "active-passive" ? "the standby region" : "the second active region"}: ${c.rationale}`,
  };
  if (moved.kind === "network") {
    return {
      ...moved,
      rationale: `${moved.rationale} The same range as ${c.id} is fine: the regions' VPCs are not peered (the global database replicates over AWS's own network).`,
    };
  }
  if (moved.kind !== "database") return moved as Component;
  return {
    ...moved,
    params: { ...moved.params, replicaOf: c.id },
    rationale: `${moved.rationale} The secondary cluster of an Aurora global database: it replicates ${c.id}'s storage and stays read-only until a failover or switchover promotes it.`,
  };
}

/** A primary component, said of the pair: the global database's primary, or the global table with its replica. */
export function primaryComponent(c: Component, secondary: PlanSpec, shared: ReadonlySet<string>): Component {
  if (c.kind === "database") {
    return {
      ...c,
      rationale: `${c.rationale} The primary cluster of an Aurora global database: its storage replicates to ${twin(c.id)} in ${secondary.region} (an Aurora global database needs memory-optimized classes, no db.t*: ${AURORA_GLOBAL_REQUIREMENTS}).`,
    };
  }
  if (c.kind !== "key-value-store" || !shared.has(c.id)) return c;
  const replica = secondary.components.find((s) => s.id === c.id);
  const other = replica?.kind === "key-value-store" ? replica.params : undefined;
  const sum = (a?: number, b?: number) => Number(((a ?? 0) + (b ?? 0)).toFixed(2));
  return {
    ...c,
    params: {
      ...c.params,
      replicaRegions: [secondary.region],
      monthlyReadsMillions: sum(c.params.monthlyReadsMillions, other?.monthlyReadsMillions),
      monthlyWritesMillions: sum(c.params.monthlyWritesMillions, other?.monthlyWritesMillions),
    },
    rationale: `${c.rationale} A global table: a replica in ${secondary.region} takes reads and writes there, each write is replicated to the other region (typically within a second), and concurrent writes to one item resolve last-writer-wins. The request figures are both regions' together.`,
  };
}

/** The global name: failover (active-passive) or latency (active-active) records to each region's front door. */
export function pairDomain(
  primary: PlanSpec,
  healthCheckPath: string,
  mode: PairMode,
): Component | undefined {
  const domain = primary.components.find((c) => c.kind === "domain");
  if (domain?.kind !== "domain") return undefined;
  const targets = domain.params.targets.flatMap((t) => [t, twin(t)]);
  const records =
    mode === "active-passive"
      ? `Two failover records: ${targets[0]} in ${primary.region} answers while its health check (${healthCheckPath}, every 30 s) passes; after 3 failures Route 53 answers with ${targets[1]}`
      : `Two latency records, each with a health check (${healthCheckPath}, every 30 s): Route 53 answers with the lower-latency healthy one of ${targets[0]} and ${targets[1]}, and stops answering with a region after 3 failures`;
  return {
    ...domain,
    params: { ...domain.params, targets, healthCheckPath },
    dependsOn: targets,
    rationale: `${domain.rationale} ${records} (about ${num(FAILOVER_MINUTES, 1)} minutes with the 60 s TTL).`,
  };
}
