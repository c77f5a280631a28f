import type { PlanSpec } from "../../contracts/generated/index.js";
import type { Component } from "../../contracts/generated/plan-spec.js";
import { isFreeTier, totalOf, totalWithoutFreeTier, type CostLine } from "./cost-line.js";
import { num } from "./format.js";
import { activeAlternatives, activeAssumptions, activeRisks } from "./region-active-words.js";
import { pairAvailabilitySection } from "./region-availability.js";
import {
  pairDomain,
  primaryComponent,
  secondaryTwin,
  sharedIds,
  type PairMode,
} from "./region-components.js";
import {
  healthCheckLine,
  linesOf,
  regionLines,
  replicationLine,
  replicationOf,
  tableReplicationLine,
  type Replication,
} from "./region-cost.js";
import { pairDiagram } from "./region-diagram.js";
import { twin } from "./region-ids.js";
import { pairAlternatives, pairAssumptions, pairRisks, STANDBY, type PairFacts } from "./region-words.js";

/** What the pair is made of: each region's own design, the SLO each was designed at, and how they share the load. */
export interface PairInput {
  readonly primary: PlanSpec;
  readonly secondary: PlanSpec;
  readonly regionTarget: number;
  readonly target: number;
  readonly mode: PairMode;
  readonly avgRps: number;
  readonly healthCheckPath: string;
}

/** The primary's header with regions and the mode right after its region. */
function withRegions(primary: PlanSpec, regions: [string, string], mode: PairMode): PlanSpec {
  const entries = Object.entries(primary).flatMap(([key, value]) =>
    key === "region"
      ? [
          [key, value],
          ["regions", regions],
          ["multiRegion", { mode }],
        ]
      : [[key, value]],
  );
  return Object.fromEntries(entries) as PlanSpec;
}

function capacity(input: PairInput): PlanSpec["capacity"] {
  const { primary, secondary, mode } = input;
  const c = primary.capacity;
  const sc = secondary.capacity;
  if (mode === "active-active") {
    return {
      ...c,
      avgRps: input.avgRps,
      explanation: `Each region (${primary.region} shown): ${c.explanation} Active-active: each region reserves concurrency for the full peak (reserved concurrency costs nothing until used, and a failed region's users land on the other at once) and serves about half the ${num(input.avgRps)} rps average.`,
    };
  }
  const warm =
    (sc.minTasks ?? 0) >= (sc.tasksForPeak ?? 0)
      ? `its ${sc.minTasks} tasks already carry the full peak, so a failover needs no scaling`
      : `it keeps its floor of ${sc.minTasks} tasks running and autoscaling adds the rest of the ${sc.tasksForPeak} the peak needs within minutes of a failover (the cold-standby risk)`;
  return {
    ...c,
    explanation: `${primary.region}: ${c.explanation} Active-passive: each region is sized for the full peak: ${secondary.region} has the same ${sc.minTasks}–${sc.maxTasks} task range; ${warm}. Until then it serves Route 53's health checks (${num(STANDBY.avgRps)} rps assumed).`,
  };
}

function writesOf(spec: PlanSpec, id: string): number {
  const c = spec.components.find((x) => x.id === id);
  return c?.kind === "key-value-store" ? (c.params.monthlyWritesMillions ?? 0) : 0;
}

/** What crosses between the regions: the global database's changes, or the global tables' writes. */
function replicationLines(
  input: PairInput,
  shared: ReadonlySet<string>,
): [CostLine[], Replication | undefined] {
  const { primary, secondary } = input;
  const [p, s] = [primary.region, secondary.region];
  const database = primary.components.find((c) => c.kind === "database");
  if (database?.kind === "database" && input.mode === "active-passive") {
    const replication = replicationOf(database.params.storageGb);
    return [[replicationLine(p, s, replication)], replication];
  }
  const tables = [...shared].map((id) =>
    tableReplicationLine(id, [p, s], [writesOf(primary, id), writesOf(secondary, id)]),
  );
  return [tables, undefined];
}

/**
 * One PlanSpec from the two regions' own designs: the primary's components as they are, the secondary's as
 * `-secondary` twins in its region (its database an Aurora global database's secondary; a DynamoDB table shared as
 * a global table), one global domain with a health check per region, and the cost of both regions, the health checks
 * and the replication.
 */
function targetsOf(ids: readonly string[], components: readonly Component[]): { id: string; kind: string }[] {
  return ids.map((id) => ({ id, kind: components.find((c) => c.id === id)?.kind ?? "load-balancer" }));
}

export function pairPlan(input: PairInput, single: PlanSpec | undefined): PlanSpec {
  const { primary, secondary, target, mode } = input;
  const [p, s] = [primary.region, secondary.region];
  const shared = sharedIds(primary, mode);
  const domain = pairDomain(primary, input.healthCheckPath, mode);
  const components: Component[] = [
    ...primary.components
      .filter((c) => c.kind !== "domain")
      .map((c) => primaryComponent(c, secondary, shared)),
    ...secondary.components
      .filter((c) => c.kind !== "domain" && !shared.has(c.id))
      .map((c) => secondaryTwin(c, s, mode, shared)),
    ...(domain ? [domain] : []),
  ];
  const [replicated, replication] = replicationLines(input, shared);
  const lines = [
    ...regionLines(primary, false, shared),
    ...regionLines(secondary, true, shared),
    ...linesOf(primary, (c) => c === "domain"),
    ...healthCheckLine(
      p,
      input.healthCheckPath,
      domain?.kind === "domain" ? targetsOf(domain.params.targets, components) : [],
    ),
    ...replicated,
  ];
  const monthlyUsd = totalOf(lines);
  const availability = pairAvailabilitySection(target, primary, secondary, shared);
  const facts: PairFacts = {
    primary,
    secondary,
    regionTarget: input.regionTarget,
    target,
    composite: availability.composite,
    monthlyUsd,
    ...(replication ? { replication } : {}),
  };
  const active = mode === "active-active";
  const table = [...shared][0] ?? "items";
  const spec: PlanSpec = {
    ...withRegions(primary, [p, s], mode),
    components,
    capacity: capacity(input),
    availability,
    cost: {
      ...primary.cost,
      monthlyUsd,
      ...(lines.some(isFreeTier) ? { monthlyUsdWithoutFreeTier: totalWithoutFreeTier(lines) } : {}),
      ratio: Number((monthlyUsd / primary.cost.budgetMonthlyUsd).toFixed(4)),
      lines,
    },
    alternatives: [
      ...(active ? activeAlternatives(facts, single) : pairAlternatives(facts, single)),
      ...primary.alternatives,
    ],
    risks: [
      ...(active ? activeRisks(facts, table) : pairRisks(facts)),
      ...primary.risks,
      ...secondary.risks
        .filter((r) => r.component !== "domain" && !shared.has(r.component))
        .map((r) => ({ ...r, component: twin(r.component) })),
    ],
    assumptions: [
      ...(active ? activeAssumptions(facts, input.avgRps, input.healthCheckPath) : pairAssumptions(facts)),
      ...(primary.assumptions ?? []),
    ],
  };
  return { ...spec, diagram: { mermaid: pairDiagram(spec, mode) } };
}
