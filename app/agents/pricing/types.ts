/** The unit prices the table knows, by key. Each key names the service, the dimension and the unit. */
export const UNIT_KEYS = [
  "fargate.vcpu-hour.x86_64",
  "fargate.gb-hour.x86_64",
  "fargate.vcpu-hour.arm64",
  "fargate.gb-hour.arm64",
  "alb.hour",
  "alb.lcu-hour",
  "nat.hour",
  "nat.gb-processed",
  "egress.internet.gb",
  "vpc.public-ipv4.hour",
  "vpc.interface-endpoint.hour",
  "vpc.interface-endpoint.gb",
  "rds.gp3.gb-month",
  "rds.gp3.gb-month.multi-az",
  "aurora.storage.gb-month",
  "aurora.io.per-million",
  "s3.standard.gb-month",
  "s3.put.per-1k",
  "s3.get.per-1k",
  "cloudfront.gb-out",
  "cloudfront.https.per-10k",
  "sqs.standard.per-million",
  "sqs.fifo.per-million",
  "logs.ingest.gb",
  "logs.vended.gb",
  "logs.storage.gb-month",
  "cloudwatch.metric-month",
  "kms.key-month",
  "kms.requests.per-10k",
  "secrets.secret-month",
  "waf.web-acl-month",
  "waf.rule-month",
  "waf.requests.per-million",
  "lambda.requests.per-million",
  "lambda.gb-second.x86_64",
  "lambda.gb-second.arm64",
] as const;

export type UnitKey = (typeof UNIT_KEYS)[number];

/** A price as the table states it: the figure, its unit, where it comes from and when it was read. */
export interface UnitPrice {
  readonly usd: number;
  /** What one `usd` buys, e.g. "per vCPU-hour". */
  readonly unit: string;
  /** The public AWS pricing page the figure comes from. */
  readonly source: string;
  /** The date the figure was read (YYYY-MM-DD). */
  readonly date: string;
  /** How sure the figure is, and anything a reader should know about it. */
  readonly note?: string;
}

/** One AWS service's prices: one source page, one date, and figures per region. */
export interface ServicePrices<K extends string> {
  readonly source: string;
  readonly date: string;
  readonly note?: string;
  readonly units: Readonly<Record<K, string>>;
  readonly regions: Readonly<Record<string, Readonly<Record<K, number>>>>;
}

/** Instance-hour prices of one family of classes (db.r6g, cache.t4g …) in one region. */
export interface FamilyPrices {
  /** Explicit hourly prices per size (e.g. micro, small, medium). */
  readonly sizes?: Readonly<Record<string, number>>;
  /** The `large` hourly price; larger sizes are priced linearly from it (see SIZE_FACTORS). */
  readonly large?: number;
}

export type RelationalEngine = "postgres" | "mysql";
export type CpuArchitecture = "X86_64" | "ARM64";
