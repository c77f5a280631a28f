import type { Component } from "../../contracts/generated/plan-spec.js";
import { sha256Hex } from "../../contracts/canonical.js";
import { LOGS, OBJECT_STORAGE, QUEUE, TRAFFIC } from "./assumptions.js";
import { monthlyRequests } from "./context.js";
import type { Design } from "./design.js";
import { taskArithmetic } from "./explain.js";
import { num } from "./format.js";
import { SLAS } from "./sla.js";

const ENGINE_VERSIONS = { postgres: "16", mysql: "8.0", redis: "7.1" } as const;

/** A /16 whose second octet comes from the goal's name, so stacks rarely overlap if peered later. */
function cidrFor(name: string): string {
  return `10.${parseInt(sha256Hex(name).slice(0, 2), 16)}.0.0/16`;
}

function network(d: Design): Component {
  const nat =
    d.natGateways === d.azCount && d.azCount > 1
      ? `one NAT gateway per AZ (${d.natGateways}), so an AZ's failure never cuts the others' egress`
      : "one shared NAT gateway, enough for this SLO";
  return {
    id: "network",
    kind: "network",
    params: {
      cidr: cidrFor(d.ctx.goal.name),
      azCount: d.azCount,
      natGateways: d.natGateways,
      flowLogs: true,
      flowLogRetentionDays: d.logRetentionDays,
    },
    dependsOn: [],
    rationale: `A VPC over ${d.azCount} AZs with public subnets (${d.ctx.pattern === "web-api" ? "load balancer, " : ""}NAT) and private subnets (tasks${d.database || d.cache ? ", data" : ""}); ${nat}. Flow logs are kept ${d.logRetentionDays} days.`,
  };
}

function logs(d: Design): Component {
  const ingest = Number((LOGS.baselineGb + (LOGS.bytesPerRequest * monthlyRequests(d.ctx)) / 1e9).toFixed(1));
  const why =
    d.logRetentionDays === 365
      ? "PCI DSS 10.5.1 / HIPAA keep audit logs a year"
      : d.ctx.prod
        ? "90 days covers incident reviews in prod"
        : "30 days is enough outside prod";
  return {
    id: "logs",
    kind: "log-group",
    params: { retentionDays: d.logRetentionDays, monthlyIngestGb: ingest },
    dependsOn: [],
    rationale: `Container logs: about ${num(ingest, 1)} GB a month (${LOGS.bytesPerRequest} bytes per request or message plus ${LOGS.baselineGb} GB), kept ${d.logRetentionDays} days because ${why}.`,
  };
}

function loadBalancer(d: Design): Component {
  const { goal, prod } = d.ctx;
  return {
    id: "load-balancer",
    kind: "load-balancer",
    params: {
      scheme: "internet-facing",
      targetPort: goal.workload.port ?? 8080,
      healthCheckPath: goal.workload.healthCheckPath ?? "/",
      idleTimeoutSeconds: 60,
      deletionProtection: prod,
      waf: d.waf,
    },
    dependsOn: ["network"],
    rationale: `An internet-facing ALB across ${d.azCount} AZs (${SLAS.albRegional.percent} % SLA) terminates TLS and spreads requests over the tasks${d.waf ? "; a WAF web ACL with AWS managed rules guards it, as PCI DSS 6.4.2 requires for public web apps" : ""}.`,
  };
}

function service(d: Design, dependsOn: string[]): Component {
  const s = d.service!;
  const { goal } = d.ctx;
  const effective = s.plan.perTaskRps * (1 - s.plan.headroom);
  const worker = s.id === "worker";
  const scaling = worker
    ? { metric: "queue-depth" as const, target: Math.ceil(s.plan.perTaskRps * QUEUE.backlogSeconds) }
    : { metric: "requests-per-target" as const, target: Math.round(effective * 60) };
  const scalingWords = worker
    ? `on queue depth: a backlog of ${scaling.target} messages per task (${QUEUE.backlogSeconds} s of work)`
    : `on ALB requests per target: ${scaling.target} a minute per task (${num(effective)} rps)`;
  return {
    id: s.id,
    kind: "container-service",
    params: {
      image: goal.workload.image!,
      ...(worker
        ? {}
        : { port: goal.workload.port ?? 8080, healthCheckPath: goal.workload.healthCheckPath ?? "/" }),
      cpu: s.plan.cpu,
      memoryMb: s.plan.memoryMb,
      cpuArchitecture: s.arch,
      desiredCount: s.desiredCount,
      minCount: s.minCount,
      maxCount: s.maxCount,
      scaling,
    },
    dependsOn,
    rationale: `ECS on Fargate, ${s.plan.cpu} vCPU / ${s.plan.memoryMb} MiB tasks${s.arch === "ARM64" ? " on Graviton (the image must be built for linux/arm64)" : ""}: ${taskArithmetic(d.ctx, s, d.azCount)}. Autoscaling ${scalingWords}.${s.plan.notes.length ? ` Note: ${s.plan.notes.join("; ")}.` : ""}`,
  };
}

function database(d: Design): Component {
  const db = d.database!;
  const { prod, compliance } = d.ctx;
  const spec = db.choice.spec;
  const flavorWords =
    db.flavor === "aurora"
      ? `Aurora ${db.need.engine === "postgres" ? "PostgreSQL" : "MySQL"}, a writer and a reader in another AZ (${SLAS.auroraMultiAz.percent} % SLA, failover in about 30 s)`
      : `RDS for ${db.need.engine === "postgres" ? "PostgreSQL" : "MySQL"}, ${db.multiAz ? `Multi-AZ with a synchronous standby (${SLAS.rdsMultiAz.percent} % SLA, failover in 60–120 s)` : `Single-AZ (${SLAS.rdsSingleAz.percent} % SLA)`}`;
  return {
    id: "database",
    kind: "database",
    params: {
      engine: db.need.engine,
      flavor: db.flavor,
      engineVersion: ENGINE_VERSIONS[db.need.engine],
      instanceClass: spec.name,
      instances: db.instances,
      storageGb: db.need.storageGb,
      multiAz: db.multiAz,
      backupRetentionDays: compliance.includes("pci") || compliance.includes("hipaa") ? 35 : prod ? 14 : 7,
      deletionProtection: prod,
    },
    dependsOn: ["network"],
    rationale: `${flavorWords}. ${spec.name} (${spec.vcpu} vCPU, ${spec.memoryGb} GiB) is the cheapest allowed class with ≥ ${db.need.vcpu} vCPU for ${num(db.need.peakQps)} queries/s at peak and ≥ ${num(db.need.memoryGb, 1)} GiB to keep ${num(d.profile.workingSetRatio * 100)} % of ${num(db.need.storageGb)} GB in memory.`,
  };
}

function cache(d: Design): Component {
  const c = d.cache!;
  const spec = c.choice.spec;
  return {
    id: "cache",
    kind: "cache",
    params: {
      engine: "redis",
      engineVersion: ENGINE_VERSIONS.redis,
      nodeType: spec.name,
      nodes: c.nodes,
      multiAz: c.multiAz,
    },
    dependsOn: ["network"],
    rationale: `ElastiCache for Redis, ${c.multiAz ? `a primary and a replica in another AZ with automatic failover (${SLAS.elasticacheMultiAz.percent} % SLA)` : `one node (${SLAS.elasticacheSingleNode.percent} % SLA)`}. ${spec.name} holds ${num(spec.memoryGb)} GiB, ≥ the ${num(c.dataGb, 2)} GiB needed (the data plus the 25 % ElastiCache reserves).`,
  };
}

function bucket(name: string, d: Design): Component {
  return {
    id: `bucket-${name}`,
    kind: "object-storage",
    params: { bucket: name, purpose: "data", versioning: true, storageGb: OBJECT_STORAGE.assumedGb },
    dependsOn: [],
    rationale: `A private, encrypted, versioned S3 bucket (${SLAS.s3Standard.percent} % SLA) with public access blocked; priced at ${OBJECT_STORAGE.assumedGb} GB stored, with one PUT and one GET per ten ${d.ctx.pattern === "worker" ? "messages" : "requests"}.`,
  };
}

function queue(d: Design): Component {
  const millions = (monthlyRequests(d.ctx) * QUEUE.requestsPerMessage) / 1e6;
  return {
    id: "queue",
    kind: "queue",
    params: {
      visibilityTimeoutSeconds: QUEUE.visibilityTimeoutSeconds,
      messageRetentionSeconds: QUEUE.messageRetentionSeconds,
      deadLetter: {
        maxReceiveCount: QUEUE.maxReceiveCount,
        messageRetentionSeconds: QUEUE.deadLetterRetentionSeconds,
      },
      monthlyRequestsMillions: Number(millions.toFixed(1)),
    },
    dependsOn: [],
    rationale: `SQS standard queue (${SLAS.sqs.percent} % SLA) buffers bursts up to ${num(d.ctx.peakRps)} msg/s; a message that fails ${QUEUE.maxReceiveCount} times moves to the dead-letter queue, kept 14 days. Messages are kept 4 days, so a stopped worker loses nothing.`,
  };
}

function site(d: Design): Component {
  return {
    id: "site",
    kind: "object-storage",
    params: {
      bucket: d.buckets.includes("site") ? "site-files" : "site",
      purpose: "site",
      versioning: true,
      storageGb: OBJECT_STORAGE.siteGb,
    },
    dependsOn: [],
    rationale:
      "A private S3 bucket holds the site's files; only CloudFront reads it, through origin access control (OAC), so the bucket is never public. Versioning lets a bad publish be rolled back.",
  };
}

function cdn(d: Design): Component {
  const requests = monthlyRequests(d.ctx);
  const gbOut = (requests * TRAFFIC.siteBytesPerRequest) / 1e9;
  const global = /^(us|ca|eu)-/.test(d.ctx.region);
  return {
    id: "cdn",
    kind: "cdn",
    params: {
      origin: "site",
      priceClass: global ? "PriceClass_100" : "PriceClass_200",
      defaultRootObject: "index.html",
      monthlyGbOut: Number(gbOut.toFixed(1)),
      monthlyRequestsMillions: Number((requests / 1e6).toFixed(1)),
    },
    dependsOn: ["site"],
    rationale: `CloudFront (${SLAS.cloudfront.percent} % SLA) serves the site over HTTPS from the edge and scales without sizing; ${global ? "PriceClass_100 (North America and Europe edges) keeps the cheapest rates" : "PriceClass_200 adds the edges near the region"}. About ${num(requests / 1e6, 1)} M requests and ${num(gbOut, 1)} GB a month at the ${num(d.ctx.avgRps)} rps average.`,
  };
}

/** The components of a design, in dependency order, each with its sizing rationale. */
export function components(d: Design): Component[] {
  const buckets = d.buckets.map((b) => bucket(b, d));
  if (d.ctx.pattern === "static-site") return [site(d), cdn(d), ...buckets];
  const out: Component[] = [network(d), logs(d)];
  if (d.ctx.pattern === "web-api") out.push(loadBalancer(d));
  if (d.ctx.pattern === "worker") out.push(queue(d));
  if (d.database) out.push(database(d));
  if (d.cache) out.push(cache(d));
  out.push(...buckets);
  const deps = out.map((c) => c.id);
  out.push(service(d, deps));
  return out;
}
