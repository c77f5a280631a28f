import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { time, type BenchRow } from "./harness.js";
import { parseTerraformPlan } from "../app/agents/sentinel/parsers/index.js";
import { POLICIES, evaluatePlan, planText, prepare } from "./sentinel-workload.js";

export const title = "Sentinel: evaluating a plan of 10,000 resource changes";

const COUNT = 10_000;
const FRESH_PROCESSES = 5;

v8.setFlagsFromString("--expose-gc");
const collect = vm.runInNewContext("gc") as () => void;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * The medians of one measurement in each of `FRESH_PROCESSES` new processes (code not yet optimised, a new
 * heap): the time, and the process's peak RSS.
 */
function inFreshProcesses(mode: "bare" | "whole", file: string): { ms: number; maxRssMiB: number } {
  const script = path.join(import.meta.dirname, "sentinel-first-run.ts");
  const runs = Array.from({ length: FRESH_PROCESSES }, () => {
    const run = spawnSync(process.execPath, [...process.execArgv, script, mode, file], { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`the first-run measurement failed: ${run.stderr}`);
    return JSON.parse(run.stdout) as { ms: number; maxRssMiB: number };
  });
  return { ms: median(runs.map((r) => r.ms)), maxRssMiB: median(runs.map((r) => r.maxRssMiB)) };
}

/** The heap a value holds: what is in use with it alive, less what is in use without it. */
function heldBy(make: () => unknown): number {
  collect();
  const before = process.memoryUsage().heapUsed;
  const held = make();
  collect();
  const after = process.memoryUsage().heapUsed;
  return held === undefined ? 0 : after - before;
}

function megabytes(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}

export async function run(): Promise<BenchRow[]> {
  const text = planText(COUNT);
  const dir = mkdtempSync(path.join(tmpdir(), "sentinel-bench-"));
  const file = path.join(dir, "plan.json");
  writeFileSync(file, text);
  const met = prepare(POLICIES.met);
  const broken = prepare(POLICIES.broken);
  const check = evaluatePlan(text, met);
  if (check.verdict !== "PASS") throw new Error(`the generated plan should pass: ${check.reasons.join(" ")}`);
  const failing = evaluatePlan(text, broken);
  const bare = (await time(() => JSON.parse(text), { runs: 30, warmup: 5 })).medianMs;
  const whole = (await time(() => evaluatePlan(text, met), { runs: 30, warmup: 5 })).medianMs;
  const findings = (await time(() => evaluatePlan(text, broken), { runs: 10, warmup: 2 })).medianMs;
  const firstBare = inFreshProcesses("bare", file);
  const firstWhole = inFreshProcesses("whole", file);
  const jsonHeap = heldBy(() => JSON.parse(text));
  const modelHeap = heldBy(() => parseTerraformPlan(text, { file: "plan.json" }));
  rmSync(dir, { recursive: true, force: true });
  return [
    { name: "plan JSON size", value: megabytes(text.length), unit: "MiB" },
    { name: "bare JSON.parse, median of 30", value: bare, unit: "ms" },
    { name: "parse + policy + estimate + brake, median of 30", value: whole, unit: "ms" },
    { name: "ratio to JSON.parse", value: whole / bare, unit: "×", note: "target ≤ 2×" },
    {
      name: "first run in a new process, JSON.parse",
      value: firstBare.ms,
      unit: "ms",
      note: `median of ${FRESH_PROCESSES}`,
    },
    {
      name: "first run in a new process, the whole evaluation",
      value: firstWhole.ms,
      unit: "ms",
      note: `median of ${FRESH_PROCESSES}; ${(firstWhole.ms / firstBare.ms).toFixed(2)}× JSON.parse`,
    },
    { name: "peak RSS of that process, JSON.parse", value: firstBare.maxRssMiB, unit: "MiB" },
    { name: "peak RSS of that process, the whole evaluation", value: firstWhole.maxRssMiB, unit: "MiB" },
    { name: "heap held by the parsed JSON", value: megabytes(jsonHeap), unit: "MiB" },
    { name: "heap held by the parsed plan (Sentinel's model)", value: megabytes(modelHeap), unit: "MiB" },
    { name: "forecast of the plan", value: check.cost.monthlyUsd, unit: "USD/month" },
    {
      name: `failing with ${failing.findings.length.toLocaleString("en-US")} findings, median of 10`,
      value: findings,
      unit: "ms",
      note: `${(findings / bare).toFixed(2)}× JSON.parse`,
    },
  ];
}
