import type { InfracrewMetrics, WebhookOutcome } from "./metrics.js";

/** A handler's result in words (`ignored: …`, `ran /approve`, …) as a metric outcome. */
export function outcomeOf(result: unknown): WebhookOutcome {
  return typeof result === "string" && result.startsWith("ignored") ? "ignored" : "handled";
}

/**
 * Runs one webhook's handling and records it: latency by event and outcome, and the Conductor's heartbeat when it
 * did not fail. Errors are recorded and rethrown (Probot logs them and answers 500).
 */
export async function timedWebhook<T>(
  metrics: InfracrewMetrics,
  event: string,
  handle: () => Promise<T>,
  now: () => number = () => performance.now(),
): Promise<T> {
  const started = now();
  const seconds = (): number => (now() - started) / 1000;
  try {
    const result = await handle();
    metrics.webhook(event, outcomeOf(result), seconds());
    metrics.agentSucceeded("conductor");
    return result;
  } catch (error) {
    metrics.webhook(event, "error", seconds());
    throw error;
  }
}
