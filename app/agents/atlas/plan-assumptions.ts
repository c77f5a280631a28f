import type { Assumption } from "../../contracts/generated/plan-spec.js";
import { dayOf } from "../forge/catalog/engine-support.js";
import { CACHE, DATABASE, EGRESS, LOGS, OBJECT_STORAGE, TRAFFIC } from "./assumptions.js";
import type { CacheDesign, DatabaseDesign, Design, ServiceDesign } from "./design.js";
import {
  cacheEngineName,
  cacheRelease,
  databaseEngineName,
  databaseRelease,
  supportWords,
} from "./engines.js";
import { num } from "./format.js";
import { clusterAssumptions } from "./cluster-plan.js";
import { gpuAssumption } from "./gpu-sizing.js";
import { functionAssumptions } from "./serverless-plan.js";
import { architectureAssumptions } from "./arch-assumption.js";
import { jobAssumptions } from "./job-assumptions.js";
import { streamAssumptions } from "./stream-assumptions.js";
import { STREAM } from "./stream-sizing.js";
import { throughputDefaults } from "./capacity.js";

function serviceAssumptions(d: Design, s: ServiceDesign): Assumption[] {
  const { workload } = d.ctx.goal;
  const worker = d.ctx.pattern === "worker";
  const defaults = throughputDefaults(d.ctx);
  const notes = s.plan.notes.length > 0 ? `; ${s.plan.notes.join("; ")}` : "";
  const out: Assumption[] = [...architectureAssumptions(d)];
  if (workload.cpu === undefined) {
    const fromMemory =
      workload.memoryMb !== undefined && s.plan.cpu > defaults.defaultCpu
        ? `; ${s.plan.cpu} vCPU is the smallest Fargate size that holds workload.memoryMb`
        : "";
    out.push({
      field: "workload.cpu",
      value: `${s.plan.cpu} vCPU`,
      why: `The ${d.ctx.pattern} default is ${defaults.defaultCpu} vCPU per task${fromMemory}${notes}.`,
    });
  }
  if (workload.memoryMb === undefined) {
    out.push({
      field: "workload.memoryMb",
      value: `${num(s.plan.memoryMb)} MiB`,
      why: `${num(defaults.defaultMemoryMb / defaults.defaultCpu)} MiB per vCPU, the ${d.ctx.pattern} default, within what Fargate allows for the task's vCPUs.`,
    });
  }
  if (workload.perTaskRps === undefined) {
    out.push({
      field: "workload.perTaskRps",
      value: `${num(s.plan.perTaskRps)} ${worker ? "messages/s" : d.stream ? "events/s" : "requests/s"} per task`,
      why: `${defaults.rpsPerVcpu} per vCPU. ${defaults.reasoning} A load test's figure in workload.perTaskRps replaces it.`,
    });
  }
  return out;
}

function trafficAssumptions(d: Design): Assumption[] {
  const { ctx } = d;
  const unit = ctx.pattern === "worker" ? "messages/s" : d.stream ? "events/s" : "requests/s";
  const out: Assumption[] = [];
  if (ctx.avgAssumed) {
    out.push({
      field: "traffic.avgRps",
      value: `${num(ctx.avgRps)} ${unit}`,
      why: `The goal gives no average: ${num(TRAFFIC.avgToPeak[ctx.pattern] * 100)} % of the ${num(ctx.peakRps)} ${unit} peak (an API or worker is assumed to average 30 % of its peak, a static site 10 %). The average drives the monthly cost.`,
    });
  }
  if (ctx.pattern === "web-api") {
    out.push({
      field: "traffic.requestBytes",
      value: `${num(TRAFFIC.apiRequestBytes / 1000)} KB`,
      why: "A request as it reaches the load balancer (headers and body), which bills the bytes it processes.",
    });
    if (ctx.goal.traffic.responseKb === undefined) {
      out.push({
        field: "traffic.responseKb",
        value: `${num(TRAFFIC.apiResponseKb)} KB`,
        why: "A JSON API answer is a few KB; every response leaves the region and is billed as data transfer out. Set traffic.responseKb to price yours.",
      });
    }
  }
  if (ctx.pattern === "static-site") {
    out.push({
      field: "traffic.bytesPerRequest",
      value: `${num(TRAFFIC.siteBytesPerRequest / 1000)} KB, ${num(TRAFFIC.cdnMissRatio * 100)} % missing the cache`,
      why: "Out of CloudFront per request, averaged over pages, assets and 304 answers; the misses reach the S3 origin.",
    });
  }
  return out;
}

function databaseAssumptions(d: Design, db: DatabaseDesign): Assumption[] {
  const release = databaseRelease(d.ctx, db.flavor, db.need.engine)!;
  const spec = db.choice.spec;
  const worker = d.ctx.pattern === "worker";
  return [
    {
      field: "data.relational.engineVersion",
      value: `${databaseEngineName(db.flavor, db.need.engine)} ${release.version}`,
      why: `The first release in AWS standard support on ${dayOf(d.ctx.now)} (${supportWords(release)}), from Atlas's dated engine table; none that would need paid Extended Support.`,
    },
    {
      field: "data.relational.workingSet",
      value: `${num(d.profile.workingSetRatio * 100)} % of ${num(db.need.storageGb)} GB (${num(db.need.memoryGb, 1)} GiB) in memory`,
      why: `The share of the data read often enough to keep in memory, capped at ${DATABASE.maxWorkingSetGb} GB: 10 % in the preferred design, 5 % in the lean retry.`,
    },
    {
      field: "data.relational.instanceClass",
      value: `${spec.name} (${spec.vcpu} vCPU, ${num(spec.memoryGb)} GiB)`,
      why: `The cheapest ${d.profile.allowBurstable ? "" : "non-burstable "}class the policy allows with ≥ ${db.need.vcpu} vCPU for ${num(db.need.peakQps)} queries/s at peak (${worker ? `${DATABASE.queriesPerMessage} per message` : `${DATABASE.queriesPerRequest} per request`}, ${DATABASE.qpsPerVcpu} per vCPU) and memory for the working set${spec.burstable ? "; a burstable class, whose CPU credits need watching" : ""}.`,
    },
  ];
}

function cacheAssumptions(d: Design, c: CacheDesign): Assumption[] {
  const release = cacheRelease(d.ctx)!;
  const spec = c.choice.spec;
  const out: Assumption[] = [];
  if (d.ctx.goal.data?.cache?.memoryGb === undefined) {
    out.push({
      field: "data.cache.memoryGb",
      value: `${num(CACHE.defaultMemoryGb)} GB`,
      why: "The goal gives no cache size; 1 GB holds the sessions or hot keys of most services.",
    });
  }
  out.push(
    {
      field: "data.cache.engineVersion",
      value: `${cacheEngineName()} ${release.version}`,
      why: `The first release in AWS standard support on ${dayOf(d.ctx.now)} (${supportWords(release)}), from Atlas's dated engine table.`,
    },
    {
      field: "data.cache.nodeType",
      value: `${spec.name} (${num(spec.memoryGb)} GiB)`,
      why: `The cheapest ${d.profile.allowBurstable ? "" : "non-burstable "}node the policy allows with ≥ ${num(c.dataGb, 2)} GiB (the data plus the ${num(CACHE.reservedMemory * 100)} % ElastiCache reserves)${spec.burstable ? "; a burstable class, whose CPU credits need watching" : ""}.`,
    },
  );
  return out;
}

function runningCostAssumptions(d: Design): Assumption[] {
  const out: Assumption[] = [];
  if (d.ctx.pattern === "static-site") {
    out.push({
      field: "site.storageGb",
      value: `${num(OBJECT_STORAGE.siteGb)} GB`,
      why: OBJECT_STORAGE.reasoning,
    });
  }
  if (d.buckets.length > 0) {
    out.push({
      field: "data.objectStorage.storageGb",
      value: `${num(OBJECT_STORAGE.assumedGb)} GB per bucket`,
      why: OBJECT_STORAGE.reasoning,
    });
  }
  if (d.service) {
    out.push(
      {
        field: "logs.bytesPerRequest",
        value: `${d.stream ? STREAM.logBytesPerEvent : LOGS.bytesPerRequest} bytes per ${d.ctx.pattern === "worker" ? "message" : d.stream ? "event" : "request"}, plus ${LOGS.baselineGb} GB a month`,
        why: d.stream ? STREAM.logReasoning : LOGS.reasoning,
      },
      {
        field: "logs.retentionDays",
        value: `${d.logRetentionDays} days`,
        why: "PCI DSS (10.5.1) or HIPAA keep logs 365 days; otherwise prod keeps 90 days and other environments 30.",
      },
    );
  }
  if (d.natGateways > 0 && !d.cluster && !d.job) {
    out.push({
      field: "network.natGbPerTask",
      value: `${EGRESS.natGbPerTask} GB per task a month`,
      why: EGRESS.reasoning,
    });
  }
  return out;
}

/** What one design assumed on the person's behalf, where the goal does not say. */
export function designAssumptions(d: Design): Assumption[] {
  if (d.fn) {
    return [
      ...functionAssumptions(d, d.fn),
      ...trafficAssumptions(d),
      ...(d.database ? databaseAssumptions(d, d.database) : []),
      ...runningCostAssumptions(d),
    ];
  }
  return [
    ...(d.service ? serviceAssumptions(d, d.service) : []),
    ...(d.cluster ? clusterAssumptions(d, d.cluster) : []),
    ...(d.service?.gpu ? [gpuAssumption(d.service.gpu)] : []),
    ...(d.job ? jobAssumptions(d, d.job) : trafficAssumptions(d)),
    ...(d.stream ? streamAssumptions(d, d.stream) : []),
    ...(d.database ? databaseAssumptions(d, d.database) : []),
    ...(d.cache ? cacheAssumptions(d, d.cache) : []),
    ...runningCostAssumptions(d),
  ];
}

/** The chosen design's assumptions; each that a relaxed retry changed from the preferred design says so. */
export function planAssumptions(chosen: Design, preferred: Design): Assumption[] {
  const before = new Map(designAssumptions(preferred).map((a) => [a.field, a.value]));
  return designAssumptions(chosen).map((a) => {
    const was = before.get(a.field);
    return was === undefined || was === a.value
      ? a
      : { ...a, why: `${a.why} Changed by a relaxed retry: the preferred design had ${was}.` };
  });
}
