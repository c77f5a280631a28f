import type { Clash } from "./clash.js";
import type { DesignContext } from "./context.js";
import { num } from "./format.js";
import {
  concurrencyAtPeak,
  defaultHandler,
  FUNCTION,
  reservableConcurrency,
  reservedConcurrencyFor,
} from "./function-sizing.js";
import { ECR_IMAGE } from "./ecr.js";

/** Lambda pulls container images from Amazon ECR only. */
function imageClash(ctx: DesignContext): Clash | undefined {
  const { image } = ctx.goal.workload;
  if (image === undefined || ECR_IMAGE.test(image)) return undefined;
  return {
    reason: {
      code: "pattern-mismatch",
      message: `Lambda runs container images from Amazon ECR only, and ${image} is in another registry`,
      field: "workload.image",
    },
    suggestions: [
      {
        message:
          "push the image (built for Lambda: an AWS base image or the runtime interface client) to ECR and set workload.image to its <account>.dkr.ecr.<region>.amazonaws.com URI",
        field: "workload.image",
      },
      {
        message: "or ship a zip package: set workload.runtime instead of workload.image",
        field: "workload.runtime",
      },
    ],
  };
}

/** A runtime without a conventional handler (Java, .NET) needs the goal's own. */
function handlerClash(ctx: DesignContext): Clash | undefined {
  const { runtime, handler } = ctx.goal.workload;
  if (runtime === undefined || handler !== undefined || defaultHandler(runtime) !== undefined)
    return undefined;
  return {
    reason: {
      code: "pattern-mismatch",
      message: `a ${runtime} function's handler names its class and method, which Atlas cannot assume`,
      field: "workload.handler",
    },
    suggestions: [
      { message: "set workload.handler (e.g. example.Handler::handleRequest)", field: "workload.handler" },
    ],
  };
}

/** API Gateway ends an integration at 30 s: a request that runs longer on average cannot be answered. */
function durationClash(ctx: DesignContext): Clash | undefined {
  const durationMs = ctx.goal.workload.durationMs;
  const limit = FUNCTION.maxTimeoutSeconds * 1000;
  if (durationMs === undefined || durationMs <= limit) return undefined;
  return {
    reason: {
      code: "pattern-mismatch",
      message: `a request that runs ${num(durationMs)} ms on average outlasts API Gateway's 30 s integration timeout (the function stops at ${FUNCTION.maxTimeoutSeconds} s)`,
      field: "workload.durationMs",
      figures: { durationMs, maxDurationMs: limit },
    },
    suggestions: [
      {
        message: `bring workload.durationMs under ${num(limit)}`,
        field: "workload.durationMs",
        value: limit,
      },
      {
        message: "use workload.type worker for work that may wait in a queue and run longer",
        field: "workload.type",
        value: "worker",
      },
    ],
  };
}

/** The function's reserved concurrency must fit the account's default concurrency, less what AWS keeps unreserved. */
function concurrencyClash(ctx: DesignContext): Clash | undefined {
  const atPeak = concurrencyAtPeak(ctx);
  const reserved = reservedConcurrencyFor(atPeak);
  const cap = reservableConcurrency();
  if (reserved <= cap) return undefined;
  const durationMs = ctx.goal.workload.durationMs ?? FUNCTION.durationMs;
  const durationGiven = ctx.goal.workload.durationMs !== undefined;
  const maxAtPeak = cap / (1 + FUNCTION.headroom);
  const maxPeakRps = Math.floor((maxAtPeak * 1000) / durationMs);
  const maxDurationMs = Math.floor((maxAtPeak * 1000) / ctx.peakRps);
  return {
    reason: {
      code: "size-cap-exceeded",
      message: `${num(ctx.peakRps)} rps at peak × ${num(durationMs)} ms${durationGiven ? "" : " (assumed)"} = ${num(atPeak)} concurrent executions; with ${num(FUNCTION.headroom * 100)} % headroom the function would reserve ${num(reserved)}, over the ${num(cap)} one function may reserve of the account's default ${num(FUNCTION.accountConcurrency)} concurrent executions per region (AWS keeps ${FUNCTION.unreservedMinimum} unreserved): a Lambda concurrency quota raise is needed first`,
      field: durationGiven ? "workload.durationMs" : "traffic.peakRps",
      figures: { concurrencyAtPeak: atPeak, reservedConcurrency: reserved, reservableConcurrency: cap },
    },
    suggestions: [
      {
        message: `ask AWS for a higher Lambda concurrent-executions quota (Service Quotas) in ${ctx.region}; Atlas designs within the default ${num(FUNCTION.accountConcurrency)}`,
        field: "traffic.peakRps",
      },
      {
        message: `lower traffic.peakRps to ≤ ${num(maxPeakRps)}`,
        field: "traffic.peakRps",
        value: maxPeakRps,
      },
      ...(maxDurationMs >= 1
        ? [
            {
              message: `or bring workload.durationMs to ≤ ${num(maxDurationMs)}`,
              field: "workload.durationMs",
              value: maxDurationMs,
            },
          ]
        : []),
    ],
  };
}

/** What a serverless-api goal asks that Lambda behind an HTTP API cannot do, each naming its field. */
export function serverlessClashes(ctx: DesignContext): Clash[] {
  if (ctx.pattern !== "serverless-api") return [];
  return [imageClash(ctx), handlerClash(ctx), durationClash(ctx), concurrencyClash(ctx)].filter(
    (c): c is Clash => c !== undefined,
  );
}
