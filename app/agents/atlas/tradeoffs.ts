import { streamAlternatives } from "./stream-explain.js";
import type { Alternative } from "../../contracts/generated/plan-spec.js";
import { fargateTaskHourly, HOURS_PER_MONTH, unitPrice } from "../pricing/index.js";
import { LAMBDA } from "./assumptions.js";
import { priceClassFor } from "./catalog/cdn.js";
import { monthlyRequests } from "./context.js";
import { formatUsd } from "../../format/money.js";
import { cents, pct } from "./format.js";
import { backlogLimit, backlogNouns, meetsSlo, minutes } from "./backlog.js";
import { jobAlternatives } from "./job-tradeoffs.js";
import { variant, type Candidate } from "./search.js";
import { functionAlternatives } from "./serverless-plan.js";
import type { DbTopology, Topology } from "./topology.js";

/** "a queued job", or "an event in the stream". */
function queuedWords(ctx: Candidate["design"]["ctx"]): string {
  const w = backlogNouns(ctx);
  return w.job === "job" ? "a queued job" : `${w.a} in the ${w.queue}`;
}
function delta(other: Candidate | undefined, chosen: Candidate): number | undefined {
  return other ? cents(other.monthlyUsd - chosen.monthlyUsd) : undefined;
}

function verdict(other: Candidate, chosen: Candidate, target: number, limit: number): string {
  if (other.composite < target)
    return `it would reach only ${pct(other.composite)}, below the ${target} % SLO`;
  if (!meetsSlo(other, other.design.ctx))
    return `${queuedWords(other.design.ctx)} could wait ${minutes(other.backlog!.boundMinutes)} while the ${backlogNouns(other.design.ctx).worker} is down, over ${minutes(backlogLimit(other.design.ctx))}`;
  if (other.monthlyUsd >= limit)
    return `it would cost ${formatUsd(other.monthlyUsd)}/month, over the budget brake (${formatUsd(limit)})`;
  return other.monthlyUsd > chosen.monthlyUsd
    ? `the SLO holds without it (${pct(chosen.composite)}), so it would add ${formatUsd(other.monthlyUsd - chosen.monthlyUsd)}/month for no gain the goal asks for`
    : `it saves ${formatUsd(chosen.monthlyUsd - other.monthlyUsd)}/month but the preferred design keeps it for this environment`;
}

function natAlternative(chosen: Candidate): Alternative | undefined {
  const t = chosen.design.topology;
  if (t.nat === "none") return undefined;
  const other = variant(chosen.design, { ...t, nat: t.nat === "one" ? "per-az" : "one" });
  if (!other) return undefined;
  const { ctx } = chosen.design;
  return {
    decision: "NAT gateways",
    chosen: t.nat === "one" ? "one shared NAT gateway" : "one NAT gateway per AZ",
    rejected: t.nat === "one" ? "one NAT gateway per AZ" : "one shared NAT gateway",
    reason: `Rejected because ${verdict(other, chosen, ctx.target, ctx.limit)}.`,
    ...(delta(other, chosen) !== undefined ? { monthlyUsdDelta: delta(other, chosen)! } : {}),
  };
}

const DB_WORDS: Record<DbTopology, string> = {
  "rds-single": "RDS Single-AZ",
  "rds-multi": "RDS Multi-AZ",
  aurora: "Aurora (writer + reader)",
};

function databaseAlternatives(chosen: Candidate): Alternative[] {
  const t = chosen.design.topology;
  if (!t.db) return [];
  const { ctx } = chosen.design;
  const others: DbTopology[] =
    t.db === "aurora" ? ["rds-multi"] : t.db === "rds-multi" ? ["aurora", "rds-single"] : ["rds-multi"];
  return others.flatMap((db) => {
    const other = variant(chosen.design, { ...t, db });
    if (!other) return [];
    return [
      {
        decision: "database flavour and redundancy",
        chosen: `${DB_WORDS[t.db!]} ${chosen.design.database!.choice.spec.name}`,
        rejected: `${DB_WORDS[db]} ${other.design.database!.choice.spec.name}`,
        reason: `Rejected because ${verdict(other, chosen, ctx.target, ctx.limit)}.`,
        monthlyUsdDelta: delta(other, chosen)!,
      },
    ];
  });
}

function cacheAlternative(chosen: Candidate): Alternative | undefined {
  const t = chosen.design.topology;
  if (!t.cache) return undefined;
  const next: Topology = { ...t, cache: t.cache === "multi" ? "single" : "multi" };
  const other = variant(chosen.design, next);
  if (!other) return undefined;
  return {
    decision: "cache redundancy",
    chosen: t.cache === "multi" ? "Redis primary + replica (Multi-AZ)" : "one Redis node",
    rejected: t.cache === "multi" ? "one Redis node" : "Redis primary + replica (Multi-AZ)",
    reason: `Rejected because ${verdict(other, chosen, chosen.design.ctx.target, chosen.design.ctx.limit)}.`,
    monthlyUsdDelta: delta(other, chosen)!,
  };
}

function lambdaAlternative(chosen: Candidate): Alternative | undefined {
  const { ctx, service } = chosen.design;
  if (!service || service.gpu || chosen.design.stream) return undefined;
  const worker = ctx.pattern === "worker";
  const shape = worker ? LAMBDA.worker : LAMBDA.webApi;
  const requests = unitPrice(ctx.region, "lambda.requests.per-million")!.usd;
  const gbSecond = unitPrice(ctx.region, "lambda.gb-second.x86_64")!.usd;
  const monthly = monthlyRequests(ctx);
  const lambdaUsd = (monthly / 1e6) * requests + monthly * shape.seconds * shape.memoryGb * gbSecond;
  const fargateUsd =
    service.desiredCount *
    HOURS_PER_MONTH *
    fargateTaskHourly(ctx.region, service.arch, service.plan.cpu, service.plan.memoryMb / 1024)!;
  return {
    decision: "compute",
    chosen: "ECS on Fargate",
    rejected: worker ? "AWS Lambda triggered by SQS" : "AWS Lambda behind the ALB",
    reason: `The goal ships a container image${worker ? "" : " that listens on a port and keeps database connection pools"}; Lambda would need repackaging (a Lambda adapter, ${worker ? "a 15-minute cap per job" : "RDS Proxy for connections"}) and costs about ${formatUsd(cents(lambdaUsd))}/month at the ${ctx.avgRps} ${worker ? "msg/s" : "rps"} average (${shape.seconds} s × ${shape.memoryGb} GB per ${worker ? "message" : "request"}) against ${formatUsd(cents(fargateUsd))} for the tasks.`,
    monthlyUsdDelta: cents(lambdaUsd - fargateUsd),
  };
}

function siteAlternatives(chosen: Candidate): Alternative[] {
  return [
    {
      decision: "static hosting",
      chosen: "S3 (private) behind CloudFront with origin access control",
      rejected: "S3 static website hosting alone",
      reason:
        "The S3 website endpoint serves plain HTTP only and needs a public bucket; CloudFront adds HTTPS, edge caching and keeps the bucket private.",
    },
    {
      decision: "CloudFront price class",
      chosen: priceClassFor(chosen.design.ctx.region),
      rejected: "PriceClass_All",
      reason:
        "Visitors elsewhere are served from the nearest included edge, a little slower; the extra edges bill at higher rates for a docs-sized audience.",
    },
  ];
}

function domainAlternative(chosen: Candidate): Alternative | undefined {
  if (chosen.design.ctx.goal.workload.domain === undefined) return undefined;
  return {
    decision: "certificate validation",
    chosen: "DNS validation by a record in the hosted zone",
    rejected: "email validation",
    reason:
      "Email validation waits for someone to approve a message at issue and again at every renewal; with the DNS record in place ACM renews the certificate unattended. Both are free.",
    monthlyUsdDelta: 0,
  };
}

/** The options considered and rejected, with the monthly difference each would make. */
export function alternatives(chosen: Candidate): Alternative[] {
  const domain = domainAlternative(chosen);
  if (chosen.design.ctx.pattern === "static-site")
    return [...siteAlternatives(chosen), ...(domain ? [domain] : [])];
  if (chosen.design.fn) {
    return [
      ...functionAlternatives(chosen.design, chosen.design.fn, chosen.lines),
      ...databaseAlternatives(chosen),
    ];
  }
  return [
    natAlternative(chosen),
    ...databaseAlternatives(chosen),
    cacheAlternative(chosen),
    lambdaAlternative(chosen),
    domain,
    ...jobAlternatives(chosen),
    ...streamAlternatives(chosen),
  ].filter((a): a is Alternative => a !== undefined);
}
