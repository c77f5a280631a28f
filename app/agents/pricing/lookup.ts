import {
  AURORA_INSTANCES,
  ELASTICACHE_NODES,
  RDS_INSTANCES,
  SIZE_FACTORS,
  type InstanceTable,
} from "./instance-prices.js";
import type { CpuArchitecture, RelationalEngine, ServicePrices, UnitKey, UnitPrice } from "./types.js";
import {
  ALB,
  AURORA_STORAGE,
  CLOUDFRONT,
  CLOUDWATCH_LOGS,
  CLOUDWATCH_METRICS,
  DATA_TRANSFER,
  FARGATE,
  KMS,
  LAMBDA,
  RDS_STORAGE,
  REGION_ALIASES,
  S3,
  SECRETS_MANAGER,
  SQS,
  VPC,
  WAF,
} from "./unit-prices.js";

/** The hours in a month that AWS's own calculator uses (8,760 / 12). */
export const HOURS_PER_MONTH = 730;

type Entry = readonly [ServicePrices<string>, string];

const UNIT_ENTRIES: Readonly<Record<UnitKey, Entry>> = {
  "fargate.vcpu-hour.x86_64": [FARGATE, "vcpuX86"],
  "fargate.gb-hour.x86_64": [FARGATE, "gbX86"],
  "fargate.vcpu-hour.arm64": [FARGATE, "vcpuArm"],
  "fargate.gb-hour.arm64": [FARGATE, "gbArm"],
  "alb.hour": [ALB, "hour"],
  "alb.lcu-hour": [ALB, "lcuHour"],
  "nat.hour": [VPC, "natHour"],
  "nat.gb-processed": [VPC, "natGb"],
  "egress.internet.gb": [DATA_TRANSFER, "internetGb"],
  "vpc.public-ipv4.hour": [VPC, "publicIpv4Hour"],
  "vpc.interface-endpoint.hour": [VPC, "interfaceEndpointHour"],
  "vpc.interface-endpoint.gb": [VPC, "interfaceEndpointGb"],
  "rds.gp3.gb-month": [RDS_STORAGE, "gp3"],
  "rds.gp3.gb-month.multi-az": [RDS_STORAGE, "gp3MultiAz"],
  "aurora.storage.gb-month": [AURORA_STORAGE, "storage"],
  "aurora.io.per-million": [AURORA_STORAGE, "io"],
  "s3.standard.gb-month": [S3, "standardGb"],
  "s3.put.per-1k": [S3, "putPer1k"],
  "s3.get.per-1k": [S3, "getPer1k"],
  "cloudfront.gb-out": [CLOUDFRONT, "gbOut"],
  "cloudfront.https.per-10k": [CLOUDFRONT, "httpsPer10k"],
  "sqs.standard.per-million": [SQS, "standardPerMillion"],
  "sqs.fifo.per-million": [SQS, "fifoPerMillion"],
  "logs.ingest.gb": [CLOUDWATCH_LOGS, "ingestGb"],
  "logs.vended.gb": [CLOUDWATCH_LOGS, "vendedGb"],
  "logs.storage.gb-month": [CLOUDWATCH_LOGS, "storageGb"],
  "cloudwatch.metric-month": [CLOUDWATCH_METRICS, "metricMonth"],
  "kms.key-month": [KMS, "keyMonth"],
  "kms.requests.per-10k": [KMS, "requestsPer10k"],
  "secrets.secret-month": [SECRETS_MANAGER, "secretMonth"],
  "waf.web-acl-month": [WAF, "webAclMonth"],
  "waf.rule-month": [WAF, "ruleMonth"],
  "waf.requests.per-million": [WAF, "requestsPerMillion"],
  "lambda.requests.per-million": [LAMBDA, "requestsPerMillion"],
  "lambda.gb-second.x86_64": [LAMBDA, "gbSecondX86"],
  "lambda.gb-second.arm64": [LAMBDA, "gbSecondArm"],
};

/** The region whose figures apply (an alias such as us-west-2 resolves to us-east-1). */
function pricedAs(region: string): string {
  return Object.hasOwn(REGION_ALIASES, region) ? REGION_ALIASES[region]! : region;
}

/** Every region the table prices, aliases included, sorted. */
export function pricedRegions(): string[] {
  return [...Object.keys(FARGATE.regions), ...Object.keys(REGION_ALIASES)].sort();
}

export function isPricedRegion(region: string): boolean {
  return pricedRegions().includes(region);
}

/** One figure of a price table in a region, with its unit, source and date; undefined where the table has none. */
export function servicePrice<K extends string>(
  service: ServicePrices<K>,
  region: string,
  field: K,
  unit: string = service.units[field],
): UnitPrice | undefined {
  const priced = pricedAs(region);
  const regional = Object.hasOwn(service.regions, priced) ? service.regions[priced] : undefined;
  const usd = regional?.[field];
  if (usd === undefined) return undefined;
  return {
    usd,
    unit,
    source: service.source,
    date: service.date,
    ...(service.note ? { note: service.note } : {}),
  };
}

/** A unit price in a region, with its source and date; undefined for a region the table does not price. */
export function unitPrice(region: string, key: UnitKey): UnitPrice | undefined {
  const entry = Object.hasOwn(UNIT_ENTRIES, key) ? UNIT_ENTRIES[key] : undefined;
  return entry ? servicePrice(entry[0], region, entry[1]) : undefined;
}

/** Fargate's vCPU-hour and GB-hour prices for an architecture. */
export function fargateHourly(
  region: string,
  arch: CpuArchitecture,
): { readonly vcpuHour: UnitPrice; readonly gbHour: UnitPrice } | undefined {
  const suffix = arch === "ARM64" ? "arm64" : "x86_64";
  const vcpuHour = unitPrice(region, `fargate.vcpu-hour.${suffix}`);
  const gbHour = unitPrice(region, `fargate.gb-hour.${suffix}`);
  return vcpuHour && gbHour ? { vcpuHour, gbHour } : undefined;
}

/** The hourly price of one Fargate task of `vcpu` vCPUs and `memoryGb` GB. */
export function fargateTaskHourly(
  region: string,
  arch: CpuArchitecture,
  vcpu: number,
  memoryGb: number,
): number | undefined {
  const prices = fargateHourly(region, arch);
  return prices ? vcpu * prices.vcpuHour.usd + memoryGb * prices.gbHour.usd : undefined;
}

function instanceHourly(table: InstanceTable, region: string, instanceClass: string): number | undefined {
  const match = /^((?:db|cache)\.[a-z0-9]+)\.([a-z0-9]+)$/.exec(instanceClass);
  if (!match) return undefined;
  const [, family, size] = match as unknown as [string, string, string];
  const regional = Object.hasOwn(table.regions, pricedAs(region))
    ? table.regions[pricedAs(region)]
    : undefined;
  const prices = regional && Object.hasOwn(regional, family) ? regional[family] : undefined;
  if (!prices) return undefined;
  if (prices.sizes && Object.hasOwn(prices.sizes, size)) return prices.sizes[size];
  const factor = Object.hasOwn(SIZE_FACTORS, size) ? SIZE_FACTORS[size] : undefined;
  if (prices.large === undefined || factor === undefined) return undefined;
  return Math.round(prices.large * factor * 10000) / 10000;
}

function fromTable(table: InstanceTable, usd: number | undefined, unit: string): UnitPrice | undefined {
  return usd === undefined
    ? undefined
    : { usd, unit, source: table.source, date: table.date, note: table.note };
}

/** The hourly price of an RDS instance class; Multi-AZ (one standby) is twice the Single-AZ rate. */
export function rdsInstanceHourly(
  region: string,
  engine: RelationalEngine,
  instanceClass: string,
  multiAz: boolean,
): UnitPrice | undefined {
  const table = Object.hasOwn(RDS_INSTANCES, engine) ? RDS_INSTANCES[engine] : undefined;
  if (!table) return undefined;
  const single = instanceHourly(table, region, instanceClass);
  return fromTable(
    table,
    single === undefined ? undefined : Math.round(single * (multiAz ? 2 : 1) * 10000) / 10000,
    `per ${instanceClass} ${multiAz ? "Multi-AZ" : "Single-AZ"} instance-hour`,
  );
}

/** The gp3 storage price of an RDS instance, per GB-month. */
export function rdsStorageGbMonth(region: string, multiAz: boolean): UnitPrice | undefined {
  return unitPrice(region, multiAz ? "rds.gp3.gb-month.multi-az" : "rds.gp3.gb-month");
}

/** The hourly price of one Aurora instance (writer or reader); both engines share the figures. */
export function auroraInstanceHourly(
  region: string,
  _engine: RelationalEngine,
  instanceClass: string,
): UnitPrice | undefined {
  return fromTable(
    AURORA_INSTANCES,
    instanceHourly(AURORA_INSTANCES, region, instanceClass),
    `per ${instanceClass} Aurora instance-hour`,
  );
}

/** The hourly price of one ElastiCache node. */
export function elasticacheNodeHourly(region: string, nodeType: string): UnitPrice | undefined {
  return fromTable(
    ELASTICACHE_NODES,
    instanceHourly(ELASTICACHE_NODES, region, nodeType),
    `per ${nodeType} node-hour`,
  );
}
