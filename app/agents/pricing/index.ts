import { AURORA_INSTANCES, ELASTICACHE_NODES, RDS_INSTANCES, SIZE_FACTORS } from "./instance-prices.js";
import * as services from "./unit-prices.js";

export {
  HOURS_PER_MONTH,
  auroraInstanceHourly,
  elasticacheNodeHourly,
  fargateHourly,
  fargateTaskHourly,
  isPricedRegion,
  pricedRegions,
  rdsInstanceHourly,
  rdsStorageGbMonth,
  servicePrice,
  unitPrice,
} from "./lookup.js";
export { UNIT_KEYS } from "./types.js";
export type { CpuArchitecture, RelationalEngine, UnitKey, UnitPrice } from "./types.js";

/** What a cost estimate cites as its price source and date. */
export const PRICE_SOURCE = "AWS public on-demand prices (aws.amazon.com/<service>/pricing/)";
export const PRICE_DATE = services.FARGATE.date;
export const CLOUDFRONT_FREE_TIER = services.CLOUDFRONT_FREE_TIER;
export const LAMBDA_FREE_TIER = services.LAMBDA_FREE_TIER;

/** The whole table, as data: every service's source, date, units and per-region figures. */
export const priceTable = {
  source: PRICE_SOURCE,
  date: PRICE_DATE,
  regionAliases: services.REGION_ALIASES,
  services: {
    fargate: services.FARGATE,
    alb: services.ALB,
    vpc: services.VPC,
    rdsStorage: services.RDS_STORAGE,
    auroraStorage: services.AURORA_STORAGE,
    s3: services.S3,
    cloudfront: services.CLOUDFRONT,
    sqs: services.SQS,
    cloudwatchLogs: services.CLOUDWATCH_LOGS,
    cloudwatchMetrics: services.CLOUDWATCH_METRICS,
    dataTransfer: services.DATA_TRANSFER,
    kms: services.KMS,
    secretsManager: services.SECRETS_MANAGER,
    waf: services.WAF,
    lambda: services.LAMBDA,
  },
  freeTiers: { cloudfront: services.CLOUDFRONT_FREE_TIER, lambda: services.LAMBDA_FREE_TIER },
  instances: {
    rds: RDS_INSTANCES,
    aurora: AURORA_INSTANCES,
    elasticache: ELASTICACHE_NODES,
    sizeFactors: SIZE_FACTORS,
  },
} as const;
