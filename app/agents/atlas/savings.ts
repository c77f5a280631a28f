import type { Saving } from "../../contracts/generated/plan-spec.js";
import { fargateTaskHourly, HOURS_PER_MONTH, unitPrice } from "../pricing/index.js";
import { TRAFFIC } from "./assumptions.js";
import { monthlyRequests } from "./context.js";
import { formatUsd } from "../../format/money.js";
import { cents, num, price } from "./format.js";
import { SAVINGS_RATES } from "./savings-rates.js";
import type { Candidate } from "./search.js";
import { componentUsd } from "./cost-line.js";
import { clusterSavings } from "./cluster-plan.js";
import { jobGraviton, jobImageSaving } from "./job-tradeoffs.js";

function lineUsd(c: Candidate, component: string): number {
  return componentUsd(c.lines, component);
}

function graviton(c: Candidate): Saving | undefined {
  const s = c.design.service;
  if (!s || s.arch === "ARM64" || s.gpu) return undefined;
  const { region } = c.design.ctx;
  const gb = s.plan.memoryMb / 1024;
  const diff =
    (fargateTaskHourly(region, "X86_64", s.plan.cpu, gb)! -
      fargateTaskHourly(region, "ARM64", s.plan.cpu, gb)!) *
    s.desiredCount *
    HOURS_PER_MONTH;
  return {
    suggestion:
      "Run the tasks on Graviton (ARM64): build the image for linux/arm64 and set workload.architecture to arm64",
    yearlyUsd: cents(diff * 12),
    basis: `${s.desiredCount} tasks × ${HOURS_PER_MONTH} h × ${price(Number((diff / (s.desiredCount * HOURS_PER_MONTH)).toFixed(5)))}/h cheaper × 12 months (Fargate ARM64 is about 20 % cheaper)`,
  };
}

function reserved(c: Candidate): Saving[] {
  const { ctx } = c.design;
  if (!ctx.prod) return [];
  const out: Saving[] = [];
  const serviceUsd = c.design.service ? lineUsd(c, c.design.service.id) : 0;
  if (serviceUsd > 0) {
    const r = SAVINGS_RATES.computeSavingsPlan1y;
    out.push({
      suggestion: `Commit to a Compute Savings Plan for the baseline ${c.design.service?.gpu ? "GPU instances" : "tasks"}`,
      yearlyUsd: cents(serviceUsd * r.discount * 12),
      basis: `${formatUsd(serviceUsd)}/month × ${r.discount * 100} % (${c.design.service?.gpu ? r.ec2Basis : r.basis}) × 12`,
    });
  }
  const db = c.design.database;
  if (db) {
    const r = SAVINGS_RATES.rdsReserved1y;
    const instanceUsd =
      db.flavor === "aurora"
        ? db.instances * db.choice.hourly * HOURS_PER_MONTH
        : (db.multiAz ? 2 : 1) * db.choice.hourly * HOURS_PER_MONTH;
    out.push({
      suggestion: `Reserve the ${db.choice.spec.name} database instance${db.instances > 1 || db.multiAz ? "s" : ""} for a year`,
      yearlyUsd: cents(instanceUsd * r.discount * 12),
      basis: `${formatUsd(instanceUsd)}/month of instance-hours × ${r.discount * 100} % (${r.basis}) × 12`,
    });
  }
  const cacheUsd = lineUsd(c, "cache");
  if (cacheUsd > 0) {
    const r = SAVINGS_RATES.elasticacheReserved1y;
    out.push({
      suggestion: "Reserve the cache nodes for a year",
      yearlyUsd: cents(cacheUsd * r.discount * 12),
      basis: `${formatUsd(cacheUsd)}/month × ${r.discount * 100} % (${r.basis}) × 12`,
    });
  }
  return out;
}

function valkey(c: Candidate): Saving | undefined {
  const cacheUsd = lineUsd(c, "cache");
  if (cacheUsd === 0) return undefined;
  const r = SAVINGS_RATES.valkeyNodes;
  return {
    suggestion:
      "Run the cache on ElastiCache for Valkey, the Redis-compatible engine, once the client is tested against it",
    yearlyUsd: cents(cacheUsd * r.discount * 12),
    basis: `${formatUsd(cacheUsd)}/month × ${r.discount * 100} % (${r.basis}) × 12`,
  };
}

function offHours(c: Candidate): Saving | undefined {
  const { ctx } = c.design;
  if (ctx.prod || !c.design.service) return undefined;
  const compute = lineUsd(c, c.design.service.id) + (c.design.database ? lineUsd(c, "database") * 0.9 : 0);
  const r = SAVINGS_RATES.offHours;
  return {
    suggestion: `Stop this ${ctx.goal.environment} environment out of hours (scale the tasks to 0${c.design.database ? ", stop the database" : ""})`,
    yearlyUsd: cents(compute * r.share * 12),
    basis: `${formatUsd(compute)}/month of task${c.design.database ? " and database instance" : ""}-hours × ${num(r.share * 100, 0)} % of hours, ${r.basis}, × 12`,
  };
}

function rightSizing(c: Candidate): Saving | undefined {
  const s = c.design.service;
  if (!s || !s.plan.perTaskAssumed || s.gpu) return undefined;
  const measured = s.plan.perTaskRps * 1.5;
  const tasksForAvg = Math.ceil(c.design.ctx.avgRps / (measured * (1 - s.plan.headroom)));
  const fewer = s.desiredCount - Math.max(s.minCount, tasksForAvg);
  if (fewer <= 0) return undefined;
  const { region } = c.design.ctx;
  const perTask = fargateTaskHourly(region, s.arch, s.plan.cpu, s.plan.memoryMb / 1024)! * HOURS_PER_MONTH;
  return {
    suggestion:
      "Load-test one task and set workload.perTaskRps: the sizing assumes a conservative per-task throughput",
    yearlyUsd: cents(fewer * perTask * 12),
    basis: `at ${num(measured)} instead of ${num(s.plan.perTaskRps)} per task, ${fewer} fewer baseline task(s) × ${formatUsd(perTask)}/month × 12`,
  };
}

function cloudfrontFreeTier(c: Candidate): Saving | undefined {
  if (c.design.ctx.pattern !== "static-site") return undefined;
  const { region } = c.design.ctx;
  const requests = monthlyRequests(c.design.ctx);
  const gbOut = (requests * TRAFFIC.siteBytesPerRequest) / 1e9;
  const free =
    Math.min(gbOut, 1024) * unitPrice(region, "cloudfront.gb-out")!.usd +
    (Math.min(requests, 1e7) / 1e4) * unitPrice(region, "cloudfront.https.per-10k")!.usd;
  return {
    suggestion:
      "Count on CloudFront's always-free tier (1 TB and 10 M requests a month per account) if no other distribution in the account uses it",
    yearlyUsd: cents(free * 12),
    basis: `${num(Math.min(gbOut, 1024), 1)} GB and ${num(Math.min(requests, 1e7) / 1e6, 1)} M requests a month free × 12`,
  };
}

/** Ways to spend less, each with an estimated yearly saving. */
export function savings(c: Candidate): Saving[] {
  return [
    ...(c.design.cluster ? clusterSavings(c.design, c.design.cluster) : []),
    graviton(c),
    jobGraviton(c),
    jobImageSaving(c),
    ...reserved(c),
    valkey(c),
    offHours(c),
    rightSizing(c),
    cloudfrontFreeTier(c),
  ].filter((s): s is Saving => s !== undefined && s.yearlyUsd > 0);
}
