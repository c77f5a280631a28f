import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { testPrivateKey } from "../test/support/probot.js";
import { startThrowawayPostgres } from "../test/support/postgres-server.js";
import type { BenchRow } from "./harness.js";

export const title =
  "Webhook acknowledgement with the durable store: signed no-op deliveries stored before the 200, one and two instances";

const SECRET = "bench-webhook-secret";
const SECONDS = 6;
const CONNECTIONS = 32;
/** The embedded store is for one small installation: it is offered what a busy organisation sends at a peak. */
const EMBEDDED_RATE = 100;
/** A delivery the App stores, acknowledges, then finds nothing to do for: no installation, no GitHub call. */
const BODY = JSON.stringify({
  action: "created",
  repository: { full_name: "acme/infra" },
  sender: { login: "x" },
});
const SIGNATURE = `sha256=${createHmac("sha256", SECRET).update(BODY).digest("hex")}`;

/** Starts one instance as its own process; resolves with its port. */
function instance(env: Record<string, string>): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "webhook-server.ts")],
    {
      env: { ...process.env, APP_ID: "123", PRIVATE_KEY: testPrivateKey(), WEBHOOK_SECRET: SECRET, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const port = /listening (\d+)/.exec(out)?.[1];
      if (port) resolve({ port: Number(port), child });
    });
    child.once("exit", (code) => reject(new Error(`the instance exited with ${code}: ${out}`)));
  });
}

interface Load {
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

function summary(latencies: number[], seconds: number, errors: number): Load {
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return { perSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99), errors };
}

/** Posts one signed delivery; answers the HTTP status (0 when the connection failed). */
function post(agent: Agent, port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: "/api/github/webhooks",
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "x-github-event": "star",
          "x-github-delivery": randomUUID(),
          "x-hub-signature-256": SIGNATURE,
          "content-length": Buffer.byteLength(BODY),
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", () => resolve(0));
    req.end(BODY);
  });
}

/** Closed loop: `CONNECTIONS` keep-alive connections post back to back for `seconds`: the most it acknowledges. */
async function saturate(ports: readonly number[], seconds: number): Promise<Load> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, i) => {
      const port = ports[i % ports.length]!;
      while (performance.now() < end) {
        const sent = performance.now();
        const status = await post(agent, port);
        if (status >= 200 && status < 300) latencies.push(performance.now() - sent);
        else errors++;
      }
    }),
  );
  agent.destroy();
  return summary(latencies, (performance.now() - started) / 1000, errors);
}

/**
 * Open loop: deliveries sent on a fixed schedule of `rate` a second, whether or not earlier ones were answered (as
 * GitHub sends them); each latency counts from the moment its delivery was due, so a stall is not hidden.
 */
async function offer(ports: readonly number[], rate: number, seconds: number): Promise<Load> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const total = rate * seconds;
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(
      post(agent, ports[i % ports.length]!).then((status) => {
        if (status >= 200 && status < 300) latencies.push(performance.now() - due);
        else errors++;
      }),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  return summary(latencies, (performance.now() - started) / 1000, errors);
}

async function measure(
  label: string,
  envs: readonly Record<string, string>[],
  rate: number,
): Promise<BenchRow[]> {
  const started = await Promise.all(envs.map((env) => instance(env)));
  const ports = started.map((s) => s.port);
  try {
    await saturate(ports, 1); // warm-up: JIT, connection pools, the queue's first rounds
    const most = await saturate(ports, SECONDS);
    const steady = await offer(ports, rate, SECONDS);
    const errors = most.errors + steady.errors;
    return [
      { name: `${label}: most acknowledged (${CONNECTIONS} connections)`, value: most.perSecond, unit: "/s" },
      {
        name: `${label}: at that load, p50 / p99`,
        value: most.p50,
        unit: "ms",
        note: `p99 ${most.p99.toFixed(1)} ms`,
      },
      { name: `${label}: ${rate}/s offered, p50`, value: steady.p50, unit: "ms" },
      { name: `${label}: ${rate}/s offered, p99`, value: steady.p99, unit: "ms", note: "target < 50 ms" },
      ...(errors > 0 ? [{ name: `${label}: failed requests`, value: errors, unit: "" }] : []),
    ];
  } finally {
    for (const { child } of started) child.kill("SIGKILL");
  }
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const dataDir = mkdtempSync(path.join(tmpdir(), "infracrew-bench-store-"));
  try {
    rows.push(
      ...(await measure("embedded store, 1 instance", [{ INFRACREW_DATA_DIR: dataDir }], EMBEDDED_RATE)),
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const server = process.env.INFRACREW_BENCH_DATABASE_URL
    ? undefined
    : await startThrowawayPostgres({ durable: true });
  const admin = process.env.INFRACREW_BENCH_DATABASE_URL ?? server!.url;
  try {
    for (const [label, count] of [
      ["PostgreSQL, 1 instance", 1],
      ["PostgreSQL, 2 instances", 2],
    ] as const) {
      const name = `infracrew_bench_${count}`;
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name}`);
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      const url = new URL(admin);
      url.pathname = `/${name}`;
      rows.push(
        ...(await measure(
          label,
          Array.from({ length: count }, () => ({ DATABASE_URL: url.toString() })),
          1000,
        )),
      );
    }
  } finally {
    server?.stop();
  }
  return rows;
}
