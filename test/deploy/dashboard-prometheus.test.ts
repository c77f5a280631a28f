import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metricsHandler } from "../../app/handlers/metrics-endpoint.js";
import { InfracrewMetrics } from "../../app/metrics/metrics.js";
import { queryPanels, readDashboard, substitute } from "../support/dashboard.js";
import { runJourney } from "../support/metrics-journey.js";
import { startPrometheus, waitFor, type RunningPrometheus } from "../support/prometheus.js";
import { repoPath } from "../support/repo-files.js";
import { serve } from "../support/serve.js";

const dashboard = readDashboard();
const metrics = new InfracrewMetrics({ defaultMetrics: true });
let app: Awaited<ReturnType<typeof serve>>;
let prometheus: RunningPrometheus;

/** Waits until Prometheus has scraped the app after `since` (the scrape's start is what it records). */
async function scrapedAfter(since: number): Promise<void> {
  await waitFor("a scrape of the app", 20_000, async () => {
    const data = (await prometheus.get("/api/v1/targets?state=active")) as {
      activeTargets: { health: string; lastScrape: string; lastError: string }[];
    };
    const target = data.activeTargets[0];
    return target && target.health === "up" && Date.parse(target.lastScrape) > since ? true : undefined;
  });
}

beforeAll(async () => {
  app = await serve([metricsHandler(metrics)]);
  prometheus = await startPrometheus(new URL(app.url).host, [
    repoPath("deploy", "prometheus", "infracrew-rules.yml"),
  ]);
  try {
    // Two rounds with a scrape between them, so every counter and histogram has grown inside the rate windows.
    await runJourney(metrics, 1);
    await scrapedAfter(Date.now());
    await runJourney(metrics, 2);
    await scrapedAfter(Date.now());
  } catch (error) {
    throw new Error(`${String(error)}\nPrometheus said:\n${prometheus.logs()}`);
  }
});

afterAll(async () => {
  await prometheus?.stop();
  await app?.close();
});

describe("the Grafana dashboard against a real Prometheus", () => {
  const targets = queryPanels(dashboard).flatMap((panel) =>
    (panel.targets ?? []).map((t) => [`${panel.title} (${t.refId})`, t.expr] as const),
  );

  it("has queries to run", () => {
    expect(targets.length).toBeGreaterThanOrEqual(12);
  });

  it.each(targets)("%s returns data", async (_name, expr) => {
    const result = await prometheus.query(substitute(expr));
    expect(result.length, substitute(expr)).toBeGreaterThan(0);
    for (const sample of result)
      expect(Number.isFinite(Number(sample.value[1])), JSON.stringify(sample)).toBe(true);
  });

  it("shows the journey's figures", async () => {
    const value = async (expr: string) =>
      (await prometheus.query(expr)).map((s) => [s.metric, Number(s.value[1])]);
    expect(await value('max by (state) (infracrew_queue_depth{state="DONE"})')).toEqual([
      [{ state: "DONE" }, 2],
    ]);
    expect(await value("min by (installation, resource) (infracrew_github_rate_limit_remaining)")).toEqual([
      [{ installation: "42", resource: "core" }, 279],
    ]);
    expect(await value('sum by (phase) (infracrew_sla_breaches_total{phase="begin"})')).toEqual([
      [{ phase: "begin" }, 2],
    ]);
    const ages = await value("time() - max by (agent) (infracrew_agent_heartbeat_timestamp_seconds)");
    expect(ages.map(([m]) => (m as { agent: string }).agent).sort()).toEqual([
      "atlas",
      "conductor",
      "forge",
      "sentinel",
    ]);
    for (const [, age] of ages) expect(age).toBeLessThan(120);
  });

  it("loads the alert rules, which evaluate without error and fire on the journey", async () => {
    const rules = (await prometheus.get("/api/v1/rules")) as {
      groups: { rules: { name: string; health: string; lastError?: string }[] }[];
    };
    const loaded = rules.groups.flatMap((g) => g.rules);
    expect(loaded.map((r) => r.name)).toHaveLength(6);
    const firing = await waitFor("the SLA and brake alerts", 15_000, async () => {
      const data = (await prometheus.get("/api/v1/alerts")) as {
        alerts: { labels: { alertname: string }; state: string }[];
      };
      const names = data.alerts.filter((a) => a.state === "firing").map((a) => a.labels.alertname);
      return names.includes("InfracrewRollbackSlaBreached") && names.includes("InfracrewBudgetBrakeTripped")
        ? names
        : undefined;
    });
    expect(firing).toEqual(
      expect.arrayContaining(["InfracrewRollbackSlaBreached", "InfracrewBudgetBrakeTripped"]),
    );
    const errors = ((await prometheus.get("/api/v1/rules")) as typeof rules).groups
      .flatMap((g) => g.rules)
      .filter((r) => r.health === "err");
    expect(errors).toEqual([]);
  });
});

describe("the dashboard file", () => {
  it("is a Grafana dashboard of schema 38 or later with a Prometheus datasource variable", () => {
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(38);
    expect(dashboard.templating.list).toContainEqual(
      expect.objectContaining({ name: "datasource", type: "datasource", query: "prometheus" }),
    );
  });

  it("has unique panel ids, and every query panel reads the datasource variable", () => {
    const all = dashboard.panels.flatMap((p) => [p, ...(p.panels ?? [])]);
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
    for (const panel of queryPanels(dashboard)) {
      expect(panel.datasource, panel.title).toEqual({ type: "prometheus", uid: "${datasource}" });
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
      for (const t of panel.targets ?? []) expect(t.datasource, panel.title).toEqual(panel.datasource);
    }
  });

  it("has the panels the issue asks for", () => {
    const exprs = queryPanels(dashboard).flatMap((p) => (p.targets ?? []).map((t) => t.expr));
    for (const needle of [
      "infracrew_queue_depth",
      "time() - max by (agent) (infracrew_agent_heartbeat_timestamp_seconds)",
      "rate(infracrew_llm_tokens_total[$__rate_interval])",
      "histogram_quantile(0.95, sum by (le, event) (rate(infracrew_webhook_duration_seconds_bucket[$__rate_interval])))",
      "infracrew_github_rate_limit_remaining",
      "infracrew_github_api_calls_total",
      "infracrew_rollback_duration_seconds_bucket",
      "infracrew_rollback_begin_seconds_bucket",
      "infracrew_sla_breaches_total",
    ])
      expect(
        exprs.some((e) => e.includes(needle)),
        needle,
      ).toBe(true);
  });

  it("lays panels out on Grafana's 24-column grid without overlaps", () => {
    const cells = new Set<string>();
    for (const p of dashboard.panels.flatMap((q) => [q, ...(q.panels ?? [])])) {
      expect(p.gridPos.x + p.gridPos.w, p.title).toBeLessThanOrEqual(24);
      for (let x = p.gridPos.x; x < p.gridPos.x + p.gridPos.w; x++)
        for (let y = p.gridPos.y; y < p.gridPos.y + p.gridPos.h; y++) {
          expect(cells.has(`${x},${y}`), `${p.title} overlaps at ${x},${y}`).toBe(false);
          cells.add(`${x},${y}`);
        }
    }
  });
});
