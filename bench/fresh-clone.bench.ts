/**
 * A newcomer's first two commands on a fresh clone: `npm ci`, then `npm test`, each timed. It takes minutes,
 * so it runs only with INFRACREW_BENCH_FRESH=1. It clones the committed HEAD of this checkout, and sets the
 * environment .ci/run sets (no Puppeteer browser download; Debian's Chromium).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { BenchRow } from "./harness.js";

export const title = "Newcomer: fresh clone, npm ci + npm test";

const root = path.join(import.meta.dirname, "..");

function timed(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  const run = spawnSync(command, args, { cwd, env, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  return seconds;
}

function chromium(): string | undefined {
  const which = spawnSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" });
  return which.status === 0 ? which.stdout.trim() : undefined;
}

export async function run(): Promise<BenchRow[]> {
  if (process.env.INFRACREW_BENCH_FRESH !== "1") {
    console.log(
      "  (skipped: set INFRACREW_BENCH_FRESH=1 to clone the repository and time npm ci + npm test)",
    );
    return [];
  }
  const dir = mkdtempSync(path.join(tmpdir(), "infracrew-fresh-"));
  const clone = path.join(dir, "infracrew");
  const browser = process.env.PUPPETEER_EXECUTABLE_PATH ?? chromium();
  const env = {
    ...process.env,
    PUPPETEER_SKIP_DOWNLOAD: "1",
    CI: "true",
    ...(browser ? { PUPPETEER_EXECUTABLE_PATH: browser } : {}),
  };
  try {
    timed("git", ["clone", "--quiet", root, clone], dir, env);
    const install = timed("npm", ["ci", "--no-audit", "--no-fund"], clone, env);
    const test = timed("npm", ["test"], clone, env);
    return [
      { name: "npm ci", value: install, unit: "s" },
      { name: "npm test", value: test, unit: "s" },
      { name: "both", value: install + test, unit: "s" },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
