import type { Pattern } from "../context.js";
import { buckets } from "./buckets.js";
import { cache } from "./cache.js";
import { cdn } from "./cdn.js";
import { database } from "./database.js";
import { clusterNodes, kubernetesCluster } from "./kubernetes-cluster.js";
import { domainOn } from "./domain.js";
import type { CatalogEntry } from "./entry.js";
import { lambdaFunction } from "./function.js";
import { functionNetwork } from "./function-network.js";
import { httpApi } from "./http-api.js";
import { keyValue } from "./key-value.js";
import { loadBalancer } from "./load-balancer.js";
import { logs } from "./logs.js";
import { network } from "./network.js";
import { queue } from "./queue.js";
import { scheduledTask, scheduler, workflow } from "./scheduled-task.js";
import { service } from "./service.js";
import { site } from "./site.js";
import { stream } from "./stream.js";
import { streamArchive } from "./stream-archive.js";

/** A catalog pattern: which components it is made of, in dependency order, and whether it runs tasks. */
export interface PatternSpec {
  readonly entries: readonly CatalogEntry[];
  /** What must be up for a user's request to succeed, in the order it meets them: for a worker, the enqueue. */
  readonly path: readonly CatalogEntry[];
  /** What processes a queued job, off the request path: while it is down, jobs wait in the queue. */
  readonly consumer?: readonly CatalogEntry[];
  /** The pattern runs containers (and so needs a VPC with NAT, and task sizing). */
  readonly compute: boolean;
  /** It runs Kubernetes nodes (sized from the goal's node groups), not ECS tasks. */
  readonly nodes?: true;
  readonly capacityModel:
    | "request-driven"
    | "queue-driven"
    | "cdn"
    | "node-driven"
    | "invocation-driven"
    | "schedule-driven"
    | "stream-driven";
  /** The name workload.domain gives the pattern's front door; a pattern without one takes no domain. */
  readonly domain?: CatalogEntry;
  /** The pattern runs one task per scheduled run instead of a service (job-sizing.ts sizes it). */
  readonly job?: true;
}

/** The AWS pattern catalog: the workload types Atlas designs. */
export const PATTERNS: Readonly<Partial<Record<Pattern, PatternSpec>>> = {
  "web-api": {
    entries: [network, logs, loadBalancer, database, cache, buckets, service],
    path: [loadBalancer, service, network, database, cache],
    compute: true,
    capacityModel: "request-driven",
    domain: domainOn({ entry: loadBalancer, words: "the load balancer" }),
  },
  worker: {
    entries: [network, logs, queue, database, cache, buckets, service],
    path: [queue],
    consumer: [service, network, database, cache],
    compute: true,
    capacityModel: "queue-driven",
  },
  "stream-processor": {
    entries: [network, logs, streamArchive, stream, service],
    path: [stream],
    consumer: [service, network],
    compute: true,
    capacityModel: "stream-driven",
  },
  kubernetes: {
    entries: [network, kubernetesCluster],
    path: [kubernetesCluster, clusterNodes, network],
    compute: true,
    nodes: true,
    capacityModel: "node-driven",
  },
  "static-site": {
    entries: [site, cdn, buckets],
    path: [cdn],
    compute: false,
    capacityModel: "cdn",
    domain: domainOn({ entry: cdn, words: "CloudFront", certificateRegion: "us-east-1", ipv6: true }),
  },
  "serverless-api": {
    entries: [functionNetwork, database, keyValue, buckets, lambdaFunction, httpApi],
    path: [httpApi, lambdaFunction, functionNetwork, keyValue, database],
    compute: false,
    capacityModel: "invocation-driven",
    domain: domainOn({ entry: httpApi, words: "the HTTP API" }),
  },
  "scheduled-job": {
    entries: [network, database, cache, buckets, scheduledTask],
    path: [scheduler, workflow, scheduledTask, network, database, cache],
    compute: true,
    capacityModel: "schedule-driven",
    job: true,
  },
};

/** The pattern of a workload type the catalog designs (policy-check blocks the others before any design). */
export function patternOf(pattern: Pattern): PatternSpec {
  const spec = PATTERNS[pattern];
  if (!spec) throw new Error(`the catalog has no ${pattern} pattern`);
  return spec;
}
