import { slaLink } from "../availability.js";
import { servicePrice } from "../../pricing/index.js";
import { DYNAMODB_ON_DEMAND } from "../../pricing/shape-prices.js";
import { monthlyRequests } from "../context.js";
import { costLine } from "../cost-line.js";
import type { Design } from "../design.js";
import { num, price } from "../format.js";
import { SLAS } from "../sla.js";
import type { CatalogEntry } from "./entry.js";

/** What one API request does to the table when the goal does not say, and the table's size. */
export const KEY_VALUE = {
  readsPerRequest: 1,
  writesPerRequest: 0.2,
  storageGb: 1,
  reasoning:
    "Each request reads one item of up to 4 KB (one read request unit) and one in five writes one of up to 1 KB (one write request unit); the table holds 1 GB unless data.keyValue.storageGb says.",
} as const;

type Field = "writesPerMillion" | "readsPerMillion" | "storageGbMonth" | "pitrGbMonth";

function dynamo(d: Design, field: Field): number {
  const found = servicePrice(DYNAMODB_ON_DEMAND, d.ctx.region, field);
  if (!found) throw new Error(`no DynamoDB ${field} price in ${d.ctx.region}`);
  return found.usd;
}

/** Read and write request units a month, in millions. */
export function requestUnits(d: Design): { reads: number; writes: number } {
  const requests = monthlyRequests(d.ctx) / 1e6;
  return {
    reads: Number((requests * KEY_VALUE.readsPerRequest).toFixed(2)),
    writes: Number((requests * KEY_VALUE.writesPerRequest).toFixed(2)),
  };
}

export function tableGb(d: Design): number {
  return d.ctx.goal.data?.keyValue?.storageGb ?? KEY_VALUE.storageGb;
}

/** data.keyValue: one DynamoDB table, on demand, with point-in-time recovery. */
export const keyValue: CatalogEntry = {
  ids: (d) => (d.ctx.goal.data?.keyValue ? ["items"] : []),
  component(d) {
    const units = requestUnits(d);
    return {
      id: "items",
      kind: "key-value-store",
      params: {
        partitionKey: { name: "pk", type: "S" },
        sortKey: { name: "sk", type: "S" },
        billingMode: "on-demand",
        pointInTimeRecovery: true,
        deletionProtection: d.ctx.prod,
        storageGb: tableGb(d),
        monthlyReadsMillions: units.reads,
        monthlyWritesMillions: units.writes,
      },
      dependsOn: [],
      rationale: `On-demand DynamoDB (${SLAS.dynamodb.percent} % SLA) bills per request and follows the traffic without capacity planning: about ${num(units.reads)} M reads and ${num(units.writes)} M writes a month. Point-in-time recovery keeps 35 days of history; generic pk/sk keys leave the item design to the code.`,
    };
  },
  cost(d) {
    const units = requestUnits(d);
    const gb = tableGb(d);
    const read = dynamo(d, "readsPerMillion");
    const write = dynamo(d, "writesPerMillion");
    const storage = dynamo(d, "storageGbMonth");
    const pitr = dynamo(d, "pitrGbMonth");
    return [
      costLine("items", "key-value-store", [
        { usd: units.reads * read, text: `${num(units.reads)} M reads × ${price(read)} per M` },
        { usd: units.writes * write, text: `${num(units.writes)} M writes × ${price(write)} per M` },
        { usd: gb * storage, text: `${num(gb)} GB stored × ${price(storage)}` },
        { usd: gb * pitr, text: `${num(gb)} GB continuous backups × ${price(pitr)}` },
      ]),
    ];
  },
  link: (d) =>
    d.ctx.goal.data?.keyValue
      ? slaLink("items", SLAS.dynamodb, "every request reads or writes the table")
      : undefined,
  risks: () => [
    {
      component: "items",
      failure: "A bad write or delete corrupts items",
      impact: "Callers read wrong or missing data",
      mitigation: "Point-in-time recovery restores the table to any second of the last 35 days",
      residual: "A restore makes a new table; the stack must be pointed at it",
      severity: "medium",
    },
  ],
};
