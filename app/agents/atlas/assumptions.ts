/**
 * The workload assumptions Atlas sizes and prices with when the goal does not say. Each has its reasoning; the
 * PlanSpec repeats the figures it used in its capacity explanation and cost bases.
 */
export const THROUGHPUT = {
  webApi: {
    rpsPerVcpu: 100,
    defaultCpu: 1,
    defaultMemoryMb: 2048,
    reasoning:
      "A JSON API request that makes one to three database or cache round-trips spends about 10 ms on the CPU (TLS ends at the load balancer); the rest is I/O wait. One vCPU therefore serves about 100 requests/s at full use.",
  },
  worker: {
    rpsPerVcpu: 10,
    defaultCpu: 0.5,
    defaultMemoryMb: 1024,
    reasoning:
      "A background job (render, transform, call an API) spends about 100 ms on the CPU, so one vCPU handles about 10 messages/s at full use.",
  },
} as const;

export const HEADROOM = {
  standard: 0.3,
  /** A p95 target at or under this many ms gets the tight headroom. */
  tightLatencyMs: 100,
  tight: 0.4,
  reasoning:
    "Tasks are sized to run at most 70 % busy at peak: queueing delay, and with it p95 latency, climbs steeply above that, and the spare 30 % carries the load while autoscaling adds tasks. A p95 target of 100 ms or less keeps 40 % spare.",
} as const;

export const TRAFFIC = {
  /** avgRps = peakRps × this, when the goal gives no average. */
  avgToPeak: {
    "web-api": 0.3,
    worker: 0.3,
    "static-site": 0.1,
    "serverless-api": 0.3,
    "scheduled-job": 1,
    "stream-processor": 0.5,
    kubernetes: 0.3,
  },
  secondsPerMonth: 2_592_000,
  /** Bytes of an API request as it reaches the ALB (headers and body). */
  apiRequestBytes: 2_000,
  /** An API response's size when the goal gives no traffic.responseKb: what leaves the region per request. */
  apiResponseKb: 8,
  /** Bytes out of CloudFront per static-site request (pages, assets, many 304s). */
  siteBytesPerRequest: 20_000,
  /** Share of CDN requests that miss the cache and reach the S3 origin. */
  cdnMissRatio: 0.1,
  reasoning:
    "Without an average, an API or worker is assumed to average 30 % of its peak, a static site 10 % (docs traffic is spiky). An API request is about 2 KB and its response about 8 KB (traffic.responseKb overrides it): both pass the load balancer, and the response leaves the region as data transfer out; a static-site request about 20 KB out of the CDN, 10 % of which miss the cache.",
} as const;

export const DATABASE = {
  queriesPerRequest: 2,
  queriesPerMessage: 5,
  qpsPerVcpu: 500,
  /** Share of the data kept in memory (the working set), preferred and relaxed. */
  workingSetRatio: { preferred: 0.1, relaxed: 0.05 },
  maxWorkingSetGb: 256,
  /** Aurora storage I/O requests per query (buffer-cache misses and writes). */
  auroraIoPerQuery: 0.5,
  reasoning:
    "An API request runs about 2 indexed queries (a job about 5); a Graviton vCPU serves about 500 such queries/s. The working set (10 % of the data, capped at 256 GB) should fit in memory; the relaxed design keeps 5 %.",
} as const;

export const CACHE = {
  defaultMemoryGb: 1,
  /** ElastiCache keeps 25 % of a node's memory for replication and snapshots. */
  reservedMemory: 0.25,
  reasoning:
    "ElastiCache reserves 25 % of a node's memory (reserved-memory-percent) for replication buffers and snapshots.",
} as const;

export const EGRESS = {
  /** GB through NAT per running task per month: image pulls and calls to outside APIs. */
  natGbPerTask: 5,
  /** Flow-log bytes per request, plus a baseline. */
  flowLogBytesPerRequest: 100,
  flowLogBaselineGb: 1,
  reasoning:
    "Each task pulls its image from an outside registry and calls outside APIs through NAT: about 5 GB a month. VPC flow logs come to about 100 bytes per request plus 1 GB of background.",
} as const;

export const LOGS = {
  bytesPerRequest: 300,
  baselineGb: 1,
  /** CloudWatch Logs bills stored logs compressed, at about this share of the ingested size. */
  storedRatio: 0.15,
  reasoning:
    "One structured access-log line (about 300 bytes) per request or message, plus 1 GB of start-up and error logs; CloudWatch stores logs compressed to about 15 % of their ingested size.",
} as const;

export const OBJECT_STORAGE = {
  assumedGb: 50,
  /** PUTs and GETs, each as a share of the average requests or messages. */
  requestShare: 0.1,
  siteGb: 1,
  reasoning:
    "A new data bucket is priced at 50 GB stored, with one PUT and one GET per ten requests or messages; a static site at 1 GB.",
} as const;

export const QUEUE = {
  /** SQS requests per message: send, receive, delete. */
  requestsPerMessage: 3,
  visibilityTimeoutSeconds: 300,
  messageRetentionSeconds: 345_600,
  maxReceiveCount: 5,
  deadLetterRetentionSeconds: 1_209_600,
  /** Scale out when the backlog per task exceeds this many seconds of work. */
  backlogSeconds: 30,
} as const;

/** What CloudWatch bills beside the container logs: Container Insights, and the database's and cache's own logs. */
export const MONITORING = {
  /** Container Insights metrics for a cluster with one service: cluster, service and task-family dimensions. */
  insightsMetrics: 30,
  /** Container Insights performance log events per running task a month. */
  insightsGbPerTask: 0.05,
  /** RDS log exports and Enhanced Monitoring (60 s) per database instance a month. */
  databaseLogGbPerInstance: 1,
  /** The Redis slow log per cache node a month. */
  cacheLogGbPerNode: 0.1,
  reasoning:
    "Container Insights bills about 30 metrics for a cluster with one service and about 50 MB of performance events per task a month; RDS log exports with Enhanced Monitoring at 60 s write about 1 GB per instance a month, the Redis slow log about 100 MB per node.",
} as const;

/** Log retention by compliance and environment; PCI DSS 10.5.1 keeps audit logs for 12 months. */
export function logRetentionDays(compliance: readonly string[], environment: string): 365 | 90 | 30 {
  if (compliance.includes("pci") || compliance.includes("hipaa")) return 365;
  return environment === "prod" ? 90 : 30;
}

/** How a rejected Lambda alternative is priced: billed seconds and memory per request or message. */
export const LAMBDA = {
  webApi: { seconds: 0.1, memoryGb: 1 },
  worker: { seconds: 0.2, memoryGb: 1 },
} as const;
