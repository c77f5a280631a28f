import { LOGS } from "../assumptions.js";
import type { DesignContext } from "../context.js";
import type { CostPart } from "../cost-line.js";
import { num, price } from "../format.js";
import { unit } from "./entry.js";

/** The retention Forge gives the log groups a PlanSpec sets none for (the database's, the cache's). */
export const UNSET_LOG_RETENTION_DAYS = 365;

/**
 * What `gb` of logs a month cost in CloudWatch Logs: ingestion (at the vended rate for flow logs), and storage
 * of what the retention keeps, compressed.
 */
export function logParts(
  ctx: DesignContext,
  what: string,
  gb: number,
  retentionDays: number,
  vended = false,
): CostPart[] {
  const ingest = unit(ctx, vended ? "logs.vended.gb" : "logs.ingest.gb");
  const storage = unit(ctx, "logs.storage.gb-month");
  const storedGb = Number((gb * (retentionDays / 30) * LOGS.storedRatio).toFixed(1));
  return [
    { usd: gb * ingest, text: `${num(gb, 1)} GB ${what} ingested × ${price(ingest)}` },
    {
      usd: storedGb * storage,
      text: `${num(storedGb, 1)} GB stored (${retentionDays} days) × ${price(storage)}`,
    },
  ];
}
