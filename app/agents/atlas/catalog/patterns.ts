import type { Pattern } from "../context.js";
import { buckets } from "./buckets.js";
import { cache } from "./cache.js";
import { cdn } from "./cdn.js";
import { database } from "./database.js";
import type { CatalogEntry } from "./entry.js";
import { loadBalancer } from "./load-balancer.js";
import { logs } from "./logs.js";
import { network } from "./network.js";
import { queue } from "./queue.js";
import { scheduledTask, scheduler, workflow } from "./scheduled-task.js";
import { service } from "./service.js";
import { site } from "./site.js";

/** A catalog pattern: which components it is made of, in dependency order, and whether it runs tasks. */
export interface PatternSpec {
  readonly entries: readonly CatalogEntry[];
  /** What must be up for a user's request to succeed, in the order it meets them: for a worker, the enqueue. */
  readonly path: readonly CatalogEntry[];
  /** What processes a queued job, off the request path: while it is down, jobs wait in the queue. */
  readonly consumer?: readonly CatalogEntry[];
  /** The pattern runs containers (and so needs a VPC with NAT, and task sizing). */
  readonly compute: boolean;
  readonly capacityModel: "request-driven" | "queue-driven" | "cdn" | "schedule-driven";
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
  },
  worker: {
    entries: [network, logs, queue, database, cache, buckets, service],
    path: [queue],
    consumer: [service, network, database, cache],
    compute: true,
    capacityModel: "queue-driven",
  },
  "scheduled-job": {
    entries: [network, database, cache, buckets, scheduledTask],
    path: [scheduler, workflow, scheduledTask, network, database, cache],
    compute: true,
    capacityModel: "schedule-driven",
    job: true,
  },
  "static-site": { entries: [site, cdn, buckets], path: [cdn], compute: false, capacityModel: "cdn" },
};

/** The pattern of a workload type the catalog designs (policy-check blocks the others before any design). */
export function patternOf(pattern: Pattern): PatternSpec {
  const spec = PATTERNS[pattern];
  if (!spec) throw new Error(`the catalog has no ${pattern} pattern`);
  return spec;
}
