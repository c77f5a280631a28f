// Generated from schemas/ by scripts/gen-types.ts. Do not edit; run `npm run gen`.
/**
 * What a person asks for: a workload, its traffic, SLO, data and budget. Written by people, in an issue form, JSON or YAML.
 */
export interface GoalStatement {
  /**
   * The contract version. Every artifact carries it.
   */
  schemaVersion: "0.1";
  kind: "GoalStatement";
  /**
   * A goal or stack name: lowercase letters, digits and dashes. It names the branch, the stack directory and the resources.
   */
  name: string;
  /**
   * One or two sentences: what the service does.
   */
  summary: string;
  /**
   * The cloud provider.
   */
  cloud: "aws";
  /**
   * An AWS region code.
   */
  region: string;
  /**
   * A two-region design: the primary (equal to region) and the secondary. Ask for it when the availability target is above what one region gives; Atlas designs per-region stacks behind Route 53 health checks.
   *
   * @minItems 2
   * @maxItems 2
   */
  regions?: string[];
  /**
   * The deployment environment.
   */
  environment: "dev" | "staging" | "prod";
  workload: Workload;
  traffic: Traffic;
  slo: Slo;
  data?: Data;
  network?: NetworkGoal;
  budget: Budget;
  /**
   * Compliance regimes the workload falls under.
   */
  compliance?: ("pci" | "hipaa" | "gdpr" | "soc2" | "iso27001")[];
  tags?: Tags;
  /**
   * GitHub users or teams who own the service.
   */
  owners?: string[];
}
export interface Workload {
  /**
   * The shape of the workload: web-api (containers behind a load balancer), worker (containers reading a queue), static-site (S3 and CloudFront), serverless-api (API Gateway HTTP API and Lambda), scheduled-job (a container run on a schedule), stream-processor (a Kinesis or Kafka stream and its consumer), kubernetes (an EKS cluster with managed node groups).
   */
  type:
    | "web-api"
    | "static-site"
    | "worker"
    | "serverless-api"
    | "scheduled-job"
    | "stream-processor"
    | "kubernetes";
  /**
   * The container image, with a tag or digest.
   */
  image?: string;
  /**
   * serverless-api only: a Lambda runtime, for code packaged as a zip instead of an image.
   */
  runtime?: string;
  /**
   * serverless-api with a runtime: the function's handler (default index.handler for Node.js, app.handler for Python).
   */
  handler?: string;
  /**
   * The CPU architecture the image is built for; the tasks run on it. Default x86_64; arm64 runs on Graviton, about 20 % cheaper, and needs a linux/arm64 image.
   */
  architecture?: "x86_64" | "arm64";
  /**
   * A Secrets Manager secret holding the username and password of a private registry (ghcr.io, Docker Hub, …). Images in Amazon ECR need none: the task execution role pulls them.
   */
  imagePullSecret?: string;
  /**
   * Who reaches a web API: public (from the internet, the default) or internal (from the VPC and the ranges in allowedCidrs, e.g. a corporate VPN; the load balancer sits in private subnets).
   */
  exposure?: "public" | "internal";
  /**
   * IPv4 ranges allowed to reach a web API: for an internal one, besides the VPC; for a public one, instead of the whole internet.
   *
   * @minItems 1
   * @maxItems 20
   */
  allowedCidrs?: string[];
  /**
   * The port the container listens on.
   */
  port?: number;
  /**
   * The HTTP path the load balancer checks.
   */
  healthCheckPath?: string;
  /**
   * vCPUs per task; Atlas sizes it when absent.
   */
  cpu?: 0.25 | 0.5 | 1 | 2 | 4;
  /**
   * Memory per task in MiB (512 to 30720), or per Lambda invocation (128 to 10240); Atlas sizes it when absent.
   */
  memoryMb?: number;
  /**
   * serverless-api only: the average time one request runs in Lambda, in milliseconds. Atlas assumes 100 ms when it is not given; it sizes concurrency and prices GB-seconds.
   */
  durationMs?: number;
  /**
   * Requests (or messages) per second one task sustains at the p95 target, if known from a load test.
   */
  perTaskRps?: number;
  /**
   * scheduled-job only: when it runs, as an EventBridge Scheduler expression.
   */
  schedule?: string;
  /**
   * scheduled-job only: the IANA time zone the cron expression is read in (default UTC).
   */
  timezone?: string;
  /**
   * scheduled-job only: a run still going after this long is stopped and counts as failed.
   */
  timeoutMinutes?: number;
  /**
   * scheduled-job only: how long a run usually takes, in minutes, for the cost estimate. Absent, Atlas assumes half the timeout.
   */
  runMinutes?: number;
  /**
   * scheduled-job only: further attempts after a failed run (default 2).
   */
  retries?: number;
  /**
   * kubernetes only: the EKS Kubernetes version; Atlas takes the newest in standard support when absent.
   */
  kubernetesVersion?: string;
  /**
   * kubernetes only: the managed node groups, spread across the availability zones.
   *
   * @minItems 1
   * @maxItems 10
   */
  nodeGroups?: NodeGroupGoal[];
  gpu?: GpuGoal;
  auth?: ApiAuthGoal;
  /**
   * web-api, serverless-api and static-site: the name it answers on. It must be in a Route 53 hosted zone the organisation's policy lists (policy.dns.hostedZones); Atlas adds an ACM certificate validated in that zone and the record.
   */
  domain?: string;
}
export interface NodeGroupGoal {
  name: string;
  /**
   * @minItems 1
   * @maxItems 5
   */
  instanceTypes: string[];
  min: number;
  max: number;
}
/**
 * web-api and worker: GPUs per task. The tasks run on EC2 GPU instances (g5 for nvidia-a10g, g6 for nvidia-l4, g4dn for nvidia-t4) instead of Fargate.
 */
export interface GpuGoal {
  type: "nvidia-a10g" | "nvidia-l4" | "nvidia-t4";
  count: number;
}
/**
 * serverless-api: who may call the HTTP API. none (the default): the routes are public and the function checks its callers; iam: callers sign their requests with SigV4 (AWS principals the function's account allows); jwt: API Gateway checks a bearer token's issuer and audience before Lambda runs.
 */
export interface ApiAuthGoal {
  type: "none" | "iam" | "jwt";
  /**
   * jwt: the token issuer's URL (its OpenID configuration is read from there).
   */
  issuer?: string;
  /**
   * jwt: the audiences a token may carry (at least one).
   *
   * @minItems 1
   * @maxItems 20
   */
  audience?: string[];
}
export interface Traffic {
  /**
   * Peak requests per second (for a worker: messages per second).
   */
  peakRps: number;
  /**
   * Average requests per second; at most peakRps.
   */
  avgRps?: number;
  /**
   * Average response size in KB, for internet data transfer out (a web API's responses). Atlas assumes 8 KB when it is not given.
   */
  responseKb?: number;
}
export interface Slo {
  /**
   * Monthly availability target in percent.
   */
  availability: number;
  /**
   * 95th percentile latency target in milliseconds.
   */
  p95LatencyMs?: number;
  /**
   * Workers only: the longest a job may take from being queued to being done, in minutes. The worker's downtime becomes backlog in the queue, which must clear within it (and within the queue's 4-day retention). Absent, Atlas assumes the SLO's monthly error budget: 43.8 minutes at 99.9 %.
   */
  processingLatencyMinutes?: number;
}
export interface Data {
  relational?: RelationalData;
  cache?: CacheData;
  objectStorage?: ObjectStorageData;
  keyValue?: KeyValueData;
  stream?: StreamData;
}
export interface RelationalData {
  engine: "postgres" | "mysql";
  storageGb: number;
}
export interface CacheData {
  engine: "redis";
  memoryGb?: number;
}
export interface ObjectStorageData {
  /**
   * @minItems 1
   * @maxItems 10
   */
  buckets: string[];
}
/**
 * A DynamoDB table (serverless-api, worker, scheduled-job, stream-processor).
 */
export interface KeyValueData {
  engine: "dynamodb";
  /**
   * Table size in GB, for the storage estimate (default 1).
   */
  storageGb?: number;
}
/**
 * stream-processor only: the stream the consumer reads. traffic.peakRps and avgRps are events per second.
 */
export interface StreamData {
  engine: "kinesis" | "kafka";
  /**
   * How long events stay readable (24 to 8760, default 24).
   */
  retentionHours?: number;
  /**
   * The average event size in KB (default 1).
   */
  recordKb?: number;
  /**
   * Kinesis only: also deliver every event to an S3 bucket through Firehose.
   */
  archive?: boolean;
}
/**
 * The stack's network, when the defaults do not suit.
 */
export interface NetworkGoal {
  /**
   * The VPC's IPv4 range, /16 to /24, in a private range (10/8, 172.16/12, 192.168/16). Without it Atlas takes one from the policy's pool (policy.network.cidrPool, default 10.0.0.0/8) outside its reserved ranges.
   */
  cidr?: string;
}
export interface Budget {
  /**
   * The monthly budget in US dollars.
   */
  monthlyUsd: number;
}
/**
 * AWS resource tags: key to value.
 */
export interface Tags {
  [k: string]: string;
}
