/**
 * `infracrew run` on each example as a newcomer runs it: a new process each time (Node start-up, the CLI bundle
 * or tsx, the HCL parser's WebAssembly, Chromium for the diagram), timed from spawn to exit.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { BenchRow } from "./harness.js";

export const title = "Newcomer: infracrew run, wall time of a new process";

const root = path.join(import.meta.dirname, "..");
const EXAMPLES = ["examples/web-api.json", "examples/static-site.yaml", "examples/worker.json"];
const RUNS = { "--no-diagram": 5, diagram: 3 } as const;

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** `node bin/infracrew.js run …`, or with `viaTsx` the sources through tsx (what bin does when the bundle is stale). */
function wallMs(example: string, out: string, extra: readonly string[], viaTsx = false): number {
  const entry = viaTsx ? ["--import", "tsx", "app/cli/run.ts"] : ["bin/infracrew.js"];
  const args = [...entry, "run", example, "--policy", "examples/infracrew.yml", "--out", out, ...extra];
  const start = performance.now();
  const run = spawnSync("node", args, { cwd: root, encoding: "utf8" });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`infracrew run ${example} exited ${run.status}: ${run.stderr}`);
  return ms;
}

function row(name: string, samples: readonly number[], note: string): BenchRow {
  const min = `min ${(Math.min(...samples) / 1000).toFixed(2)} s`;
  return {
    name: `${name}, median of ${samples.length}`,
    value: median(samples) / 1000,
    unit: "s",
    note: `${note}${min}`,
  };
}

export async function run(): Promise<BenchRow[]> {
  // As after npm ci (prepare): bin/infracrew.js runs the fresh bundle.
  const build = spawnSync("npm", ["run", "build"], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`npm run build failed: ${build.stderr}`);
  const out = mkdtempSync(path.join(tmpdir(), "infracrew-bench-run-"));
  const rows: BenchRow[] = [];
  try {
    for (const example of EXAMPLES) {
      for (const [mode, runs] of Object.entries(RUNS)) {
        const extra = mode === "diagram" ? [] : [mode];
        const samples = Array.from({ length: runs }, () => wallMs(example, out, extra));
        const target = mode === "diagram" ? "" : "target < 2 s; ";
        rows.push(row(`${example} ${mode === "diagram" ? "with diagram" : "--no-diagram"}`, samples, target));
      }
    }
    const tsx = Array.from({ length: 3 }, () => wallMs(EXAMPLES[0]!, out, ["--no-diagram"], true));
    rows.push(
      row(`${EXAMPLES[0]} --no-diagram from the sources (tsx)`, tsx, "sources newer than the bundle; "),
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return rows;
}
