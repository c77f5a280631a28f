import type { Alternative, Assumption, PlanSpec } from "../../contracts/generated/plan-spec.js";
import { formatUsd } from "../../format/money.js";
import { LAMBDA_FREE_TIER } from "../pricing/index.js";
import { LOGS, TRAFFIC } from "./assumptions.js";
import { unit } from "./catalog/entry.js";
import { gbSeconds } from "./catalog/function.js";
import { KEY_VALUE } from "./catalog/key-value.js";
import { componentUsd, type CostLine } from "./cost-line.js";
import type { Design } from "./design.js";
import { cents, num, price } from "./format.js";
import { FUNCTION, reservableConcurrency, type FunctionPlan } from "./function-sizing.js";

/** The function's capacity: concurrency at peak, and what it reserves. */
export function functionCapacity(d: Design, fn: FunctionPlan): PlanSpec["capacity"] {
  const { ctx } = d;
  const avg = ctx.avgAssumed ? " (assumed: 30 % of peak)" : "";
  return {
    model: "invocation-driven",
    peakRps: ctx.peakRps,
    avgRps: ctx.avgRps,
    headroom: FUNCTION.headroom,
    durationMs: fn.durationMs,
    concurrencyAtPeak: fn.concurrencyAtPeak,
    reservedConcurrency: fn.reservedConcurrency,
    explanation: `${num(ctx.peakRps)} rps at peak × ${num(fn.durationMs)} ms${fn.durationAssumed ? " (assumed)" : ""} = ${num(fn.concurrencyAtPeak)} concurrent executions; reserved concurrency ${fn.reservedConcurrency}, within the ${num(reservableConcurrency())} a function may reserve of the account's default ${num(FUNCTION.accountConcurrency)} per region. ${FUNCTION.headroomReasoning} Lambda scales without sizing between; the ${num(ctx.avgRps)} rps average${avg} drives the cost.`,
  };
}

/** Everything the serverless design assumed about the function, its traffic and its table. */
export function functionAssumptions(d: Design, fn: FunctionPlan): Assumption[] {
  const w = d.ctx.goal.workload;
  const out: Assumption[] = [];
  if (fn.durationAssumed)
    out.push({
      field: "workload.durationMs",
      value: `${num(fn.durationMs)} ms`,
      why: FUNCTION.durationReasoning,
    });
  if (fn.memoryAssumed)
    out.push({ field: "workload.memoryMb", value: `${num(fn.memoryMb)} MB`, why: FUNCTION.memoryReasoning });
  if (w.architecture === undefined) {
    out.push({
      field: "workload.architecture",
      value: "x86_64",
      why: "The goal names none. x86_64 runs what most packages and images are built for; arm64 (Graviton) bills GB-seconds 20 % cheaper when workload.architecture asks for it.",
    });
  }
  if (fn.handlerAssumed && fn.handler !== undefined) {
    out.push({
      field: "workload.handler",
      value: fn.handler,
      why: `The ${w.runtime} convention for a zip package's entry point; set workload.handler if the code exports another.`,
    });
  }
  out.push({
    field: "function.timeoutSeconds",
    value: `${fn.timeoutSeconds} s`,
    why: FUNCTION.timeoutReasoning,
  });
  if (d.ctx.goal.traffic.responseKb === undefined) {
    out.push({
      field: "traffic.responseKb",
      value: `${num(TRAFFIC.apiResponseKb)} KB`,
      why: "A JSON API answer is a few KB; every response leaves the region and is billed as data transfer out. Set traffic.responseKb to price yours.",
    });
  }
  if (d.ctx.goal.data?.keyValue) {
    out.push({
      field: "data.keyValue.requestsPerRequest",
      value: `${KEY_VALUE.readsPerRequest} read and ${KEY_VALUE.writesPerRequest} writes per request`,
      why: KEY_VALUE.reasoning,
    });
    if (d.ctx.goal.data.keyValue.storageGb === undefined)
      out.push({
        field: "data.keyValue.storageGb",
        value: `${KEY_VALUE.storageGb} GB`,
        why: KEY_VALUE.reasoning,
      });
  }
  out.push(
    {
      field: "logs.bytesPerRequest",
      value: `${LOGS.bytesPerRequest} bytes per request, plus Lambda's own lines and ${LOGS.baselineGb} GB a month`,
      why: LOGS.reasoning,
    },
    {
      field: "logs.retentionDays",
      value: `${d.logRetentionDays} days`,
      why: "PCI DSS (10.5.1) or HIPAA keep logs 365 days; otherwise prod keeps 90 days and other environments 30.",
    },
  );
  return out;
}

/** A one-line summary of a serverless design, for attempts and relaxations. */
export function functionWords(fn: FunctionPlan): string {
  return `HTTP API → Lambda (${num(fn.memoryMb)} MB ${fn.arch === "ARM64" ? "arm64" : "x86_64"}, ${fn.reservedConcurrency} reserved)`;
}

/** A Mermaid flowchart of the HTTP API, the function and its data. */
export function functionDiagram(d: Design): string[] {
  const db = d.database;
  const lines = [
    "flowchart LR",
    '  users(["Callers"])',
    `  subgraph region["AWS ${d.ctx.region}"]`,
    '    api["api: API Gateway HTTP API"]',
  ];
  if (db) {
    lines.push(
      `    subgraph vpc["network: VPC over ${d.azCount} AZs, no NAT"]`,
      `      handler["handler: Lambda, private subnets"]`,
      '      secrets["Secrets Manager interface endpoint"]',
      `      database[("database: ${db.flavor === "aurora" ? "Aurora" : `RDS ${db.multiAz ? "Multi-AZ" : "Single-AZ"}`} ${db.choice.spec.name}")]`,
      "    end",
    );
  } else {
    lines.push('    handler["handler: Lambda"]');
  }
  if (d.ctx.goal.data?.keyValue) lines.push('    items[("items: DynamoDB table, on demand")]');
  for (const b of d.buckets) lines.push(`    bucket_${b.replace(/[^A-Za-z0-9]/g, "_")}[("bucket-${b}: S3")]`);
  lines.push(`    logs["CloudWatch Logs, ${d.logRetentionDays} days"]`, "  end");
  lines.push("  users -->|HTTPS| api", "  api -->|invoke| handler");
  if (d.ctx.goal.data?.keyValue) lines.push("  handler --> items");
  if (db) lines.push("  handler -->|SQL| database", "  handler -.->|secret| secrets");
  lines.push("  handler -.->|logs| logs");
  return lines;
}

/** The serverless choices considered and rejected: the front door, and the other CPU architecture's price. */
export function functionAlternatives(d: Design, fn: FunctionPlan, lines: readonly CostLine[]): Alternative[] {
  const arm = fn.arch === "ARM64";
  const other = unit(d.ctx, arm ? "lambda.gb-second.x86_64" : "lambda.gb-second.arm64");
  const mine = unit(d.ctx, arm ? "lambda.gb-second.arm64" : "lambda.gb-second.x86_64");
  const billed = Math.max(0, gbSeconds(d) - LAMBDA_FREE_TIER.gbSeconds);
  const delta = cents(billed * (other - mine));
  const fnUsd = componentUsd(lines, "handler");
  return [
    {
      decision: "API front door",
      chosen: "API Gateway HTTP API",
      rejected: "API Gateway REST API",
      reason:
        "The HTTP API has what a Lambda proxy needs (routes, throttling, JWT or IAM authorizers, access logs) at under a third of the REST API's price per request; REST adds usage plans, caching and request validation the goal does not ask for.",
    },
    {
      decision: "CPU architecture",
      chosen: arm ? "arm64 (Graviton)" : "x86_64",
      rejected: arm ? "x86_64" : "arm64 (Graviton)",
      reason: arm
        ? `workload.architecture asks for arm64; x86_64 bills GB-seconds at ${price(other)} instead of ${price(mine)}.`
        : `The goal names no architecture, and code or images built for x86_64 do not run on arm64 unchanged; arm64 would bill GB-seconds at ${price(other)} instead of ${price(mine)} (the function costs ${formatUsd(fnUsd)}/month in all).`,
      monthlyUsdDelta: delta,
    },
  ];
}
