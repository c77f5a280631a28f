import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { OpsEvent } from "../contracts/generated/index.js";
import type { Agent, ConductorObserver } from "../conductor/deps.js";
import type { Observation } from "../conductor/observations.js";
import { STATES, type State } from "../conductor/states.js";

export const AGENTS: readonly Agent[] = ["atlas", "forge", "sentinel", "conductor"];
export type WebhookOutcome = "handled" | "ignored" | "error";

/** One GitHub API response (or failure), as the octokit hook sees it. */
export interface ApiCall {
  readonly installation: string;
  readonly method: string;
  /** The HTTP status, or "error" when no response came. */
  readonly status: string;
  readonly headers?: Readonly<Record<string, string | number | undefined>>;
}

const MINUTES = [60, 120, 300, 600, 900, 1200, 1800, 2700, 3600, 7200];

function counter<L extends string>(registry: Registry, name: string, help: string, labelNames: readonly L[]) {
  return new Counter<L>({ name, help, labelNames, registers: [registry] });
}

function gauge<L extends string>(registry: Registry, name: string, help: string, labelNames: readonly L[]) {
  return new Gauge<L>({ name, help, labelNames, registers: [registry] });
}

function histogram<L extends string>(
  registry: Registry,
  name: string,
  help: string,
  labelNames: readonly L[],
  buckets: number[],
) {
  return new Histogram<L>({ name, help, labelNames, buckets, registers: [registry] });
}

/**
 * Every Infracrew metric, defined once (names start with `infracrew_`), on its own registry. It is the Conductor's
 * observer and what the edges (webhooks, octokit, the queue reconciler) record into. Values that several replicas
 * each hold are summed (counters, histograms) or max'ed (gauges of shared truth) by the dashboard's queries.
 */
export class InfracrewMetrics implements ConductorObserver {
  readonly registry = new Registry();
  private readonly clock: () => Date;

  private readonly webhooks = histogram(
    this.registry,
    "infracrew_webhook_duration_seconds",
    "Webhook events handled, and how long each took, by event and outcome (handled, ignored, error).",
    ["event", "outcome"],
    [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  );
  private readonly transitions = counter(
    this.registry,
    "infracrew_state_transitions_total",
    "Conductor state changes of goal pull requests.",
    ["from", "to"],
  );
  private readonly queue = gauge(
    this.registry,
    "infracrew_queue_depth",
    "Open goal pull requests in each state (from the periodic reconcile of state labels).",
    ["state"],
  );
  private readonly reconciled = gauge(
    this.registry,
    "infracrew_queue_reconciled_timestamp_seconds",
    "When the queue depth was last counted.",
    [],
  );
  private readonly heartbeat = gauge(
    this.registry,
    "infracrew_agent_heartbeat_timestamp_seconds",
    "The last success of each agent, in seconds since the epoch.",
    ["agent"],
  );
  private readonly tokens = counter(
    this.registry,
    "infracrew_llm_tokens_total",
    "LLM tokens spent, by agent (zero while no LLM is configured).",
    ["agent"],
  );
  private readonly apiCalls = counter(
    this.registry,
    "infracrew_github_api_calls_total",
    "GitHub API requests, by method and HTTP status.",
    ["method", "status"],
  );
  private readonly rateRemaining = gauge(
    this.registry,
    "infracrew_github_rate_limit_remaining",
    "Requests left in GitHub's rate-limit window, by installation and resource (x-ratelimit-remaining).",
    ["installation", "resource"],
  );
  private readonly rateLimit = gauge(
    this.registry,
    "infracrew_github_rate_limit_limit",
    "The size of GitHub's rate-limit window, by installation and resource (x-ratelimit-limit).",
    ["installation", "resource"],
  );
  private readonly rateReset = gauge(
    this.registry,
    "infracrew_github_rate_limit_reset_timestamp_seconds",
    "When GitHub's rate-limit window resets, by installation and resource (x-ratelimit-reset).",
    ["installation", "resource"],
  );
  private readonly applies = histogram(
    this.registry,
    "infracrew_apply_duration_seconds",
    "Applies from dispatch to their end, by status (success, failure, timeout).",
    ["status"],
    MINUTES,
  );
  private readonly rollbacks = histogram(
    this.registry,
    "infracrew_rollback_duration_seconds",
    "Rollbacks from their trigger to their end (the finish SLA), by status.",
    ["status"],
    MINUTES,
  );
  private readonly rollbackBegin = histogram(
    this.registry,
    "infracrew_rollback_begin_seconds",
    "Rollbacks from their trigger to the start of their run (the begin SLA).",
    [],
    [30, 60, 120, 180, 300, 600, 900, 1800],
  );
  private readonly breaches = counter(
    this.registry,
    "infracrew_sla_breaches_total",
    "Rollback SLA breaches, by phase (begin, finish).",
    ["phase"],
  );
  private readonly brakeTrips = counter(
    this.registry,
    "infracrew_budget_brake_trips_total",
    "Validations whose cost forecast reached the budget brake.",
    [],
  );
  private readonly budgetRatio = gauge(
    this.registry,
    "infracrew_budget_ratio",
    "Cost forecast / budget of each open plan (from the periodic reconcile).",
    ["repo", "stack"],
  );
  private readonly opsEvents = counter(
    this.registry,
    "infracrew_ops_events_total",
    "OpsEvents the Conductor emitted, by type and severity.",
    ["type", "severity"],
  );

  constructor(options: { readonly clock?: () => Date; readonly defaultMetrics?: boolean } = {}) {
    this.clock = options.clock ?? (() => new Date());
    if (options.defaultMetrics) collectDefaultMetrics({ register: this.registry, prefix: "infracrew_" });
    // Series that must exist before anything happens, so rates and alerts see a zero rather than nothing.
    for (const agent of AGENTS) this.tokens.inc({ agent }, 0);
    for (const phase of ["begin", "finish"]) this.breaches.inc({ phase }, 0);
    this.brakeTrips.inc(0);
  }

  transition(from: State, to: State, _stack?: string): void {
    this.transitions.inc({ from, to });
  }

  opsEvent(event: OpsEvent): void {
    this.opsEvents.inc({ type: event.type, severity: event.severity });
    const phase = event.details?.phase;
    if (event.type === "sla-breach" && (phase === "begin" || phase === "finish"))
      this.breaches.inc({ phase });
  }

  agentSucceeded(agent: Agent): void {
    this.heartbeat.set({ agent }, this.clock().getTime() / 1000);
  }

  observed(observation: Observation): void {
    switch (observation.type) {
      case "run-finished":
        if (observation.mode === "apply")
          this.applies.observe({ status: observation.status }, observation.seconds);
        else this.rollbacks.observe({ status: observation.status }, observation.seconds);
        break;
      case "rollback-began":
        this.rollbackBegin.observe(observation.seconds);
        break;
      case "budget-brake":
        this.brakeTrips.inc();
        break;
    }
  }

  llmTokens(agent: Agent, tokens: number): void {
    this.tokens.inc({ agent }, tokens);
  }

  webhook(event: string, outcome: WebhookOutcome, seconds: number): void {
    this.webhooks.observe({ event, outcome }, seconds);
  }

  apiCall(call: ApiCall): void {
    this.apiCalls.inc({ method: call.method.toUpperCase(), status: call.status });
    const header = (name: string): number | undefined => {
      const value = Number(call.headers?.[name]);
      return call.headers?.[name] === undefined || !Number.isFinite(value) ? undefined : value;
    };
    const remaining = header("x-ratelimit-remaining");
    if (remaining === undefined) return;
    const labels = {
      installation: call.installation,
      resource: String(call.headers?.["x-ratelimit-resource"] ?? "core"),
    };
    this.rateRemaining.set(labels, remaining);
    const limit = header("x-ratelimit-limit");
    if (limit !== undefined) this.rateLimit.set(labels, limit);
    const reset = header("x-ratelimit-reset");
    if (reset !== undefined) this.rateReset.set(labels, reset);
  }

  /** The open goal PRs in each state, counted across every installation; absent states are 0. */
  queueDepth(counts: Readonly<Partial<Record<State, number>>>): void {
    for (const state of STATES) this.queue.set({ state }, counts[state] ?? 0);
    this.reconciled.set(this.clock().getTime() / 1000);
  }

  /** The budget ratio of every open plan; plans no longer open disappear. */
  budgetRatios(
    rows: readonly { readonly repo: string; readonly stack: string; readonly ratio: number }[],
  ): void {
    this.budgetRatio.reset();
    for (const row of rows) this.budgetRatio.set({ repo: row.repo, stack: row.stack }, row.ratio);
  }

  /** The exposition for `GET /metrics`. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
