import type { ServicePrices } from "./types.js";

/**
 * AWS public on-demand prices (Linux, USD), read from the pricing pages named in each `source`.
 * Figures marked "confirmed" were cross-checked against a second public source dated 2026; the others are
 * the best known public figures and say so in their note. Regions not listed here are not priced.
 */
const DATE = "2026-11-27";

export const FARGATE: ServicePrices<"vcpuX86" | "gbX86" | "vcpuArm" | "gbArm"> = {
  source: "https://aws.amazon.com/fargate/pricing/",
  date: DATE,
  note: "us-east-1 figures confirmed (x86 and ARM); eu-west-1 and eu-central-1 are the best known public figures.",
  units: {
    vcpuX86: "per vCPU-hour (Linux/x86_64)",
    gbX86: "per GB-hour (Linux/x86_64)",
    vcpuArm: "per vCPU-hour (Linux/ARM64)",
    gbArm: "per GB-hour (Linux/ARM64)",
  },
  regions: {
    "us-east-1": { vcpuX86: 0.04048, gbX86: 0.004445, vcpuArm: 0.03238, gbArm: 0.00356 },
    "eu-west-1": { vcpuX86: 0.04048, gbX86: 0.004445, vcpuArm: 0.03238, gbArm: 0.00356 },
    "eu-central-1": { vcpuX86: 0.04656, gbX86: 0.00511, vcpuArm: 0.03725, gbArm: 0.00409 },
  },
};

export const ALB: ServicePrices<"hour" | "lcuHour"> = {
  source: "https://aws.amazon.com/elasticloadbalancing/pricing/",
  date: DATE,
  note: "Application Load Balancer; best known public figures.",
  units: { hour: "per ALB-hour", lcuHour: "per LCU-hour" },
  regions: {
    "us-east-1": { hour: 0.0225, lcuHour: 0.008 },
    "eu-west-1": { hour: 0.0252, lcuHour: 0.008 },
    "eu-central-1": { hour: 0.027, lcuHour: 0.008 },
  },
};

export const VPC: ServicePrices<
  "natHour" | "natGb" | "publicIpv4Hour" | "interfaceEndpointHour" | "interfaceEndpointGb"
> = {
  source: "https://aws.amazon.com/vpc/pricing/",
  date: DATE,
  note: "NAT gateway us-east-1 and the public IPv4 charge confirmed; the EU figures are the best known public figures. Interface endpoints (AWS PrivateLink, https://aws.amazon.com/privatelink/pricing/): per endpoint per AZ, and per GB processed (first PB), best known public figures.",
  units: {
    natHour: "per NAT gateway-hour",
    natGb: "per GB processed by a NAT gateway",
    publicIpv4Hour: "per public IPv4 address-hour",
    interfaceEndpointHour: "per interface endpoint per AZ-hour",
    interfaceEndpointGb: "per GB processed by an interface endpoint",
  },
  regions: {
    "us-east-1": {
      natHour: 0.045,
      natGb: 0.045,
      publicIpv4Hour: 0.005,
      interfaceEndpointHour: 0.01,
      interfaceEndpointGb: 0.01,
    },
    "eu-west-1": {
      natHour: 0.048,
      natGb: 0.048,
      publicIpv4Hour: 0.005,
      interfaceEndpointHour: 0.011,
      interfaceEndpointGb: 0.01,
    },
    "eu-central-1": {
      natHour: 0.052,
      natGb: 0.052,
      publicIpv4Hour: 0.005,
      interfaceEndpointHour: 0.012,
      interfaceEndpointGb: 0.01,
    },
  },
};

export const RDS_STORAGE: ServicePrices<"gp3" | "gp3MultiAz"> = {
  source: "https://aws.amazon.com/rds/pricing/",
  date: DATE,
  note: "General Purpose gp3 storage (3,000 IOPS and 125 MB/s included); us-east-1 confirmed. Multi-AZ bills the standby's storage too (twice the Single-AZ rate). Same for PostgreSQL and MySQL.",
  units: { gp3: "per GB-month (Single-AZ)", gp3MultiAz: "per GB-month (Multi-AZ)" },
  regions: {
    "us-east-1": { gp3: 0.115, gp3MultiAz: 0.23 },
    "eu-west-1": { gp3: 0.127, gp3MultiAz: 0.254 },
    "eu-central-1": { gp3: 0.137, gp3MultiAz: 0.274 },
  },
};

export const AURORA_STORAGE: ServicePrices<"storage" | "io"> = {
  source: "https://aws.amazon.com/rds/aurora/pricing/",
  date: DATE,
  note: "Aurora Standard storage and I/O (PostgreSQL- and MySQL-compatible alike); us-east-1 confirmed, the EU figures are the best known public figures.",
  units: { storage: "per GB-month", io: "per million I/O requests" },
  regions: {
    "us-east-1": { storage: 0.1, io: 0.2 },
    "eu-west-1": { storage: 0.11, io: 0.22 },
    "eu-central-1": { storage: 0.12, io: 0.22 },
  },
};

export const S3: ServicePrices<"standardGb" | "putPer1k" | "getPer1k"> = {
  source: "https://aws.amazon.com/s3/pricing/",
  date: DATE,
  note: "S3 Standard, first 50 TB/month tier; PUT/COPY/POST/LIST and GET/SELECT request prices.",
  units: {
    standardGb: "per GB-month (S3 Standard)",
    putPer1k: "per 1,000 PUT, COPY, POST or LIST requests",
    getPer1k: "per 1,000 GET or SELECT requests",
  },
  regions: {
    "us-east-1": { standardGb: 0.023, putPer1k: 0.005, getPer1k: 0.0004 },
    "eu-west-1": { standardGb: 0.023, putPer1k: 0.005, getPer1k: 0.0004 },
    "eu-central-1": { standardGb: 0.0245, putPer1k: 0.0054, getPer1k: 0.00043 },
  },
};

export const CLOUDFRONT: ServicePrices<"gbOut" | "httpsPer10k"> = {
  source: "https://aws.amazon.com/cloudfront/pricing/",
  date: DATE,
  note: "CloudFront is priced by edge location, not by the origin's region: these are the United States/Europe rates (first 10 TB/month), the edges PriceClass_100 uses. The always-free tier (CLOUDFRONT_FREE_TIER) is deducted by Atlas as its own line.",
  units: { gbOut: "per GB out to the internet", httpsPer10k: "per 10,000 HTTPS requests" },
  regions: {
    "us-east-1": { gbOut: 0.085, httpsPer10k: 0.01 },
    "eu-west-1": { gbOut: 0.085, httpsPer10k: 0.01 },
    "eu-central-1": { gbOut: 0.085, httpsPer10k: 0.01 },
  },
};

/** CloudFront's always-free allowance, per account and month (not a trial: it does not expire). */
export const CLOUDFRONT_FREE_TIER = {
  source: "https://aws.amazon.com/cloudfront/pricing/",
  date: DATE,
  note: "Always free: 1 TB of data transfer out and 10,000,000 HTTP or HTTPS requests a month, shared by every distribution in the account. Counted here as 1,000 GB.",
  gbOut: 1000,
  requests: 10_000_000,
} as const;

export const DATA_TRANSFER: ServicePrices<"internetGb"> = {
  source: "https://aws.amazon.com/ec2/pricing/",
  date: DATE,
  note: "On-Demand page, Data Transfer section: data transfer out from the region to the internet (what an ALB's responses pay), first 10 TB/month tier; the 100 GB a month AWS waives across the account's services is not deducted. Best known public figures.",
  units: { internetGb: "per GB out to the internet" },
  regions: {
    "us-east-1": { internetGb: 0.09 },
    "eu-west-1": { internetGb: 0.09 },
    "eu-central-1": { internetGb: 0.09 },
  },
};

export const SQS: ServicePrices<"standardPerMillion" | "fifoPerMillion"> = {
  source: "https://aws.amazon.com/sqs/pricing/",
  date: DATE,
  note: "Per million requests (each 64 KB chunk of a payload is one request); the first million a month is free and not deducted.",
  units: {
    standardPerMillion: "per million requests (standard queue)",
    fifoPerMillion: "per million requests (FIFO queue)",
  },
  regions: {
    "us-east-1": { standardPerMillion: 0.4, fifoPerMillion: 0.5 },
    "eu-west-1": { standardPerMillion: 0.4, fifoPerMillion: 0.5 },
    "eu-central-1": { standardPerMillion: 0.4, fifoPerMillion: 0.5 },
  },
};

export const CLOUDWATCH_LOGS: ServicePrices<"ingestGb" | "vendedGb" | "storageGb"> = {
  source: "https://aws.amazon.com/cloudwatch/pricing/",
  date: DATE,
  note: "Standard log class. Vended logs (VPC flow logs delivered to CloudWatch Logs) use the first volume tier, which equals the standard ingest rate. Storage is billed on the compressed size.",
  units: {
    ingestGb: "per GB ingested",
    vendedGb: "per GB of vended logs (first 10 TB tier)",
    storageGb: "per GB-month archived",
  },
  regions: {
    "us-east-1": { ingestGb: 0.5, vendedGb: 0.5, storageGb: 0.03 },
    "eu-west-1": { ingestGb: 0.57, vendedGb: 0.57, storageGb: 0.03 },
    "eu-central-1": { ingestGb: 0.63, vendedGb: 0.63, storageGb: 0.0324 },
  },
};

export const CLOUDWATCH_METRICS: ServicePrices<"metricMonth"> = {
  source: "https://aws.amazon.com/cloudwatch/pricing/",
  date: DATE,
  note: "Custom metrics (which Container Insights metrics are billed as), first 10,000 metrics tier; best known public figures.",
  units: { metricMonth: "per metric-month" },
  regions: {
    "us-east-1": { metricMonth: 0.3 },
    "eu-west-1": { metricMonth: 0.3 },
    "eu-central-1": { metricMonth: 0.3 },
  },
};

export const KMS: ServicePrices<"keyMonth" | "requestsPer10k"> = {
  source: "https://aws.amazon.com/kms/pricing/",
  date: DATE,
  note: "Customer managed key; the same in every region listed.",
  units: { keyMonth: "per key-month", requestsPer10k: "per 10,000 requests" },
  regions: {
    "us-east-1": { keyMonth: 1, requestsPer10k: 0.03 },
    "eu-west-1": { keyMonth: 1, requestsPer10k: 0.03 },
    "eu-central-1": { keyMonth: 1, requestsPer10k: 0.03 },
  },
};

export const SECRETS_MANAGER: ServicePrices<"secretMonth"> = {
  source: "https://aws.amazon.com/secrets-manager/pricing/",
  date: DATE,
  units: { secretMonth: "per secret-month" },
  regions: {
    "us-east-1": { secretMonth: 0.4 },
    "eu-west-1": { secretMonth: 0.4 },
    "eu-central-1": { secretMonth: 0.4 },
  },
};

export const WAF: ServicePrices<"webAclMonth" | "ruleMonth" | "requestsPerMillion"> = {
  source: "https://aws.amazon.com/waf/pricing/",
  date: DATE,
  note: "AWS WAF (v2): a web ACL, each rule or managed rule group, and inspected requests; AWS Managed Rules baseline groups carry no extra subscription fee.",
  units: {
    webAclMonth: "per web ACL-month",
    ruleMonth: "per rule-month",
    requestsPerMillion: "per million requests inspected",
  },
  regions: {
    "us-east-1": { webAclMonth: 5, ruleMonth: 1, requestsPerMillion: 0.6 },
    "eu-west-1": { webAclMonth: 5, ruleMonth: 1, requestsPerMillion: 0.6 },
    "eu-central-1": { webAclMonth: 5, ruleMonth: 1, requestsPerMillion: 0.6 },
  },
};

export const LAMBDA: ServicePrices<"requestsPerMillion" | "gbSecondX86" | "gbSecondArm"> = {
  source: "https://aws.amazon.com/lambda/pricing/",
  date: DATE,
  note: "First duration tier; the same in every region listed. Lambda's always-free allowance (1 million requests and 400,000 GB-seconds a month) is deducted by AWS from these.",
  units: {
    requestsPerMillion: "per million requests",
    gbSecondX86: "per GB-second (x86_64)",
    gbSecondArm: "per GB-second (ARM64)",
  },
  regions: {
    "us-east-1": { requestsPerMillion: 0.2, gbSecondX86: 0.0000166667, gbSecondArm: 0.0000133334 },
    "eu-west-1": { requestsPerMillion: 0.2, gbSecondX86: 0.0000166667, gbSecondArm: 0.0000133334 },
    "eu-central-1": { requestsPerMillion: 0.2, gbSecondX86: 0.0000166667, gbSecondArm: 0.0000133334 },
  },
};

/** Lambda's always-free allowance, per account and month (not a trial: it does not expire). */
export const LAMBDA_FREE_TIER = {
  source: "https://aws.amazon.com/lambda/pricing/",
  date: DATE,
  note: "Always free: 1,000,000 requests and 400,000 GB-seconds of compute a month, shared by every function in the account (x86_64 and Arm together).",
  requests: 1_000_000,
  gbSeconds: 400_000,
} as const;

/**
 * Regions whose figures for every service in this table equal another region's, as the pricing pages list
 * them: US East (Ohio) and US West (Oregon) share US East (N. Virginia)'s prices for these services.
 */
export const REGION_ALIASES: Readonly<Record<string, string>> = {
  "us-east-2": "us-east-1",
  "us-west-2": "us-east-1",
};
