import type { FamilyPrices, RelationalEngine } from "./types.js";

const DATE = "2026-11-27";

/**
 * Within the m and r families AWS prices each size linearly from `large` (xlarge = 2 × large, 2xlarge = 4 ×
 * …), to within a tenth of a cent; burstable t4g sizes are listed explicitly.
 */
export const SIZE_FACTORS: Readonly<Record<string, number>> = {
  large: 1,
  xlarge: 2,
  "2xlarge": 4,
  "4xlarge": 8,
  "8xlarge": 16,
  "12xlarge": 24,
  "16xlarge": 32,
};

export interface InstanceTable {
  readonly source: string;
  readonly date: string;
  readonly note: string;
  /** region → family (e.g. db.r6g) → prices. */
  readonly regions: Readonly<Record<string, Readonly<Record<string, FamilyPrices>>>>;
}

const t4g = (micro: number, small: number, medium: number, large: number, xl: number, xxl: number) => ({
  sizes: { micro, small, medium, large, xlarge: xl, "2xlarge": xxl },
});

/** RDS Single-AZ instance-hours. A Multi-AZ (one standby) instance is billed at exactly twice the rate. */
export const RDS_INSTANCES: Readonly<Record<RelationalEngine, InstanceTable>> = {
  postgres: {
    source: "https://aws.amazon.com/rds/postgresql/pricing/",
    date: DATE,
    note: "RDS for PostgreSQL, Single-AZ, on-demand. us-east-1 db.t4g figures confirmed; the others are the best known public figures.",
    regions: {
      "us-east-1": {
        "db.t4g": t4g(0.016, 0.032, 0.065, 0.129, 0.258, 0.517),
        "db.m6g": { large: 0.159 },
        "db.m7g": { large: 0.176 },
        "db.r6g": { large: 0.225 },
        "db.r7g": { large: 0.25 },
      },
      "eu-west-1": {
        "db.t4g": t4g(0.018, 0.036, 0.072, 0.144, 0.288, 0.576),
        "db.m6g": { large: 0.175 },
        "db.m7g": { large: 0.194 },
        "db.r6g": { large: 0.25 },
        "db.r7g": { large: 0.277 },
      },
      "eu-central-1": {
        "db.t4g": t4g(0.019, 0.038, 0.076, 0.152, 0.304, 0.608),
        "db.m6g": { large: 0.186 },
        "db.m7g": { large: 0.206 },
        "db.r6g": { large: 0.263 },
        "db.r7g": { large: 0.292 },
      },
    },
  },
  mysql: {
    source: "https://aws.amazon.com/rds/mysql/pricing/",
    date: DATE,
    note: "RDS for MySQL, Single-AZ, on-demand. us-east-1 db.t4g figures confirmed; the others are the best known public figures.",
    regions: {
      "us-east-1": {
        "db.t4g": t4g(0.016, 0.032, 0.065, 0.129, 0.258, 0.517),
        "db.m6g": { large: 0.152 },
        "db.m7g": { large: 0.168 },
        "db.r6g": { large: 0.215 },
        "db.r7g": { large: 0.239 },
      },
      "eu-west-1": {
        "db.t4g": t4g(0.017, 0.034, 0.068, 0.136, 0.272, 0.544),
        "db.m6g": { large: 0.168 },
        "db.m7g": { large: 0.186 },
        "db.r6g": { large: 0.24 },
        "db.r7g": { large: 0.266 },
      },
      "eu-central-1": {
        "db.t4g": t4g(0.018, 0.036, 0.072, 0.144, 0.288, 0.576),
        "db.m6g": { large: 0.178 },
        "db.m7g": { large: 0.197 },
        "db.r6g": { large: 0.25 },
        "db.r7g": { large: 0.277 },
      },
    },
  },
};

const auroraT4g = (medium: number, large: number) => ({ sizes: { medium, large } });

/** Aurora Standard instance-hours; PostgreSQL- and MySQL-compatible share these figures. Each instance is billed. */
export const AURORA_INSTANCES: InstanceTable = {
  source: "https://aws.amazon.com/rds/aurora/pricing/",
  date: DATE,
  note: "Aurora Standard (not I/O-Optimized), on-demand, per instance (writer and each reader). us-east-1 figures confirmed; the EU figures are the best known public figures.",
  regions: {
    "us-east-1": {
      "db.t4g": auroraT4g(0.073, 0.146),
      "db.r6g": { large: 0.26 },
      "db.r7g": { large: 0.276 },
    },
    "eu-west-1": {
      "db.t4g": auroraT4g(0.081, 0.161),
      "db.r6g": { large: 0.287 },
      "db.r7g": { large: 0.305 },
    },
    "eu-central-1": {
      "db.t4g": auroraT4g(0.088, 0.176),
      "db.r6g": { large: 0.314 },
      "db.r7g": { large: 0.333 },
    },
  },
};

const cacheT4g = (micro: number, small: number, medium: number) => ({ sizes: { micro, small, medium } });

/** ElastiCache (Redis OSS) node-hours, per node. */
export const ELASTICACHE_NODES: InstanceTable = {
  source: "https://aws.amazon.com/elasticache/pricing/",
  date: DATE,
  note: "ElastiCache for Redis OSS, on-demand, per node (primary and each replica). The best known public figures.",
  regions: {
    "us-east-1": {
      "cache.t4g": cacheT4g(0.016, 0.032, 0.065),
      "cache.m6g": { large: 0.149 },
      "cache.m7g": { large: 0.158 },
      "cache.r6g": { large: 0.206 },
      "cache.r7g": { large: 0.219 },
    },
    "eu-west-1": {
      "cache.t4g": cacheT4g(0.017, 0.034, 0.068),
      "cache.m6g": { large: 0.166 },
      "cache.m7g": { large: 0.175 },
      "cache.r6g": { large: 0.227 },
      "cache.r7g": { large: 0.241 },
    },
    "eu-central-1": {
      "cache.t4g": cacheT4g(0.018, 0.036, 0.072),
      "cache.m6g": { large: 0.174 },
      "cache.m7g": { large: 0.183 },
      "cache.r6g": { large: 0.238 },
      "cache.r7g": { large: 0.253 },
    },
  },
};
