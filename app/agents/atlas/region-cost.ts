import type { PlanSpec } from "../../contracts/generated/index.js";
import { servicePrice } from "../pricing/index.js";
import { AURORA_GLOBAL } from "../pricing/replication-prices.js";
import { INTER_REGION_TRANSFER, ROUTE53 } from "../pricing/shape-prices.js";
import { costLine, type CostLine } from "./cost-line.js";
import { num, price } from "./format.js";
import { twin } from "./region-ids.js";
import { REPLICATION } from "./two-region.js";

type Line = PlanSpec["cost"]["lines"][number];

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

/** A region's lines, each saying its region; the secondary's under its twins' ids. The domain's line is global. */
export function regionLines(spec: PlanSpec, secondary: boolean): CostLine[] {
  return linesOf(spec, (c) => c !== "domain").map((l) => ({
    ...l,
    component: secondary ? twin(l.component) : l.component,
    basis: `${spec.region}: ${l.basis}`,
  }));
}

/** One Route 53 health check per region's front door, which the failover records follow. */
export function healthCheckLine(primaryRegion: string, path: string): CostLine {
  const each = usd(ROUTE53, primaryRegion, "healthCheckMonth");
  return costLine("domain", "dns", [
    {
      usd: 2 * each,
      text: `2 Route 53 health checks (one per region's load balancer, ${path} every 30 s) × ${price(each)}`,
    },
  ]);
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
