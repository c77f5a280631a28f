import type { ServicePrices } from "./types.js";

/**
 * What an Aurora global database adds to its two clusters' own instance, storage and I/O charges: each write I/O of
 * the primary is replicated to the secondary and billed there. The transfer between regions is
 * shape-prices.ts's INTER_REGION_TRANSFER.
 */
export const AURORA_GLOBAL: ServicePrices<"replicatedWriteIoPerMillion"> = {
  source: "https://aws.amazon.com/rds/aurora/pricing/",
  date: "2026-12-05",
  note: "Global Database: replicated write I/Os, billed in the secondary region at its Aurora Standard I/O rate (us-east-1 $0.20, Europe (Ireland) and Europe (Frankfurt) $0.22 per million). Best known public figures, not yet cross-checked against a second source.",
  units: { replicatedWriteIoPerMillion: "per million replicated write I/Os" },
  regions: {
    "us-east-1": { replicatedWriteIoPerMillion: 0.2 },
    "eu-west-1": { replicatedWriteIoPerMillion: 0.22 },
    "eu-central-1": { replicatedWriteIoPerMillion: 0.22 },
  },
};

/**
 * A DynamoDB global table bills each write again in every other replica region, as replicated write request units
 * (on demand: the region's own write price since the November 2024 price cut). The transfer between regions is
 * shape-prices.ts's INTER_REGION_TRANSFER.
 */
export const DYNAMODB_GLOBAL: ServicePrices<"replicatedWritesPerMillion"> = {
  source: "https://aws.amazon.com/dynamodb/pricing/on-demand/",
  date: "2026-12-05",
  note: "Global tables, on-demand: replicated write request units at the replica region's write request price (US East $0.625, Europe (Ireland) $0.7063, Europe (Frankfurt) $0.7625 per million). Best known public figures, not yet cross-checked against a second source.",
  units: { replicatedWritesPerMillion: "per million replicated write request units" },
  regions: {
    "us-east-1": { replicatedWritesPerMillion: 0.625 },
    "eu-west-1": { replicatedWritesPerMillion: 0.7063 },
    "eu-central-1": { replicatedWritesPerMillion: 0.7625 },
  },
};
