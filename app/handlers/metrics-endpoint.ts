import { timingSafeEqual } from "node:crypto";
import { header, pathOf, sendText, type HttpHandler } from "./http.js";
import type { InfracrewMetrics } from "../metrics/metrics.js";

export const METRICS_PATH = "/metrics";

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `GET /metrics` in Prometheus's text format. With a token (env METRICS_TOKEN), only `Authorization: Bearer <token>`
 * is answered: the metrics name repositories and stacks.
 */
export function metricsHandler(
  metrics: InfracrewMetrics,
  options: { readonly token?: string } = {},
): HttpHandler {
  return async (req, res) => {
    if (pathOf(req) !== METRICS_PATH) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      sendText(res, 405, "GET only", { allow: "GET, HEAD" });
      return true;
    }
    if (options.token && !sameSecret(header(req, "authorization") ?? "", `Bearer ${options.token}`)) {
      sendText(res, 401, "unauthorized", { "www-authenticate": "Bearer" });
      return true;
    }
    const { contentType, body } = await metrics.exposition();
    res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" });
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  };
}
