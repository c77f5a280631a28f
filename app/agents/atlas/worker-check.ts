import type { Clash } from "./clash.js";
import type { DesignContext } from "./context.js";

/** slo.processingLatencyMinutes bounds how long a queued job waits; only a worker has a queue. */
export function processingLatencyClash(ctx: DesignContext): Clash | undefined {
  if (ctx.pattern === "worker" || ctx.pattern === "stream-processor") return undefined;
  if (ctx.goal.slo.processingLatencyMinutes === undefined) return undefined;
  const field = "slo.processingLatencyMinutes";
  return {
    reason: {
      code: "pattern-mismatch",
      message: `${field} bounds how long a queued job waits, but a ${ctx.pattern} has no queue; its requests are answered directly (slo.p95LatencyMs bounds those)`,
      field,
    },
    suggestions: [
      { message: `remove ${field}`, field },
      {
        message: "use workload.type worker for jobs that may wait in a queue",
        field: "workload.type",
        value: "worker",
      },
    ],
  };
}
