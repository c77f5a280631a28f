import { describe, expect, it } from "vitest";
import type { OpsEvent } from "../../../app/contracts/generated/index.js";
import { timedWebhook } from "../../../app/metrics/instrument-webhook.js";
import { InfracrewMetrics } from "../../../app/metrics/metrics.js";
import { readRepoFile } from "../../support/repo-files.js";

const clock = () => new Date("2026-11-27T12:00:00Z");
const NOW = 1_795_780_800; // 2026-11-27T12:00:00Z

/** The sample lines of one metric, without its HELP and TYPE lines. */
async function samples(metrics: InfracrewMetrics, name: string): Promise<string[]> {
  const text = await metrics.registry.getSingleMetricAsString(name);
  return text.split("\n").filter((line) => line !== "" && !line.startsWith("#"));
}

describe("the metrics", () => {
  it("all start with infracrew_ and are defined once", async () => {
    const metrics = new InfracrewMetrics({ clock, defaultMetrics: true });
    const names = metrics.registry.getMetricsAsArray().map((m) => m.name);
    expect(names.filter((n) => !n.startsWith("infracrew_"))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
  });

  it("start LLM tokens, SLA breaches and brake trips at zero, so rates see zero rather than nothing", async () => {
    const metrics = new InfracrewMetrics({ clock });
    expect(await samples(metrics, "infracrew_llm_tokens_total")).toEqual([
      'infracrew_llm_tokens_total{agent="atlas"} 0',
      'infracrew_llm_tokens_total{agent="forge"} 0',
      'infracrew_llm_tokens_total{agent="sentinel"} 0',
      'infracrew_llm_tokens_total{agent="conductor"} 0',
    ]);
    expect(await samples(metrics, "infracrew_sla_breaches_total")).toEqual([
      'infracrew_sla_breaches_total{phase="begin"} 0',
      'infracrew_sla_breaches_total{phase="finish"} 0',
    ]);
    expect(await samples(metrics, "infracrew_budget_brake_trips_total")).toEqual([
      "infracrew_budget_brake_trips_total 0",
    ]);
  });

  it("record heartbeats on the injected clock, and tokens by agent", async () => {
    const metrics = new InfracrewMetrics({ clock });
    metrics.agentSucceeded("sentinel");
    metrics.llmTokens("atlas", 1234);
    expect(await samples(metrics, "infracrew_agent_heartbeat_timestamp_seconds")).toEqual([
      `infracrew_agent_heartbeat_timestamp_seconds{agent="sentinel"} ${NOW}`,
    ]);
    expect((await samples(metrics, "infracrew_llm_tokens_total"))[0]).toBe(
      'infracrew_llm_tokens_total{agent="atlas"} 1234',
    );
  });

  it("count transitions, ops events and SLA breaches by phase", async () => {
    const metrics = new InfracrewMetrics({ clock });
    const breach = JSON.parse(readRepoFile("schemas/examples/ops-event-sla-breach.json")) as OpsEvent;
    metrics.transition("APPLYING", "ROLLBACK", "checkout-api");
    metrics.opsEvent(breach);
    metrics.opsEvent({ ...breach, type: "apply-failed", details: {} });
    expect(await samples(metrics, "infracrew_state_transitions_total")).toEqual([
      'infracrew_state_transitions_total{from="APPLYING",to="ROLLBACK"} 1',
    ]);
    expect(await samples(metrics, "infracrew_ops_events_total")).toEqual([
      `infracrew_ops_events_total{type="sla-breach",severity="${breach.severity}"} 1`,
      `infracrew_ops_events_total{type="apply-failed",severity="${breach.severity}"} 1`,
    ]);
    expect(await samples(metrics, "infracrew_sla_breaches_total")).toContain(
      `infracrew_sla_breaches_total{phase="${String(breach.details?.phase)}"} 1`,
    );
  });

  it("put apply and rollback durations and brake trips where they belong", async () => {
    const metrics = new InfracrewMetrics({ clock });
    metrics.observed({ type: "run-finished", mode: "apply", status: "success", seconds: 250 });
    metrics.observed({ type: "run-finished", mode: "rollback", status: "success", seconds: 1000 });
    metrics.observed({ type: "rollback-began", seconds: 400 });
    metrics.observed({ type: "budget-brake", stack: "checkout-api", ratio: 0.9 });
    const apply = await samples(metrics, "infracrew_apply_duration_seconds");
    expect(apply).toContain('infracrew_apply_duration_seconds_bucket{le="120",status="success"} 0');
    expect(apply).toContain('infracrew_apply_duration_seconds_bucket{le="300",status="success"} 1');
    expect(apply).toContain('infracrew_apply_duration_seconds_sum{status="success"} 250');
    const rollback = await samples(metrics, "infracrew_rollback_duration_seconds");
    expect(rollback).toContain('infracrew_rollback_duration_seconds_bucket{le="900",status="success"} 0');
    expect(rollback).toContain('infracrew_rollback_duration_seconds_bucket{le="1200",status="success"} 1');
    expect(await samples(metrics, "infracrew_rollback_begin_seconds")).toContain(
      'infracrew_rollback_begin_seconds_bucket{le="300"} 0',
    );
    expect(await samples(metrics, "infracrew_budget_brake_trips_total")).toEqual([
      "infracrew_budget_brake_trips_total 1",
    ]);
  });

  it("read GitHub's rate-limit headers per installation and resource", async () => {
    const metrics = new InfracrewMetrics({ clock });
    const headers = {
      "x-ratelimit-remaining": "4321",
      "x-ratelimit-limit": "5000",
      "x-ratelimit-reset": "1764248400",
      "x-ratelimit-resource": "core",
    };
    metrics.apiCall({ installation: "42", method: "get", status: "200", headers });
    metrics.apiCall({ installation: "42", method: "post", status: "error" });
    metrics.apiCall({
      installation: "42",
      method: "get",
      status: "200",
      headers: { "x-ratelimit-remaining": "n/a" },
    });
    expect(await samples(metrics, "infracrew_github_api_calls_total")).toEqual([
      'infracrew_github_api_calls_total{method="GET",status="200"} 2',
      'infracrew_github_api_calls_total{method="POST",status="error"} 1',
    ]);
    expect(await samples(metrics, "infracrew_github_rate_limit_remaining")).toEqual([
      'infracrew_github_rate_limit_remaining{installation="42",resource="core"} 4321',
    ]);
    expect(await samples(metrics, "infracrew_github_rate_limit_limit")).toEqual([
      'infracrew_github_rate_limit_limit{installation="42",resource="core"} 5000',
    ]);
    expect(await samples(metrics, "infracrew_github_rate_limit_reset_timestamp_seconds")).toEqual([
      'infracrew_github_rate_limit_reset_timestamp_seconds{installation="42",resource="core"} 1764248400',
    ]);
  });

  it("set every state's queue depth, zeros included, and replace the budget ratios", async () => {
    const metrics = new InfracrewMetrics({ clock });
    metrics.queueDepth({ WAIT_FOR_APPROVE: 2, VALIDATING: 1 });
    const queue = await samples(metrics, "infracrew_queue_depth");
    expect(queue).toHaveLength(9);
    expect(queue).toContain('infracrew_queue_depth{state="WAIT_FOR_APPROVE"} 2');
    expect(queue).toContain('infracrew_queue_depth{state="DONE"} 0');
    metrics.budgetRatios([{ repo: "acme/infra", stack: "old", ratio: 0.5 }]);
    metrics.budgetRatios([{ repo: "acme/infra", stack: "checkout-api", ratio: 0.62 }]);
    expect(await samples(metrics, "infracrew_budget_ratio")).toEqual([
      'infracrew_budget_ratio{repo="acme/infra",stack="checkout-api"} 0.62',
    ]);
  });
});

describe("a timed webhook", () => {
  const ticks =
    (...values: number[]) =>
    () =>
      values.shift()!;

  it.each([
    ["ran /approve", "handled"],
    ["ignored: bot", "ignored"],
    [undefined, "handled"],
  ])("records %j as %s, with its latency, and beats the Conductor's heart", async (result, outcome) => {
    const metrics = new InfracrewMetrics({ clock });
    expect(await timedWebhook(metrics, "issue_comment.created", async () => result, ticks(1000, 1250))).toBe(
      result,
    );
    const lines = await samples(metrics, "infracrew_webhook_duration_seconds");
    expect(lines).toContain(
      `infracrew_webhook_duration_seconds_sum{event="issue_comment.created",outcome="${outcome}"} 0.25`,
    );
    expect(await samples(metrics, "infracrew_agent_heartbeat_timestamp_seconds")).toEqual([
      `infracrew_agent_heartbeat_timestamp_seconds{agent="conductor"} ${NOW}`,
    ]);
  });

  it("records a failure as an error and rethrows it", async () => {
    const metrics = new InfracrewMetrics({ clock });
    const failing = async () => {
      throw new Error("GitHub is down");
    };
    await expect(timedWebhook(metrics, "workflow_run.completed", failing, ticks(0, 2000))).rejects.toThrow(
      "GitHub is down",
    );
    expect(await samples(metrics, "infracrew_webhook_duration_seconds")).toContain(
      'infracrew_webhook_duration_seconds_count{event="workflow_run.completed",outcome="error"} 1',
    );
    expect(await samples(metrics, "infracrew_agent_heartbeat_timestamp_seconds")).toEqual([]);
  });
});
