import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** Debian's prometheus and promtool; .ci/run installs the package. A missing binary fails with what to do. */
export function requireBinary(name: "prometheus" | "promtool"): string {
  const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  const bin = found.stdout.trim();
  if (found.status !== 0 || !bin)
    throw new Error(`${name} is not installed: run \`apt-get install -y prometheus\` (as .ci/run does)`);
  return bin;
}

/** A free TCP port on the loopback interface. */
export async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls `check` until it returns a value, or fails after `ms` with what it was waiting for. */
export async function waitFor<T>(what: string, ms: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? `: ${String(last)}` : ""}`);
}

export interface RunningPrometheus {
  readonly url: string;
  query(expr: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]>;
  get(pathAndQuery: string): Promise<unknown>;
  stop(): Promise<void>;
  /** What Prometheus wrote on stderr, for failure messages. */
  logs(): string;
}

/**
 * Starts a real Prometheus on a free loopback port that scrapes `target` (host:port) every second, with `ruleFiles`
 * loaded; its data lives in a temporary directory removed by stop().
 */
export async function startPrometheus(
  target: string,
  ruleFiles: readonly string[],
): Promise<RunningPrometheus> {
  const bin = requireBinary("prometheus");
  const dir = mkdtempSync(path.join(tmpdir(), "infracrew-prometheus-"));
  const port = await freeLoopbackPort();
  const config = path.join(dir, "prometheus.yml");
  writeFileSync(
    config,
    [
      "global:",
      "  scrape_interval: 1s",
      "  scrape_timeout: 1s",
      "  evaluation_interval: 1s",
      "rule_files:",
      ...ruleFiles.map((f) => `  - ${JSON.stringify(f)}`),
      "scrape_configs:",
      "  - job_name: infracrew",
      "    static_configs:",
      `      - targets: [${JSON.stringify(target)}]`,
      "",
    ].join("\n"),
  );
  let stderr = "";
  const child: ChildProcess = spawn(
    bin,
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${path.join(dir, "data")}`,
      `--web.listen-address=127.0.0.1:${port}`,
      "--log.level=warn",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  child.stderr?.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const get = async (pathAndQuery: string): Promise<unknown> => {
    const res = await fetch(`${url}${pathAndQuery}`, { signal: AbortSignal.timeout(5000) });
    const body = (await res.json()) as { status: string; data: unknown; error?: string };
    if (body.status !== "success") throw new Error(`${pathAndQuery}: ${body.error ?? res.status}`);
    return body.data;
  };
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return {
    url,
    get,
    query: async (expr) => {
      const data = (await get(`/api/v1/query?query=${encodeURIComponent(expr)}`)) as {
        resultType: string;
        result: { metric: Record<string, string>; value: [number, string] }[];
      };
      if (data.resultType !== "vector") throw new Error(`${expr}: a ${data.resultType}, not a vector`);
      return data.result;
    },
    stop,
    logs: () => stderr,
  };
}
