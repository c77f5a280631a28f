import type { PlanSpec } from "../../contracts/generated/index.js";
import type { Component } from "../../contracts/generated/plan-spec.js";
import { num } from "./format.js";
import { pairAvailabilitySection } from "./region-availability.js";
import { healthCheckLine, linesOf, regionLines, replicationLine, replicationOf } from "./region-cost.js";
import { pairDiagram } from "./region-diagram.js";
import { twin } from "./region-ids.js";
import { pairAlternatives, pairAssumptions, pairRisks, STANDBY, type PairFacts } from "./region-words.js";
import { totalOf, totalWithoutFreeTier, isFreeTier } from "./cost-line.js";
import { FAILOVER_MINUTES } from "./two-region.js";

/** The secondary's twin of a component: its id and references said of the secondary, in the secondary's region. */
function secondaryTwin(c: Component, region: string): Component {
  const moved = {
    ...c,
    id: twin(c.id),
    region,
    dependsOn: c.dependsOn.map(twin),
    rationale: `${region}, the standby region: ${c.rationale}`,
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

function primaryComponent(c: Component, secondary: string): Component {
  if (c.kind !== "database") return c;
  return {
    ...c,
    rationale: `${c.rationale} The primary cluster of an Aurora global database: its storage replicates to ${twin(c.id)} in ${secondary} (an Aurora global database needs memory-optimized classes, no db.t*: https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.configuration.requirements.html).`,
  };
}

/** The global name: failover records to each region's front door, each with a health check. */
function pairDomain(primary: PlanSpec, healthCheckPath: string): Component | undefined {
  const domain = primary.components.find((c) => c.kind === "domain");
  if (domain?.kind !== "domain") return undefined;
  const targets = domain.params.targets.flatMap((t) => [t, twin(t)]);
  return {
    ...domain,
    params: { ...domain.params, targets, healthCheckPath },
    dependsOn: targets,
    rationale: `${domain.rationale} Two failover records: ${targets[0]} in ${primary.region} answers while its health check (${healthCheckPath}, every 30 s) passes; after 3 failures Route 53 answers with ${targets[1]} (about ${num(FAILOVER_MINUTES, 1)} minutes with the 60 s TTL).`,
  };
}

/** The primary's header with regions and the mode right after its region. */
function withRegions(primary: PlanSpec, regions: [string, string]): PlanSpec {
  const entries = Object.entries(primary).flatMap(([key, value]) =>
    key === "region"
      ? [
          [key, value],
          ["regions", regions],
          ["multiRegion", { mode: "active-passive" }],
        ]
      : [[key, value]],
  );
  return Object.fromEntries(entries) as PlanSpec;
}

function capacity(primary: PlanSpec, secondary: PlanSpec): PlanSpec["capacity"] {
  const c = primary.capacity;
  const sc = secondary.capacity;
  const warm =
    (sc.minTasks ?? 0) >= (sc.tasksForPeak ?? 0)
      ? `its ${sc.minTasks} tasks already carry the full peak, so a failover needs no scaling`
      : `it keeps its floor of ${sc.minTasks} tasks running and autoscaling adds the rest of the ${sc.tasksForPeak} the peak needs within minutes of a failover (the cold-standby risk)`;
  return {
    ...c,
    explanation: `${primary.region}: ${c.explanation} Active-passive: each region is sized for the full peak: ${secondary.region} has the same ${sc.minTasks}–${sc.maxTasks} task range; ${warm}. Until then it serves Route 53's health checks (${num(STANDBY.avgRps)} rps assumed).`,
  };
}

/**
 * One PlanSpec from the two regions' own designs: the primary's components as they are, the secondary's as
 * `-secondary` twins in its region (its database an Aurora global database's secondary), one global domain with
 * failover records and health checks, and the cost of both regions, the health checks and the replication.
 */
export function pairPlan(
  goalHealthCheckPath: string,
  facts: Omit<PairFacts, "composite" | "monthlyUsd" | "replication">,
  single: PlanSpec | undefined,
): PlanSpec {
  const { primary, secondary, target } = facts;
  const [p, s] = [primary.region, secondary.region];
  const domain = pairDomain(primary, goalHealthCheckPath);
  const database = primary.components.find((c) => c.kind === "database");
  const replication = database?.kind === "database" ? replicationOf(database.params.storageGb) : undefined;
  const components: Component[] = [
    ...primary.components.filter((c) => c.kind !== "domain").map((c) => primaryComponent(c, s)),
    ...secondary.components.filter((c) => c.kind !== "domain").map((c) => secondaryTwin(c, s)),
    ...(domain ? [domain] : []),
  ];
  const lines = [
    ...regionLines(primary, false),
    ...regionLines(secondary, true),
    ...linesOf(primary, (c) => c === "domain"),
    healthCheckLine(p, goalHealthCheckPath),
    ...(replication ? [replicationLine(p, s, replication)] : []),
  ];
  const monthlyUsd = totalOf(lines);
  const availability = pairAvailabilitySection(target, primary, secondary);
  const all: PairFacts = { ...facts, composite: availability.composite, monthlyUsd, replication };
  const spec: PlanSpec = {
    ...withRegions(primary, [p, s]),
    components,
    capacity: capacity(primary, secondary),
    availability,
    cost: {
      ...primary.cost,
      monthlyUsd,
      ...(lines.some(isFreeTier) ? { monthlyUsdWithoutFreeTier: totalWithoutFreeTier(lines) } : {}),
      ratio: Number((monthlyUsd / primary.cost.budgetMonthlyUsd).toFixed(4)),
      lines,
    },
    alternatives: [...pairAlternatives(all, single), ...primary.alternatives],
    risks: [
      ...pairRisks(all),
      ...primary.risks,
      ...secondary.risks
        .filter((r) => r.component !== "domain")
        .map((r) => ({ ...r, component: twin(r.component) })),
    ],
    assumptions: [...pairAssumptions(all), ...(primary.assumptions ?? [])],
  };
  return { ...spec, diagram: { mermaid: pairDiagram(spec, "active-passive") } };
}
