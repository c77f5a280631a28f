import type { Alternative, Saving } from "../../contracts/generated/plan-spec.js";
import { formatUsd } from "../../format/money.js";
import { fargateTaskHourly, HOURS_PER_MONTH, unitPrice } from "../pricing/index.js";
import { cents, num, price } from "./format.js";
import { JOB } from "./job-sizing.js";
import type { Candidate } from "./search.js";

/** Lambda caps an invocation at 15 minutes and 10,240 MB. */
const LAMBDA_MAX_MINUTES = 15;
const LAMBDA_MAX_MB = 10_240;

/** The other ways to run the job: an always-on service, and Lambda where a run fits its limits. */
export function jobAlternatives(chosen: Candidate): Alternative[] {
  const { ctx, job: j } = chosen.design;
  if (!j) return [];
  const hourly = fargateTaskHourly(ctx.region, j.arch, j.cpu, j.memoryMb / 1024)!;
  const alwaysOn = HOURS_PER_MONTH * hourly;
  const runs = j.taskHours * hourly;
  const out: Alternative[] = [
    {
      decision: "trigger",
      chosen: "EventBridge Scheduler → Step Functions → a Fargate task per run",
      rejected: "an always-on ECS service that runs the job from its own cron",
      reason: `Rejected because the task would bill ${HOURS_PER_MONTH} hours a month instead of the ${num(j.taskHours)} the runs take (${formatUsd(cents(alwaysOn))} against ${formatUsd(cents(runs))}), and nothing would retry a failed run or alarm on it.`,
      monthlyUsdDelta: cents(alwaysOn - runs),
    },
  ];
  const fits = j.runMinutes <= LAMBDA_MAX_MINUTES && j.memoryMb <= LAMBDA_MAX_MB;
  const gbSecond = unitPrice(ctx.region, `lambda.gb-second.${j.arch === "ARM64" ? "arm64" : "x86_64"}`)!.usd;
  const requests = unitPrice(ctx.region, "lambda.requests.per-million")!.usd;
  const lambda =
    j.schedule.runsPerMonth * j.runMinutes * 60 * (j.memoryMb / 1024) * gbSecond +
    (j.schedule.runsPerMonth / 1e6) * requests;
  out.push({
    decision: "compute",
    chosen: "a Fargate task per run",
    rejected: "an AWS Lambda function the schedule invokes",
    reason: fits
      ? `Rejected because the goal ships a container image built to run as a task; as a Lambda container image it would need the Lambda runtime interface and stay under ${LAMBDA_MAX_MINUTES} min a run. It would cost about ${formatUsd(cents(lambda))}/month (${num(j.schedule.runsPerMonth)} runs × ${num(j.runMinutes)} min × ${num(j.memoryMb / 1024)} GB × ${price(gbSecond)} per GB-s), and no NAT gateway.`
      : `Rejected because a run of ${num(j.runMinutes)} min${j.memoryMb > LAMBDA_MAX_MB ? ` with ${j.memoryMb} MiB` : ""} does not fit Lambda's ${LAMBDA_MAX_MINUTES} min and ${num(LAMBDA_MAX_MB)} MB per invocation.`,
    ...(fits ? { monthlyUsdDelta: cents(lambda - runs) } : {}),
  });
  return out;
}

/** What running the job on Graviton would save a year, when it runs on x86_64. */
export function jobGraviton(c: Candidate): Saving | undefined {
  const { ctx, job: j } = c.design;
  if (!j || j.arch === "ARM64") return undefined;
  const gb = j.memoryMb / 1024;
  const diff =
    fargateTaskHourly(ctx.region, "X86_64", j.cpu, gb)! - fargateTaskHourly(ctx.region, "ARM64", j.cpu, gb)!;
  return {
    suggestion:
      "Run the job on Graviton (ARM64): build the image for linux/arm64 and set workload.architecture to arm64",
    yearlyUsd: cents(diff * j.taskHours * 12),
    basis: `${num(j.taskHours)} task-hours a month × ${price(Number(diff.toFixed(5)))}/h cheaper × 12 months (Fargate ARM64 is about 20 % cheaper)`,
  };
}

/** Pulling a large image every run through NAT: what a smaller image would save. */
export function jobImageSaving(c: Candidate): Saving | undefined {
  const { ctx, job: j } = c.design;
  if (!j || c.design.natGateways === 0) return undefined;
  const perGb = unitPrice(ctx.region, "nat.gb-processed")!.usd;
  const halfGb = (j.schedule.runsPerMonth * JOB.imagePullGb) / 2;
  return {
    suggestion:
      "Halve the image (a slim or distroless base): every run pulls it afresh through the NAT gateway",
    yearlyUsd: cents(halfGb * perGb * 12),
    basis: `${num(halfGb, 1)} GB a month less through NAT × ${price(perGb)} × 12`,
  };
}
