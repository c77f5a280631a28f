import type { ServicePrices, UnitPrice } from "./types.js";
import { EC2_FAMILY_LARGE, familyInstancePrices } from "./ec2-prices.js";
import { servicePrice } from "./lookup.js";

/**
 * AWS public on-demand prices (USD) for the resource types of the new shapes (serverless APIs, scheduled jobs,
 * streams, Kubernetes, GPU services, domains), read from the pricing pages named in each `source`. None is
 * cross-checked against a second source yet: each note says so. Regions not listed are not priced (a lookup returns
 * undefined); services whose page gives one price for every region list all three priced regions.
 */
const DATE = "2026-12-04";
const NOT_CROSS_CHECKED = "Best known public figures, not yet cross-checked against a second source.";
const ALL = ["us-east-1", "eu-west-1", "eu-central-1"] as const;

function everywhere<K extends string>(figures: Record<K, number>): Record<string, Record<K, number>> {
  return Object.fromEntries(ALL.map((region) => [region, figures]));
}

export const API_GATEWAY_HTTP: ServicePrices<"requestsPerMillion"> = {
  source: "https://aws.amazon.com/api-gateway/pricing/",
  date: DATE,
  note: `HTTP APIs, first 300 million requests a month. The us-east-1 figure cross-checked 2026-12-05 against apigatewaycost.com/aws and amnic.com's API Gateway pricing guide ($1.00 per million, first 300 million); the EU figures are ${NOT_CROSS_CHECKED.toLowerCase()}`,
  units: { requestsPerMillion: "per million requests" },
  regions: {
    "us-east-1": { requestsPerMillion: 1.0 },
    "eu-west-1": { requestsPerMillion: 1.11 },
    "eu-central-1": { requestsPerMillion: 1.2 },
  },
};

export const DYNAMODB_ON_DEMAND: ServicePrices<
  "writesPerMillion" | "readsPerMillion" | "storageGbMonth" | "pitrGbMonth"
> = {
  source: "https://aws.amazon.com/dynamodb/pricing/on-demand/",
  date: DATE,
  note: "On-demand capacity after the November 2024 price cut; Standard table class. Request prices cross-checked 2026-12-05 against airbyte.com's DynamoDB pricing guide ($0.625 and $0.125 per million, US East); storage, continuous backups and the EU figures (requests: half the pre-cut Ireland and Frankfurt prices) not cross-checked.",
  units: {
    writesPerMillion: "per million write request units",
    readsPerMillion: "per million read request units",
    storageGbMonth: "per GB-month of table storage",
    pitrGbMonth: "per GB-month of continuous backups (point-in-time recovery)",
  },
  regions: {
    "us-east-1": { writesPerMillion: 0.625, readsPerMillion: 0.125, storageGbMonth: 0.25, pitrGbMonth: 0.2 },
    "eu-west-1": {
      writesPerMillion: 0.7063,
      readsPerMillion: 0.1413,
      storageGbMonth: 0.283,
      pitrGbMonth: 0.2266,
    },
    "eu-central-1": {
      writesPerMillion: 0.7625,
      readsPerMillion: 0.1525,
      storageGbMonth: 0.306,
      pitrGbMonth: 0.2448,
    },
  },
};

export const KINESIS: ServicePrices<"shardHour" | "onDemandStreamHour" | "onDemandGbIn" | "onDemandGbOut"> = {
  source: "https://aws.amazon.com/kinesis/data-streams/pricing/",
  date: DATE,
  note: `${NOT_CROSS_CHECKED} A second source read 2026-12-05 (c3x.dev) agrees on $0.015 per shard-hour but gives $0.04 per GB written on demand: check the pricing page before relying on the on-demand figures.`,
  units: {
    shardHour: "per shard-hour (provisioned)",
    onDemandStreamHour: "per stream-hour (on-demand)",
    onDemandGbIn: "per GB written (on-demand)",
    onDemandGbOut: "per GB read (on-demand)",
  },
  regions: {
    "us-east-1": { shardHour: 0.015, onDemandStreamHour: 0.04, onDemandGbIn: 0.08, onDemandGbOut: 0.04 },
  },
};

export const FIREHOSE: ServicePrices<"gbIngested"> = {
  source: "https://aws.amazon.com/firehose/pricing/",
  date: DATE,
  note: `Kinesis Data Streams as the source, first 500 TB a month. ${NOT_CROSS_CHECKED}`,
  units: { gbIngested: "per GB ingested" },
  regions: { "us-east-1": { gbIngested: 0.029 } },
};

export const MSK_SERVERLESS: ServicePrices<
  "clusterHour" | "partitionHour" | "storageGbMonth" | "gbIn" | "gbOut"
> = {
  source: "https://aws.amazon.com/msk/pricing/",
  date: DATE,
  note: NOT_CROSS_CHECKED,
  units: {
    clusterHour: "per cluster-hour",
    partitionHour: "per partition-hour",
    storageGbMonth: "per GB-month stored",
    gbIn: "per GB written",
    gbOut: "per GB read",
  },
  regions: {
    "us-east-1": { clusterHour: 0.75, partitionHour: 0.0015, storageGbMonth: 0.1, gbIn: 0.1, gbOut: 0.05 },
  },
};

export const EKS: ServicePrices<"clusterHour" | "extendedClusterHour"> = {
  source: "https://aws.amazon.com/eks/pricing/",
  date: DATE,
  note: 'One price in every commercial region. Cross-checked 2026-12-05 against AWS\'s Containers blog, "Amazon EKS extended support for Kubernetes versions pricing" ($0.10 standard, $0.60 extended, per cluster-hour).',
  units: {
    clusterHour: "per cluster-hour (standard support)",
    extendedClusterHour: "per cluster-hour (extended support)",
  },
  regions: everywhere({ clusterHour: 0.1, extendedClusterHour: 0.6 }),
};

export const STEP_FUNCTIONS: ServicePrices<"transitionsPerThousand"> = {
  source: "https://aws.amazon.com/step-functions/pricing/",
  date: DATE,
  note: `Standard workflows, after the free tier; Europe (Ireland) and Europe (Frankfurt) list the same figure. ${NOT_CROSS_CHECKED}`,
  units: { transitionsPerThousand: "per 1,000 state transitions" },
  regions: everywhere({ transitionsPerThousand: 0.025 }),
};

/** Step Functions' always-free allowance: state transitions a month, per account (the pricing page's free tier). */
export const STEP_FUNCTIONS_FREE_TRANSITIONS = 4000;

export const SCHEDULER: ServicePrices<"invocationsPerMillion"> = {
  source: "https://aws.amazon.com/eventbridge/pricing/",
  date: DATE,
  note: "EventBridge Scheduler, after 14 million free invocations a month. Cross-checked 2026-12-05 against cloudburn.io's EventBridge pricing guide (March 2026: $1.00 per million, 14 M free, consistent across most commercial regions); the EU figures rest on that statement.",
  units: { invocationsPerMillion: "per million scheduled invocations" },
  regions: everywhere({ invocationsPerMillion: 1.0 }),
};

/** EventBridge Scheduler's always-free allowance: invocations a month, per account. */
export const SCHEDULER_FREE_INVOCATIONS = 14_000_000;

export const CLOUDWATCH_ALARMS: ServicePrices<"alarmMonth"> = {
  source: "https://aws.amazon.com/cloudwatch/pricing/",
  date: DATE,
  note: `Standard-resolution metric alarms; Europe (Ireland) and Europe (Frankfurt) list the same figure. ${NOT_CROSS_CHECKED}`,
  units: { alarmMonth: "per alarm-month" },
  regions: everywhere({ alarmMonth: 0.1 }),
};

export const ROUTE53: ServicePrices<
  "hostedZoneMonth" | "queriesPerMillion" | "healthCheckMonth" | "healthCheckFeatureMonth"
> = {
  source: "https://aws.amazon.com/route53/pricing/",
  date: DATE,
  note: `A global service: one price. Health checks of AWS endpoints, each optional feature (HTTPS, string matching, fast interval, latency measurement) billed on top; alias queries to AWS resources are free. ${NOT_CROSS_CHECKED}`,
  units: {
    hostedZoneMonth: "per hosted zone-month (first 25)",
    queriesPerMillion: "per million standard queries",
    healthCheckMonth: "per health check-month (AWS endpoint)",
    healthCheckFeatureMonth: "per optional feature of a health check-month (AWS endpoint)",
  },
  regions: everywhere({
    hostedZoneMonth: 0.5,
    queriesPerMillion: 0.4,
    healthCheckMonth: 0.5,
    healthCheckFeatureMonth: 1,
  }),
};

export const INTER_REGION_TRANSFER: ServicePrices<"gbOut"> = {
  source: "https://aws.amazon.com/ec2/pricing/on-demand/",
  date: DATE,
  note: `Data Transfer section: data sent from the region to another AWS region (what cross-region replication pays). ${NOT_CROSS_CHECKED}`,
  units: { gbOut: "per GB to another AWS region" },
  regions: everywhere({ gbOut: 0.02 }),
};

/** EC2 on-demand Linux instances the new shapes run: EKS node groups (the m, c and r families) and GPU capacity providers. */
export const EC2_INSTANCES: ServicePrices<string> = {
  source: EC2_FAMILY_LARGE.source,
  date: EC2_FAMILY_LARGE.date,
  note: `Linux, shared tenancy. The m, c and r families in every priced region (ec2-prices.ts); the GPU types' xlarge and 2xlarge sizes: g5 and g4dn in every priced region, g6 (L4) in us-east-1 only, as no EU price was read. ${NOT_CROSS_CHECKED}`,
  units: {},
  regions: {
    "us-east-1": {
      ...familyInstancePrices("us-east-1"),
      "g5.xlarge": 1.006,
      "g5.2xlarge": 1.212,
      "g6.xlarge": 0.8048,
      "g6.2xlarge": 0.9776,
      "g4dn.xlarge": 0.526,
      "g4dn.2xlarge": 0.752,
    },
    "eu-west-1": {
      ...familyInstancePrices("eu-west-1"),
      "g5.xlarge": 1.123,
      "g5.2xlarge": 1.353,
      "g4dn.xlarge": 0.587,
      "g4dn.2xlarge": 0.838,
    },
    "eu-central-1": {
      ...familyInstancePrices("eu-central-1"),
      "g5.xlarge": 1.258,
      "g5.2xlarge": 1.516,
      "g4dn.xlarge": 0.658,
      "g4dn.2xlarge": 0.94,
    },
  },
};

/** An EC2 instance type's on-demand hourly price. */
export function ec2InstanceHourly(region: string, instanceType: string): UnitPrice | undefined {
  return servicePrice(EC2_INSTANCES, region, instanceType, "per instance-hour");
}
