import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { designGoal } from "../app/agents/atlas/index.js";
import { readGoal } from "../app/contracts/goal-intake.js";
import { readPolicy } from "../app/contracts/policy-intake.js";
import { time, type BenchRow } from "./harness.js";

export const title = "Atlas";

const root = path.join(import.meta.dirname, "..");
const exec = promisify(execFile);

function goalOf(file: string, dir = path.join("schemas", "examples")) {
  const read = readGoal(readFileSync(path.join(root, dir, file), "utf8"));
  if (!read.ok) throw new Error(`${file} is not a valid goal`);
  return read.value.goal;
}

async function cliMedianMs(runs: number): Promise<number> {
  const args = [
    path.join(root, "bin", "infracrew.js"),
    "plan",
    "schemas/examples/goal-web-api.json",
    "--now",
    "2026-11-27T00:00:00Z",
  ];
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await exec("node", args, { cwd: root });
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(runs / 2)]!;
}

export async function run(): Promise<BenchRow[]> {
  const policyRead = readPolicy(
    readFileSync(path.join(root, "schemas", "examples", "infracrew.yml"), "utf8"),
  );
  if (!policyRead.ok) throw new Error("the example policy is invalid");
  const policy = policyRead.value;
  const now = new Date("2026-11-27T00:00:00Z");
  const webApi = goalOf("goal-web-api.json");
  const worker = goalOf("goal-worker.json");
  const blocked = { ...webApi, budget: { monthlyUsd: 500 } };
  const askBlocked = {
    ...webApi,
    summary: "A shared EKS cluster with GPU nodes, reachable only over the VPN",
  };
  const plan = await time(() => designGoal(webApi, policy, { now }), { runs: 500 });
  const planWorker = await time(() => designGoal(worker, policy, { now }), { runs: 500 });
  const planBlocked = await time(() => designGoal(blocked, policy, { now }), { runs: 200 });
  const planAsk = await time(() => designGoal(askBlocked, policy, { now }), { runs: 500 });
  const kubernetes = goalOf("goal-kubernetes.json");
  const planKubernetes = await time(() => designGoal(kubernetes, policy, { now }), { runs: 500 });
  const gpu = goalOf("goal-gpu-api.json");
  const planGpu = await time(() => designGoal(gpu, policy, { now }), { runs: 500 });
  const domainPolicy = readPolicy(readFileSync(path.join(root, "examples", "infracrew.yml"), "utf8"));
  const domainGoal = readGoal(readFileSync(path.join(root, "examples", "static-site-domain.yaml"), "utf8"));
  if (!domainPolicy.ok || !domainGoal.ok) throw new Error("the domain example goal or policy is invalid");
  const planDomain = await time(() => designGoal(domainGoal.value.goal, domainPolicy.value, { now }), {
    runs: 500,
  });
  const twoRegions = readGoal(readFileSync(path.join(root, "examples", "checkout-global.json"), "utf8"));
  if (!twoRegions.ok) throw new Error("examples/checkout-global.json is not a valid goal");
  const planTwoRegions = await time(() => designGoal(twoRegions.value.goal, domainPolicy.value, { now }), {
    runs: 500,
  });
  const serverless = goalOf("serverless-api.json", "examples");
  const devApi = goalOf("dev-api-50.json", "examples");
  const planServerless = await time(() => designGoal(serverless, policy, { now }), { runs: 500 });
  const planDevApi = await time(() => designGoal(devApi, policy, { now }), { runs: 500 });
  const scheduledJob = readGoal(readFileSync(path.join(root, "examples", "scheduled-job.json"), "utf8"));
  if (!scheduledJob.ok) throw new Error("examples/scheduled-job.json is not a valid goal");
  const planJob = await time(() => designGoal(scheduledJob.value.goal, policy, { now }), { runs: 500 });
  const streamGoal = goalOf("stream-processor.json", "examples");
  const planStream = await time(() => designGoal(streamGoal, policy, { now }), { runs: 500 });
  const cli = await cliMedianMs(7);
  return [
    {
      name: "designGoal(web-api example), median of 500",
      value: plan.medianMs,
      unit: "ms",
      note: "target ≤ 5 ms",
    },
    { name: "designGoal(web-api example), p95", value: plan.p95Ms, unit: "ms" },
    { name: "designGoal(worker example), median of 500", value: planWorker.medianMs, unit: "ms" },
    {
      name: "designGoal(web-api on $500: DesignBlocked), median of 200",
      value: planBlocked.medianMs,
      unit: "ms",
    },
    {
      name: "designGoal(web-api whose summary asks for EKS, GPUs and a VPN: DesignBlocked), median of 500",
      value: planAsk.medianMs,
      unit: "ms",
      note: "target ≤ 50 ms",
    },
    {
      name: "designGoal(serverless-api example: HTTP API, Lambda, DynamoDB), median of 500",
      value: planServerless.medianMs,
      unit: "ms",
      note: "target ≤ 5 ms",
    },
    {
      name: "designGoal($50 dev serverless-api with Postgres in the VPC), median of 500",
      value: planDevApi.medianMs,
      unit: "ms",
      note: "target ≤ 5 ms",
    },
    { name: "infracrew plan goal-web-api.json (wall), median of 7", value: cli, unit: "ms" },
    {
      name: "designGoal(kubernetes example), median of 500",
      value: planKubernetes.medianMs,
      unit: "ms",
      note: "target ≤ 5 ms",
    },
    {
      name: "designGoal(static site on www.example.com, examples/static-site-domain.yaml), median of 500",
      value: planDomain.medianMs,
      unit: "ms",
      note: "target ≤ 5 ms",
    },
    {
      name: "designGoal(GPU web-api example), median of 500",
      value: planGpu.medianMs,
      unit: "ms",
      note: "target ≤ 5 ms",
    },
    {
      name: "designGoal(web-api in two regions, examples/checkout-global.json), median of 500",
      value: planTwoRegions.medianMs,
      unit: "ms",
      note: "target ≤ 5 ms",
    },
    {
      name: "designGoal(scheduled-job example), median of 500",
      value: planJob.medianMs,
      unit: "ms",
      note: "target ≤ 5 ms",
    },
    {
      name: "designGoal(stream-processor example: Kinesis, Firehose archive, Fargate consumer), median of 500",
      value: planStream.medianMs,
      unit: "ms",
      note: "target ≤ 5 ms",
    },
  ];
}
