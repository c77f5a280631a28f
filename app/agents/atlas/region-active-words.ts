import type { PlanSpec } from "../../contracts/generated/index.js";
import { num } from "./format.js";
import { twin } from "./region-ids.js";
import { FAILOVER_ASSUMPTION, oneOrTwo, tierAssumption, type PairFacts } from "./region-words.js";
import { FAILOVER_MINUTES } from "./two-region.js";

type Risk = PlanSpec["risks"][number];
type Alternative = PlanSpec["alternatives"][number];
type Assumption = NonNullable<PlanSpec["assumptions"]>[number];

const GLOBAL_TABLES_DOCS =
  "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GlobalTables.html";

/** The risks of two active regions on a DynamoDB global table. */
export function activeRisks(f: PairFacts, table: string): Risk[] {
  const [p, s] = [f.primary.region, f.secondary.region];
  return [
    {
      component: "domain",
      failure: `${p} or ${s} fails (its HTTP API's health check fails 3 times)`,
      impact: `Users routed to that region get errors for about ${num(FAILOVER_MINUTES, 1)} minutes until Route 53 stops answering with it`,
      mitigation:
        "Latency records with health checks: the other region already serves, and its function's reserved concurrency covers the full peak",
      residual:
        "Minutes of failed requests for the failed region's users; resolvers that ignore the TTL take longer",
      severity: "medium",
    },
    {
      component: table,
      failure: `The same item is written in both regions before either write has replicated (split brain)`,
      impact: "One of the two writes is lost: global tables resolve concurrent writes last-writer-wins",
      mitigation: `Keep an item's writes in one region (route by user or key), or use conditional writes that fail on a stale version (${GLOBAL_TABLES_DOCS})`,
      residual: "Lost updates for items written in both regions within the replication lag",
      severity: "medium",
    },
    {
      component: table,
      failure: `A region is lost with writes not yet replicated`,
      impact:
        "Writes of the last second or so in that region are missing from the other until it returns (RPO: the replication lag)",
      mitigation: "An alarm on ReplicationLatency; the writes arrive when the region comes back",
      residual: "Seconds of writes, unavailable in the surviving region during the outage",
      severity: "low",
    },
    {
      component: twin("handler"),
      failure: "One region takes the other's users at once",
      impact:
        "Lambda adds execution environments in bursts: cold starts and throttles for a minute while concurrency doubles",
      mitigation:
        "Each region reserves concurrency for the full peak, so the cap is never what throttles; nothing else is sized",
      residual: "Cold-start latency above the p95 target for a minute",
      severity: "low",
    },
  ];
}

export function activeAlternatives(f: PairFacts, single: PlanSpec | undefined): Alternative[] {
  const [p, s] = [f.primary.region, f.secondary.region];
  return [
    oneOrTwo(f, single, `two active regions, ${p} and ${s}, behind Route 53 latency records`),
    {
      decision: "active-active or active-passive",
      chosen: "active-active: both regions serve, each user from the nearer healthy one",
      rejected: `active-passive: ${s} idle until failover`,
      reason:
        "Lambda, the HTTP API and DynamoDB bill per request, so a second active region costs little more than a standby, and a DynamoDB global table takes writes in both regions: no promotion at failover",
    },
  ];
}

export function activeAssumptions(f: PairFacts, avgRps: number, healthCheckPath: string): Assumption[] {
  const [p, s] = [f.primary.region, f.secondary.region];
  return [
    {
      field: "regions",
      value: `active-active: ${p} and ${s} both serve`,
      why: "a serverless API on a DynamoDB global table: both regions take reads and writes, and each bills per request",
    },
    tierAssumption(f),
    {
      field: "traffic.avgRps",
      value: `${num(avgRps / 2)} rps in each region`,
      why: `latency records split users by where they are: half the ${num(avgRps)} rps average each (assumed); each region's reserved concurrency still covers the full ${num(f.primary.capacity.peakRps)} rps peak, which costs nothing until used`,
    },
    {
      field: "domain.healthCheckPath",
      value: healthCheckPath,
      why: "Route 53 checks each region's HTTP API there; the function's default route must answer it with a 2xx or 3xx without credentials",
    },
    FAILOVER_ASSUMPTION,
  ];
}
