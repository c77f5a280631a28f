import type { CpuArchitecture } from "../pricing/index.js";
import type { DesignContext } from "./context.js";

/**
 * What Atlas assumes for a Lambda function when the goal does not say, each with its reasoning. The PlanSpec
 * repeats the figures it used in the capacity explanation and the assumptions.
 */
export const FUNCTION = {
  durationMs: 100,
  durationReasoning:
    "A JSON API request that makes one to three DynamoDB or database round-trips runs about 100 ms in Lambda, billed by the millisecond.",
  memoryMb: 1024,
  memoryReasoning:
    "Lambda gives CPU in proportion to memory (a full vCPU at 1,769 MB): 1,024 MB, about 0.6 vCPU, keeps a JSON handler's run and cold start short; measure with Lambda Power Tuning and lower it if the duration holds.",
  /** Reserved concurrency keeps this share spare above the concurrency at peak. */
  headroom: 1,
  /** Reserved concurrency is at least this, so a burst of slow requests is not throttled at low traffic. */
  minReserved: 10,
  headroomReasoning:
    "Reserved concurrency is twice the concurrency at peak (at least 10): it caps the function's cost and its load on the data store, and the spare half absorbs bursts and requests slowed by a slow dependency.",
  /** The account's default concurrent executions per region, and what AWS keeps unreserved for other functions. */
  accountConcurrency: 1000,
  unreservedMinimum: 100,
  /** API Gateway ends an integration at 30 s; the function times out a little before it. */
  maxTimeoutSeconds: 29,
  minTimeoutSeconds: 10,
  timeoutReasoning:
    "The function times out at ten times its average duration (at least 10 s), under the 30 s API Gateway waits for an integration, so a stuck request ends in the function's own error rather than a gateway timeout.",
} as const;

/** The handler a runtime's zip package gets when the goal names none; Java and .NET have no default. */
export const DEFAULT_HANDLERS: readonly (readonly [RegExp, string])[] = [
  [/^nodejs/, "index.handler"],
  [/^python3/, "app.handler"],
  [/^ruby3/, "app.handler"],
  [/^provided\./, "bootstrap"],
];

/** The most a function can reserve: the account's concurrency less what AWS keeps unreserved. */
export function reservableConcurrency(): number {
  return FUNCTION.accountConcurrency - FUNCTION.unreservedMinimum;
}

export interface FunctionPlan {
  readonly durationMs: number;
  readonly durationAssumed: boolean;
  readonly memoryMb: number;
  readonly memoryAssumed: boolean;
  readonly arch: CpuArchitecture;
  readonly concurrencyAtPeak: number;
  readonly reservedConcurrency: number;
  readonly timeoutSeconds: number;
  /** The runtime's handler: the goal's, or the runtime's default (assumed); absent for an image. */
  readonly handler?: string;
  readonly handlerAssumed: boolean;
}

export function defaultHandler(runtime: string): string | undefined {
  return DEFAULT_HANDLERS.find(([re]) => re.test(runtime))?.[1];
}

/** Concurrent executions at peak: requests per second × seconds each runs. */
export function concurrencyAtPeak(ctx: DesignContext): number {
  return Number(((ctx.peakRps * (ctx.goal.workload.durationMs ?? FUNCTION.durationMs)) / 1000).toFixed(2));
}

/** Reserved concurrency with the headroom: the function's cap. */
export function reservedConcurrencyFor(atPeak: number): number {
  return Math.max(FUNCTION.minReserved, Math.ceil(atPeak * (1 + FUNCTION.headroom)));
}

/** Sizes the function from the goal: duration, memory, architecture, concurrency, timeout and handler. */
export function planFunction(ctx: DesignContext): FunctionPlan {
  const w = ctx.goal.workload;
  const durationMs = w.durationMs ?? FUNCTION.durationMs;
  const atPeak = concurrencyAtPeak(ctx);
  const handler = w.runtime === undefined ? undefined : (w.handler ?? defaultHandler(w.runtime));
  return {
    durationMs,
    durationAssumed: w.durationMs === undefined,
    memoryMb: w.memoryMb ?? FUNCTION.memoryMb,
    memoryAssumed: w.memoryMb === undefined,
    arch: w.architecture === "arm64" ? "ARM64" : "X86_64",
    concurrencyAtPeak: atPeak,
    reservedConcurrency: reservedConcurrencyFor(atPeak),
    timeoutSeconds: Math.min(
      FUNCTION.maxTimeoutSeconds,
      Math.max(FUNCTION.minTimeoutSeconds, Math.ceil((10 * durationMs) / 1000)),
    ),
    ...(handler !== undefined ? { handler } : {}),
    handlerAssumed: w.runtime !== undefined && w.handler === undefined,
  };
}
