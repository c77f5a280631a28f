import { slaLink } from "../availability.js";
import { LAMBDA_FREE_TIER } from "../../pricing/index.js";
import { LOGS } from "../assumptions.js";
import { monthlyRequests } from "../context.js";
import { costLine, gigabytes } from "../cost-line.js";
import type { Design } from "../design.js";
import { num, price } from "../format.js";
import { FUNCTION } from "../function-sizing.js";
import { SLAS } from "../sla.js";
import { unit, type CatalogEntry } from "./entry.js";
import { logParts } from "./log-cost.js";

/** Lambda's START, END and REPORT lines for each invocation, beside the handler's own access-log line. */
const PLATFORM_LOG_BYTES = 260;

/** GB-seconds a month: requests × seconds each × GB of memory. */
export function gbSeconds(d: Design): number {
  const fn = d.fn!;
  return monthlyRequests(d.ctx) * (fn.durationMs / 1000) * (fn.memoryMb / 1024);
}

function logGb(d: Design): number {
  return gigabytes(LOGS.bytesPerRequest + PLATFORM_LOG_BYTES, monthlyRequests(d.ctx), LOGS.baselineGb);
}

function gbSecondPrice(d: Design): number {
  return unit(d.ctx, d.fn!.arch === "ARM64" ? "lambda.gb-second.arm64" : "lambda.gb-second.x86_64");
}

function code(d: Design): Record<string, string> {
  const w = d.ctx.goal.workload;
  if (w.image !== undefined) return { image: w.image };
  return { runtime: w.runtime!, handler: d.fn!.handler! };
}

/** The function behind the HTTP API: Lambda, sized by its concurrency at peak. */
export const lambdaFunction: CatalogEntry = {
  ids: (d) => (d.fn ? ["handler"] : []),
  component(d, _id, earlier) {
    const fn = d.fn!;
    const arch = fn.arch === "ARM64" ? "arm64" : "x86_64";
    const requests = monthlyRequests(d.ctx);
    const data = earlier.filter((id) => id === "items" || id === "database" || id.startsWith("bucket-"));
    const where = d.database
      ? " It runs in the VPC's private subnets to reach the database, with no NAT: the database secret comes through a Secrets Manager interface endpoint."
      : "";
    return {
      id: "handler",
      kind: "function",
      params: {
        ...code(d),
        memoryMb: fn.memoryMb,
        timeoutSeconds: fn.timeoutSeconds,
        architecture: arch,
        reservedConcurrency: fn.reservedConcurrency,
        logRetentionDays: d.logRetentionDays,
        monthlyRequestsMillions: Number((requests / 1e6).toFixed(2)),
        avgDurationMs: fn.durationMs,
      },
      dependsOn: data,
      rationale: `${num(d.ctx.peakRps)} rps at peak × ${num(fn.durationMs)} ms = ${num(fn.concurrencyAtPeak)} concurrent executions; ${fn.reservedConcurrency} reserved (twice that, at least ${FUNCTION.minReserved}) caps the function's cost and its load on the data. ${num(fn.memoryMb)} MB on ${arch}, timeout ${fn.timeoutSeconds} s.${where}`,
    };
  },
  cost(d) {
    const fn = d.fn!;
    const requests = monthlyRequests(d.ctx);
    const perMillion = unit(d.ctx, "lambda.requests.per-million");
    const perGbSecond = gbSecondPrice(d);
    const seconds = gbSeconds(d);
    const arch = fn.arch === "ARM64" ? "Arm" : "x86_64";
    const freeRequests = Math.min(requests, LAMBDA_FREE_TIER.requests);
    const freeGbSeconds = Math.min(seconds, LAMBDA_FREE_TIER.gbSeconds);
    return [
      costLine("handler", "function", [
        {
          usd: (requests / 1e6) * perMillion,
          text: `${num(requests / 1e6, 2)} M requests × ${price(perMillion)} per M`,
        },
        {
          usd: seconds * perGbSecond,
          text: `${num(seconds, 0)} GB-s (${num(fn.durationMs)} ms × ${num(fn.memoryMb / 1024, 3)} GB each) × ${price(perGbSecond)} (${arch})`,
        },
      ]),
      costLine("handler", "function-free-tier", [
        {
          usd: -((freeRequests / 1e6) * perMillion + freeGbSeconds * perGbSecond),
          text: `Lambda's always-free allowance, once per account: −(${num(freeRequests / 1e6, 2)} M requests × ${price(perMillion)} per M + ${num(freeGbSeconds, 0)} GB-s × ${price(perGbSecond)})`,
        },
      ]),
      costLine("handler", "logs", logParts(d.ctx, "function logs", logGb(d), d.logRetentionDays)),
    ];
  },
  link: () =>
    slaLink("handler", SLAS.lambda, "Lambda runs every request; it spreads over the region's AZs itself"),
  risks(d) {
    const fn = d.fn!;
    return [
      {
        component: "handler",
        failure: "A bad release throws on every request",
        impact: "Every caller of the API gets 5xx errors",
        mitigation: "Deploy the previous package or image again; Lambda switches within seconds",
        residual: "Minutes of errors until the rollback",
        severity: "medium",
      },
      {
        component: "handler",
        failure: `Traffic or duration grows past ${fn.reservedConcurrency} concurrent executions`,
        impact: "Requests over the reserved concurrency are throttled (429)",
        mitigation: "The cap is twice the concurrency at peak; CloudWatch's Throttles metric shows it first",
        residual: "Raise reservedConcurrency (and the account quota past 1,000) before a known peak",
        severity: "low",
      },
    ];
  },
};
