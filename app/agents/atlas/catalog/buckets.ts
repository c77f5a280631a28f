import { OBJECT_STORAGE } from "../assumptions.js";
import { monthlyRequests, type DesignContext } from "../context.js";
import { costLine, type CostLine, type CostPart } from "../cost-line.js";
import { num, price } from "../format.js";
import { SLAS } from "../sla.js";
import { unit, type CatalogEntry } from "./entry.js";

/** An S3 bucket's cost: storage, and PUT and GET requests. */
export function bucketCost(
  ctx: DesignContext,
  component: string,
  storedGb: number,
  puts: number,
  gets: number,
): CostLine {
  const storage = unit(ctx, "s3.standard.gb-month");
  const put = unit(ctx, "s3.put.per-1k");
  const get = unit(ctx, "s3.get.per-1k");
  const parts: CostPart[] = [{ usd: storedGb * storage, text: `${num(storedGb, 1)} GB × ${price(storage)}` }];
  if (puts > 0)
    parts.push({ usd: (puts / 1000) * put, text: `${num(puts / 1e6, 2)} M PUT × ${price(put)}/1k` });
  if (gets > 0)
    parts.push({ usd: (gets / 1000) * get, text: `${num(gets / 1e6, 2)} M GET × ${price(get)}/1k` });
  return costLine(component, "object-storage", parts);
}

const PREFIX = "bucket-";

/** The goal's data buckets: private, encrypted, versioned. */
export const buckets: CatalogEntry = {
  ids: (d) => d.buckets.map((b) => `${PREFIX}${b}`),
  component(d, id) {
    const requests = d.ctx.pattern === "worker" ? "messages" : "requests";
    return {
      id,
      kind: "object-storage",
      params: {
        bucket: id.slice(PREFIX.length),
        purpose: "data",
        versioning: true,
        storageGb: OBJECT_STORAGE.assumedGb,
      },
      dependsOn: [],
      rationale: `A private, encrypted, versioned S3 bucket (${SLAS.s3Standard.percent} % SLA) with public access blocked; priced at ${OBJECT_STORAGE.assumedGb} GB stored, with one PUT and one GET per ten ${requests}.`,
    };
  },
  cost(d, id) {
    const share = monthlyRequests(d.ctx) * OBJECT_STORAGE.requestShare;
    return [bucketCost(d.ctx, id, OBJECT_STORAGE.assumedGb, share, share)];
  },
  risks: (_d, id) => [
    {
      component: id,
      failure: "Objects are deleted or overwritten by mistake",
      impact: "The data they hold is gone for its readers",
      mitigation: "Versioning keeps every earlier version; public access is blocked and encryption is on",
      residual: "Old versions cost storage until a lifecycle rule expires them",
      severity: "low",
    },
  ],
};
