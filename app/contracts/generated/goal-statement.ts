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
   * The shape of the workload.
   */
  type: "web-api" | "static-site" | "worker";
  /**
   * The container image, with a tag or digest.
   */
  image?: string;
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
   * Memory per task in MiB; Atlas sizes it when absent.
   */
  memoryMb?: number;
  /**
   * Requests (or messages) per second one task sustains at the p95 target, if known from a load test.
   */
  perTaskRps?: number;
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
