/** Discounts the savings suggestions assume, with their sources (best known public figures, 2026). */
export const SAVINGS_RATES = {
  computeSavingsPlan1y: {
    discount: 0.2,
    source: "https://aws.amazon.com/savingsplans/compute-pricing/",
    basis: "1-year, no-upfront Compute Savings Plan on Fargate",
    ec2Basis:
      "the Fargate rate of a 1-year, no-upfront Compute Savings Plan; EC2 instances usually save more",
  },
  rdsReserved1y: {
    discount: 0.3,
    source: "https://aws.amazon.com/rds/reserved-instances/",
    basis: "1-year, no-upfront reserved DB instance",
  },
  elasticacheReserved1y: {
    discount: 0.3,
    source: "https://aws.amazon.com/elasticache/reserved-cache-nodes/",
    basis: "1-year, no-upfront reserved cache node",
  },
  valkeyNodes: {
    discount: 0.2,
    source: "https://aws.amazon.com/elasticache/pricing/",
    basis: "ElastiCache for Valkey nodes are priced about 20 % below Redis OSS nodes",
  },
  /** Share of a week's hours outside 08:00–20:00 on weekdays. */
  offHours: { share: 1 - 60 / 168, basis: "running 12 hours on weekdays only (60 of 168 hours a week)" },
} as const;
