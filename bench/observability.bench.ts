import { performance } from "node:perf_hooks";
import { slackSignature, verifySlackRequest } from "../app/handlers/slack/verify-signature.js";
import { metricsHandler } from "../app/handlers/metrics-endpoint.js";
import { InfracrewMetrics } from "../app/metrics/metrics.js";
import { renderReviewMessage } from "../app/render/slack/review-message.js";
import { runJourney } from "../test/support/metrics-journey.js";
import { policyWith } from "../test/support/policies.js";
import { prState } from "../test/support/pr-states.js";
import { startPrometheus, waitFor } from "../test/support/prometheus.js";
import { serve } from "../test/support/serve.js";
import { time, type BenchRow } from "./harness.js";

export const title = "Slack and metrics";

/** How long a real Prometheus (Debian's) takes from spawn to a first successful scrape of the app. */
async function firstScrape(metrics: InfracrewMetrics): Promise<number> {
  const app = await serve([metricsHandler(metrics)]);
  const started = performance.now();
  const prometheus = await startPrometheus(new URL(app.url).host, []);
  try {
    await waitFor("a scrape", 30_000, async () =>
      (await prometheus.query('up{job="infracrew"} == 1')).length > 0 ? true : undefined,
    );
    return performance.now() - started;
  } finally {
    await prometheus.stop();
    await app.close();
  }
}

export async function run(): Promise<BenchRow[]> {
  const body = `payload=${encodeURIComponent(JSON.stringify({ type: "block_actions", pad: "x".repeat(4000) }))}`;
  const signature = slackSignature("secret", "1795780800", body);
  const verify = await time(
    () =>
      verifySlackRequest({
        signingSecret: "secret",
        timestamp: "1795780800",
        signature,
        rawBody: body,
        nowSeconds: 1795780800,
      }),
    { runs: 5000 },
  );
  const policy = policyWith();
  const pr = {
    number: 12,
    url: "https://github.com/acme/infra/pull/12",
    title: "infra(checkout-api): web-api",
  };
  const render = await time(
    () => renderReviewMessage({ repo: "acme/infra", pr, state: prState("WAIT_FOR_APPROVE"), policy }),
    { runs: 5000 },
  );
  const metrics = new InfracrewMetrics({ defaultMetrics: true });
  await runJourney(metrics, 1);
  await runJourney(metrics, 2);
  const exposition = await time(() => metrics.exposition(), { runs: 500 });
  const size = (await metrics.exposition()).body.length;
  const scrape = await firstScrape(metrics);
  return [
    { name: "verify a 4 KB Slack request, median", value: verify.medianMs * 1000, unit: "µs" },
    { name: "render the review message, median", value: render.medianMs * 1000, unit: "µs" },
    { name: "GET /metrics body after the journey, median", value: exposition.medianMs, unit: "ms" },
    { name: "GET /metrics body size", value: size / 1024, unit: "KiB" },
    { name: "prometheus spawn to first scrape", value: scrape, unit: "ms" },
  ];
}
