import type { PlanSpec } from "../../contracts/generated/index.js";
import { formatUsd } from "../../format/money.js";
import { cents, num, pct } from "./format.js";
import { twin } from "./region-ids.js";
import type { Replication } from "./region-cost.js";
import { REPLICATION } from "./region-cost.js";
import { FAILOVER_MINUTES } from "./two-region.js";

type Risk = PlanSpec["risks"][number];
type Alternative = PlanSpec["alternatives"][number];
type Assumption = NonNullable<PlanSpec["assumptions"]>[number];

/** What the passive region serves before a failover: Route 53's health checkers, from several locations. */
export const STANDBY = {
  avgRps: 1,
  reasoning:
    "the secondary serves no users while the primary is healthy; Route 53's health checkers in several locations each check every 30 s and do not coordinate, so its load balancer sees about one request a second (https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-determining-health-of-endpoints.html)",
} as const;

/** An Aurora global database replicates with a lag AWS gives as typically under a second. */
const AURORA_GLOBAL_DOCS =
  "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.html";

export interface PairFacts {
  readonly primary: PlanSpec;
  readonly secondary: PlanSpec;
  /** The SLO each region was designed at: the goal's target, or the highest tier one region reaches below it. */
  readonly regionTarget: number;
  readonly target: number;
  readonly composite: number;
  readonly monthlyUsd: number;
  readonly replication?: Replication;
}

function regionsOf(f: PairFacts): [string, string] {
  return [f.primary.region, f.secondary.region];
}

/** The risks a second region brings: replication lag (RPO), failover time (RTO), split brain, a cold standby. */
export function pairRisks(f: PairFacts): Risk[] {
  const [p, s] = regionsOf(f);
  const db = f.replication !== undefined;
  return [
    {
      component: "domain",
      failure: `${p} fails (its load balancer's health check fails 3 times)`,
      impact: `Requests fail for about ${num(FAILOVER_MINUTES, 1)} minutes until Route 53 answers with ${s}${db ? `; writes then fail until the ${s} cluster is promoted (RTO: the failover's minutes plus the promotion's)` : ""}`,
      mitigation: db
        ? `Route 53 failover records move reads at once; a global database failover (aws rds failover-global-cluster) promotes ${twin("database")} to writer, from a runbook or automation on the health check's alarm`
        : "Route 53 failover records move traffic at once",
      residual: db
        ? "Promotion is not automatic: until someone or something runs it, the API serves reads only"
        : "Minutes of failed requests per failover",
      severity: db ? "high" : "medium",
    },
    ...(db
      ? [
          {
            component: twin("database"),
            failure: `${p} is lost with changes not yet replicated to ${s}`,
            impact: `Writes of the last second or so are lost after failover (RPO: the replication lag, typically under a second, ${AURORA_GLOBAL_DOCS})`,
            mitigation:
              "An alarm on AuroraGlobalDBReplicationLag; a planned switchover (not a failover) when the primary is still reachable loses nothing",
            residual: "Seconds of writes under heavy write load or a degraded link",
            severity: "medium" as const,
          },
          {
            component: twin("database"),
            failure: `Route 53 sends users to ${s} while ${p} still runs (a flapping health check or a partition between the checkers and ${p})`,
            impact: `Users in ${s} can read but not write: its cluster is read-only until promoted`,
            mitigation:
              "One writer at a time (Aurora global database): no split brain, writes fail instead of diverging; promote only after fencing the old primary (a managed failover does)",
            residual: "Failed writes while the two regions disagree about which is up",
            severity: "medium" as const,
          },
        ]
      : []),
    {
      component: twin("service"),
      failure: `${s} takes the full load cold`,
      impact: `Slower responses for the first minutes after failover: caches in ${s} are empty, its database buffers hold only replicated pages`,
      mitigation: `${s} has ${p}'s task range, sized for the full peak, and keeps its floor of ${f.secondary.capacity.minTasks ?? 0} tasks running; the health checks keep the path exercised`,
      residual:
        (f.secondary.capacity.minTasks ?? 0) >= (f.secondary.capacity.tasksForPeak ?? 0)
          ? "Latency above the p95 target for minutes while caches fill"
          : `At peak, latency above the p95 target until autoscaling adds the tasks beyond the floor (${f.secondary.capacity.tasksForPeak ?? 0} needed) and caches fill`,
      severity: "low",
    },
  ];
}

/** One region against two, with both figures: `chosen` says how the two serve. */
export function oneOrTwo(f: PairFacts, single: PlanSpec | undefined, chosen: string): Alternative {
  const one = single ?? f.primary;
  return {
    decision: "one region or two",
    chosen: `${chosen}: ${pct(f.composite)} for ${formatUsd(f.monthlyUsd)}/month`,
    rejected: `${f.primary.region} alone: ${pct(one.availability.composite)} for ${formatUsd(one.cost.monthlyUsd)}/month`,
    reason:
      one.availability.composite < f.target
        ? `one region reaches ${pct(one.availability.composite)}, below the ${f.target} % target; the goal asks for regions`
        : `the goal asks for regions: a region's outage (rare, hours long) is survived; one region meets ${f.target} % on paper but not a regional outage`,
    monthlyUsdDelta: cents(one.cost.monthlyUsd - f.monthlyUsd),
  };
}

/** One region against two; active-passive against active-active. */
export function pairAlternatives(f: PairFacts, single: PlanSpec | undefined): Alternative[] {
  const [p, s] = regionsOf(f);
  return [
    oneOrTwo(f, single, `two regions, ${p} serving and ${s} on standby behind Route 53 failover`),
    {
      decision: "active-passive or active-active",
      chosen: `active-passive: ${s} is read-only until failover`,
      rejected: "active-active: both regions serve behind latency records",
      reason:
        "an Aurora global database has one writer: in active-active every write from the second region would cross to the first (write forwarding adds the inter-region round trip to each write) and a region's loss still needs a promotion; active-active suits a key-value store with global tables",
    },
  ];
}

/** The SLO each region was designed at, and why. */
export function tierAssumption(f: PairFacts): Assumption {
  return {
    field: "slo.availability",
    value: `${f.regionTarget} % in each region`,
    why:
      f.regionTarget === f.target
        ? "one region reaches the goal's target alone: each region is designed for it, so either can carry the service"
        : `one region does not reach ${f.target} %: each region is designed for the highest tier one region reaches (${f.regionTarget} %), so the survivor of a regional outage still gives what one region can`,
  };
}

export const FAILOVER_ASSUMPTION: Assumption = {
  field: "failover.minutes",
  value: `${num(FAILOVER_MINUTES, 1)} min`,
  why: "3 failed Route 53 health checks 30 s apart, then the record's 60 s TTL; not counted in the composite",
};

/** What Atlas assumed for the pair on the person's behalf. */
export function pairAssumptions(f: PairFacts): Assumption[] {
  const [p, s] = regionsOf(f);
  return [
    {
      field: "regions",
      value: `active-passive: ${p} serves, ${s} stands by`,
      why: "the goal asks for two regions with a relational database, which an Aurora global database replicates with one writer",
    },
    tierAssumption(f),
    {
      field: "traffic.avgRps",
      value: `${num(STANDBY.avgRps)} rps in ${s}`,
      why: `${STANDBY.reasoning}; ${s} is still sized for the full ${num(f.primary.capacity.peakRps)} rps peak`,
    },
    ...(f.replication
      ? [
          {
            field: "data.relational.replicatedGb",
            value: `${num(f.replication.gb, 1)} GB a month`,
            why: REPLICATION.reasoning,
          },
        ]
      : []),
    FAILOVER_ASSUMPTION,
  ];
}
