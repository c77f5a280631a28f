import { fargateTaskHourly, HOURS_PER_MONTH, unitPrice, type UnitKey } from "../pricing/index.js";
import { DATABASE, EGRESS, LOGS, OBJECT_STORAGE, QUEUE, TRAFFIC, WAF_RULES } from "./assumptions.js";
import { monthlyRequests, type DesignContext } from "./context.js";
import type { Design, ServiceDesign } from "./design.js";
import { cents, num, price } from "./format.js";

export interface CostLine {
  readonly component: string;
  readonly monthlyUsd: number;
  readonly basis: string;
}

const H = HOURS_PER_MONTH;

/** A unit price Atlas relies on; the region was checked to be priced before any design is made. */
function unit(ctx: DesignContext, key: UnitKey): number {
  const found = unitPrice(ctx.region, key);
  if (!found) throw new Error(`no price for ${key} in ${ctx.region}`);
  return found.usd;
}

interface Part {
  readonly usd: number;
  readonly text: string;
}

function line(component: string, parts: readonly Part[]): CostLine {
  return {
    component,
    monthlyUsd: cents(parts.reduce((sum, p) => sum + p.usd, 0)),
    basis: parts.map((p) => p.text).join(" + "),
  };
}

function gb(bytesPerUnit: number, units: number, baseline = 0): number {
  return Number((baseline + (bytesPerUnit * units) / 1e9).toFixed(1));
}

function networkLine(d: Design): CostLine {
  const { ctx } = d;
  const nat = unit(ctx, "nat.hour");
  const ip = unit(ctx, "vpc.public-ipv4.hour");
  const natGbPrice = unit(ctx, "nat.gb-processed");
  const vended = unit(ctx, "logs.vended.gb");
  const natGb = (d.service?.desiredCount ?? 0) * EGRESS.natGbPerTask;
  const flowGb = gb(EGRESS.flowLogBytesPerRequest, monthlyRequests(ctx), EGRESS.flowLogBaselineGb);
  const n = d.natGateways;
  return line("network", [
    { usd: n * H * nat, text: `${n} NAT gateway${n === 1 ? "" : "s"} × ${H} h × ${price(nat)}` },
    { usd: n * H * ip, text: `${n} public IPv4 × ${H} h × ${price(ip)}` },
    { usd: natGb * natGbPrice, text: `${num(natGb, 1)} GB through NAT × ${price(natGbPrice)}` },
    { usd: flowGb * vended, text: `${num(flowGb, 1)} GB flow logs × ${price(vended)}` },
  ]);
}

function loadBalancerLine(d: Design): CostLine {
  const { ctx } = d;
  const hour = unit(ctx, "alb.hour");
  const lcu = unit(ctx, "alb.lcu-hour");
  const ip = unit(ctx, "vpc.public-ipv4.hour");
  const lcus = Number(((ctx.avgRps * TRAFFIC.apiBytesPerRequest * 3600) / 1e9).toFixed(2));
  const parts: Part[] = [
    { usd: H * hour, text: `${H} h × ${price(hour)}` },
    { usd: lcus * H * lcu, text: `${num(lcus)} LCU (GB/h processed) × ${H} h × ${price(lcu)}` },
    { usd: d.azCount * H * ip, text: `${d.azCount} public IPv4 × ${H} h × ${price(ip)}` },
  ];
  if (d.waf) {
    const acl = unit(ctx, "waf.web-acl-month");
    const rule = unit(ctx, "waf.rule-month");
    const perMillion = unit(ctx, "waf.requests.per-million");
    const millions = Number((monthlyRequests(ctx) / 1e6).toFixed(1));
    parts.push({
      usd: acl + WAF_RULES.count * rule + millions * perMillion,
      text: `WAF ${price(acl)} + ${WAF_RULES.count} rule groups × ${price(rule)} + ${num(millions, 1)} M requests × ${price(perMillion)}`,
    });
  }
  return line("load-balancer", parts);
}

function serviceLine(ctx: DesignContext, s: ServiceDesign): CostLine {
  const memoryGb = s.plan.memoryMb / 1024;
  const hourly = fargateTaskHourly(ctx.region, s.arch, s.plan.cpu, memoryGb)!;
  const arch = s.arch === "ARM64" ? "arm64" : "x86_64";
  const vcpu = unit(ctx, `fargate.vcpu-hour.${arch}`);
  const mem = unit(ctx, `fargate.gb-hour.${arch}`);
  return line(s.id, [
    {
      usd: s.desiredCount * H * hourly,
      text: `${s.desiredCount} tasks × ${H} h × (${s.plan.cpu} vCPU × ${price(vcpu)} + ${num(memoryGb)} GB × ${price(mem)}) (${arch})`,
    },
  ]);
}

function databaseLine(d: Design): CostLine {
  const db = d.database!;
  const { ctx } = d;
  const cls = db.choice.spec.name;
  if (db.flavor === "aurora") {
    const storage = unit(ctx, "aurora.storage.gb-month");
    const io = unit(ctx, "aurora.io.per-million");
    const ioMillions = Number(
      (
        (db.need.peakQps * (ctx.avgRps / ctx.peakRps) * TRAFFIC.secondsPerMonth * DATABASE.auroraIoPerQuery) /
        1e6
      ).toFixed(0),
    );
    return line("database", [
      {
        usd: db.instances * H * db.choice.hourly,
        text: `${db.instances} × ${cls} × ${H} h × ${price(db.choice.hourly)}`,
      },
      { usd: db.need.storageGb * storage, text: `${num(db.need.storageGb, 0)} GB × ${price(storage)}` },
      { usd: ioMillions * io, text: `${num(ioMillions, 0)} M I/O × ${price(io)}` },
    ]);
  }
  const factor = db.multiAz ? 2 : 1;
  const storage = unit(ctx, db.multiAz ? "rds.gp3.gb-month.multi-az" : "rds.gp3.gb-month");
  return line("database", [
    {
      usd: factor * H * db.choice.hourly,
      text: `${cls} ${db.multiAz ? "Multi-AZ" : "Single-AZ"} × ${H} h × ${price(factor * db.choice.hourly)}`,
    },
    { usd: db.need.storageGb * storage, text: `${num(db.need.storageGb, 0)} GB gp3 × ${price(storage)}` },
  ]);
}

function cacheLine(d: Design): CostLine {
  const c = d.cache!;
  return line("cache", [
    {
      usd: c.nodes * H * c.choice.hourly,
      text: `${c.nodes} × ${c.choice.spec.name} × ${H} h × ${price(c.choice.hourly)}`,
    },
  ]);
}

function bucketLine(
  ctx: DesignContext,
  component: string,
  storedGb: number,
  puts: number,
  gets: number,
): CostLine {
  const storage = unit(ctx, "s3.standard.gb-month");
  const put = unit(ctx, "s3.put.per-1k");
  const get = unit(ctx, "s3.get.per-1k");
  const parts: Part[] = [{ usd: storedGb * storage, text: `${num(storedGb, 1)} GB × ${price(storage)}` }];
  if (puts > 0)
    parts.push({ usd: (puts / 1000) * put, text: `${num(puts / 1e6, 2)} M PUT × ${price(put)}/1k` });
  if (gets > 0)
    parts.push({ usd: (gets / 1000) * get, text: `${num(gets / 1e6, 2)} M GET × ${price(get)}/1k` });
  return line(component, parts);
}

function queueLine(ctx: DesignContext): CostLine {
  const perMillion = unit(ctx, "sqs.standard.per-million");
  const millions = Number(((monthlyRequests(ctx) * QUEUE.requestsPerMessage) / 1e6).toFixed(1));
  return line("queue", [
    {
      usd: millions * perMillion,
      text: `${num(millions, 1)} M requests (send, receive, delete) × ${price(perMillion)}`,
    },
  ]);
}

function logsLine(d: Design): CostLine {
  const { ctx } = d;
  const ingest = unit(ctx, "logs.ingest.gb");
  const storage = unit(ctx, "logs.storage.gb-month");
  const ingestGb = gb(LOGS.bytesPerRequest, monthlyRequests(ctx), LOGS.baselineGb);
  const storedGb = Number((ingestGb * (d.logRetentionDays / 30) * LOGS.storedRatio).toFixed(1));
  return line("logs", [
    { usd: ingestGb * ingest, text: `${num(ingestGb, 1)} GB ingested × ${price(ingest)}` },
    { usd: storedGb * storage, text: `${num(storedGb, 1)} GB stored × ${price(storage)}` },
  ]);
}

function cdnLine(ctx: DesignContext): CostLine {
  const out = unit(ctx, "cloudfront.gb-out");
  const https = unit(ctx, "cloudfront.https.per-10k");
  const requests = monthlyRequests(ctx);
  const gbOut = gb(TRAFFIC.siteBytesPerRequest, requests);
  return line("cdn", [
    { usd: gbOut * out, text: `${num(gbOut, 1)} GB out × ${price(out)}` },
    {
      usd: (requests / 1e4) * https,
      text: `${num(requests / 1e6, 1)} M HTTPS requests × ${price(https)}/10k`,
    },
  ]);
}

/** The monthly cost of a design, one line per component, with the quantities and unit prices behind each. */
export function costLines(d: Design): CostLine[] {
  const { ctx } = d;
  const lines: CostLine[] = [];
  const requests = monthlyRequests(ctx);
  if (ctx.pattern === "static-site") {
    lines.push(bucketLine(ctx, "site", OBJECT_STORAGE.siteGb, 0, requests * TRAFFIC.cdnMissRatio));
    lines.push(cdnLine(ctx));
  } else {
    lines.push(networkLine(d));
    if (ctx.pattern === "web-api") lines.push(loadBalancerLine(d));
    if (ctx.pattern === "worker") lines.push(queueLine(ctx));
    lines.push(serviceLine(ctx, d.service!));
    if (d.database) lines.push(databaseLine(d));
    if (d.cache) lines.push(cacheLine(d));
  }
  const share = requests * OBJECT_STORAGE.requestShare;
  for (const bucket of d.buckets)
    lines.push(bucketLine(ctx, `bucket-${bucket}`, OBJECT_STORAGE.assumedGb, share, share));
  if (ctx.pattern !== "static-site") lines.push(logsLine(d));
  return lines;
}

export function totalOf(lines: readonly CostLine[]): number {
  return cents(lines.reduce((sum, l) => sum + l.monthlyUsd, 0));
}
