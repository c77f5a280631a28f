import { afterEach, describe, expect, it } from "vitest";
import { metricsHandler } from "../../../app/handlers/metrics-endpoint.js";
import { InfracrewMetrics } from "../../../app/metrics/metrics.js";
import { serve } from "../../support/serve.js";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function start(token?: string) {
  const metrics = new InfracrewMetrics({ clock: () => new Date("2026-11-27T12:00:00Z") });
  metrics.queueDepth({ WAIT_FOR_APPROVE: 3 });
  const server = await serve([metricsHandler(metrics, token ? { token } : {})]);
  close = server.close;
  return server.url;
}

describe("GET /metrics", () => {
  it("answers Prometheus's text format", async () => {
    const url = await start();
    const res = await fetch(`${url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    const body = await res.text();
    expect(body).toContain("# TYPE infracrew_queue_depth gauge");
    expect(body).toContain('infracrew_queue_depth{state="WAIT_FOR_APPROVE"} 3');
  });

  it("with a token, answers only a bearer of it", async () => {
    const url = await start("s3cret-token");
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
    const res = await fetch(`${url}/metrics`, { headers: { authorization: "Bearer s3cret-token" } });
    expect(res.status).toBe(200);
  });

  it("routes only its own path, GET and HEAD", async () => {
    const url = await start();
    expect((await fetch(`${url}/metrics`, { method: "POST" })).status).toBe(405);
    expect((await fetch(`${url}/metrics`, { method: "HEAD" })).status).toBe(200);
    expect((await fetch(`${url}/metricsx`)).status).toBe(404);
  });
});
