import type { PlanSpec } from "../../contracts/generated/index.js";
import { servicePrice } from "../pricing/index.js";
import { AURORA_GLOBAL, DYNAMODB_GLOBAL } from "../pricing/replication-prices.js";
import { CLOUDWATCH_ALARMS, INTER_REGION_TRANSFER, ROUTE53 } from "../pricing/shape-prices.js";
import { costLine, gigabytes, isFreeTier, type CostLine } from "./cost-line.js";
import { num, price } from "./format.js";
import { twin } from "./region-ids.js";

type Line = PlanSpec["cost"]["lines"][number];

/** What crosses to the second region: the database's changes, a share of its storage each month. */
export const REPLICATION = {
  changedShareOfStorage: 0.1,
  reasoning:
    "a tenth of the database's storage changes each month and crosses to the second region once (Aurora global database or a cross-region replica); buckets would need S3 Cross-Region Replication, not priced here",
} as const;

/** Aurora counts write I/Os in 4 KiB units: a replicated GB is 262,144 write I/Os. */
const WRITE_IOS_PER_GB = 2 ** 30 / 4096;

function usd<K extends string>(table: Parameters<typeof servicePrice<K>>[0], region: string, key: K): number {
  const found = servicePrice(table, region, key);
  if (!found) throw new Error(`no ${key} price in ${region}`);
  return found.usd;
}

/** Atlas writes every line with its item. */
function itemised(l: Line): l is Line & CostLine {
  return l.item !== undefined;
}

/** A design's lines of one component (the domain's), or of all the others. */
export function linesOf(spec: PlanSpec, keep: (component: string) => boolean): CostLine[] {
  return spec.cost.lines.filter(itemised).filter((l) => keep(l.component));
}

/**
 * A region's lines, each saying its region; the secondary's under its twins' ids, or the shared component's (a global
 * table's replica). The domain's line is global.
 */
export function regionLines(spec: PlanSpec, secondary: boolean, shared: ReadonlySet<string>): CostLine[] {
  // An always-free allowance is once per account: the primary's lines deduct it.
  const lines = linesOf(spec, (c) => c !== "domain").filter((l) => !(secondary && isFreeTier(l)));
  return lines.map((l) => ({
    ...l,
    component: secondary && !shared.has(l.component) ? twin(l.component) : l.component,
    basis: `${spec.region}: ${l.basis}`,
  }));
}

/** The metrics the 5xx-share alarm of an HTTP API's health check reads (5xx and Count), each billed as an alarm metric. */
const API_ALARM_METRICS = 2;

/**
 * One Route 53 health check per region's front door, which the records follow, as Forge renders it: HTTPS on a load
 * balancer (HTTPS is a billed feature), or a CloudWatch alarm on an HTTP API's share of 5xx answers (behind a custom
 * domain its execute-api endpoint is off), the alarm billed per metric it reads.
 */
export function healthCheckLine(
  primaryRegion: string,
  path: string,
  targets: readonly { readonly id: string; readonly kind: string }[],
): CostLine[] {
  const each = usd(ROUTE53, primaryRegion, "healthCheckMonth");
  const https = usd(ROUTE53, primaryRegion, "healthCheckFeatureMonth");
  const alarm = usd(CLOUDWATCH_ALARMS, primaryRegion, "alarmMonth");
  const lbs = targets.filter((t) => t.kind !== "http-api").map((t) => t.id);
  const apis = targets.filter((t) => t.kind === "http-api").map((t) => t.id);
  const checks = costLine("domain", "dns", [
    ...(lbs.length > 0
      ? [
          {
            usd: lbs.length * (each + https),
            text: `${lbs.length} Route 53 HTTPS health checks (${lbs.join(" and ")}, ${path} every 30 s) × (${price(each)} + ${price(https)} for HTTPS)`,
          },
        ]
      : []),
    ...(apis.length > 0
      ? [
          {
            usd: apis.length * each,
            text: `${apis.length} Route 53 health checks on CloudWatch alarms (${apis.join(" and ")}) × ${price(each)}`,
          },
        ]
      : []),
  ]);
  if (apis.length === 0) return [checks];
  const metrics = apis.length * API_ALARM_METRICS;
  return [
    checks,
    costLine("domain", "alarms", [
      {
        usd: metrics * alarm,
        text: `${apis.length} metric alarms on the share of 5xx answers (${apis.join(" and ")}), ${API_ALARM_METRICS} metrics each: ${metrics} alarm metrics × ${price(alarm)}`,
      },
    ]),
  ];
}

export interface Replication {
  readonly gb: number;
  readonly writeIosMillions: number;
}

/** What the database's changes send to the secondary a month (REPLICATION's share of its storage). */
export function replicationOf(storageGb: number): Replication {
  const gb = Number((storageGb * REPLICATION.changedShareOfStorage).toFixed(1));
  return { gb, writeIosMillions: Number(((gb * WRITE_IOS_PER_GB) / 1e6).toFixed(2)) };
}

/** The Aurora global database's replication, billed in the secondary: replicated write I/Os and the transfer. */
export function replicationLine(primaryRegion: string, secondaryRegion: string, r: Replication): CostLine {
  const io = usd(AURORA_GLOBAL, secondaryRegion, "replicatedWriteIoPerMillion");
  const gb = usd(INTER_REGION_TRANSFER, primaryRegion, "gbOut");
  return costLine(twin("database"), "database", [
    {
      usd: r.writeIosMillions * io,
      text: `${secondaryRegion}: ${num(r.writeIosMillions)} M replicated write I/Os (${num(r.gb, 1)} GB of changes in 4 KiB writes, assumed: ${REPLICATION.reasoning}) × ${price(io)}/M`,
    },
    { usd: r.gb * gb, text: `${num(r.gb, 1)} GB ${primaryRegion} → ${secondaryRegion} × ${price(gb)}/GB` },
  ]);
}

/** A write request unit carries an item of up to 1 KB (the key-value assumption): what crosses per replicated write. */
const ITEM_BYTES = 1024;

/** A global table's replication: each region's writes billed again in the other as replicated writes, and sent there. */
export function tableReplicationLine(
  component: string,
  regions: readonly [string, string],
  writesMillions: readonly [number, number],
): CostLine {
  const parts = regions.map((from, i) => {
    const to = regions[1 - i]!;
    const rwu = usd(DYNAMODB_GLOBAL, to, "replicatedWritesPerMillion");
    const gbPrice = usd(INTER_REGION_TRANSFER, from, "gbOut");
    const writes = writesMillions[i]!;
    const gb = gigabytes(ITEM_BYTES, writes * 1e6);
    return [
      {
        usd: writes * rwu,
        text: `${to}: ${num(writes)} M writes replicated from ${from} × ${price(rwu)} per M`,
      },
      { usd: gb * gbPrice, text: `${num(gb, 1)} GB ${from} → ${to} (1 KB items) × ${price(gbPrice)}/GB` },
    ];
  });
  return costLine(component, "key-value-store", parts.flat());
}
