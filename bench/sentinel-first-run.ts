/**
 * One measurement in a fresh process, as a single `infracrew check` runs: `bare` times JSON.parse of the plan
 * file, `whole` times Sentinel's evaluation of it. Prints the milliseconds and the process's peak RSS in MiB, as
 * JSON. Run by sentinel.bench.ts.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { resourceUsage } from "node:process";
import { evaluatePlan, prepare } from "./sentinel-workload.js";

const [mode, file] = process.argv.slice(2);
const text = readFileSync(file!, "utf8");
const prepared = prepare();
const start = performance.now();
if (mode === "bare") JSON.parse(text);
else evaluatePlan(text, prepared);
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, maxRssMiB: resourceUsage().maxRSS / 1024 }));
