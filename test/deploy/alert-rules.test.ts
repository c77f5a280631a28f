import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { InfracrewMetrics } from "../../app/metrics/metrics.js";
import { queryPanels, readDashboard } from "../support/dashboard.js";
import { requireBinary } from "../support/prometheus.js";
import { readRepoFile, repoPath } from "../support/repo-files.js";

const RULES = "deploy/prometheus/infracrew-rules.yml";
const rules = parse(readRepoFile(RULES)) as {
  groups: { name: string; rules: { alert: string; expr: string; labels: { severity: string } }[] }[];
};
const alerts = rules.groups.flatMap((g) => g.rules);

function promtool(...args: string[]) {
  const run = spawnSync(requireBinary("promtool"), args, {
    cwd: repoPath("deploy", "prometheus"),
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe("the Prometheus alert rules", () => {
  it("pass promtool check rules", () => {
    const run = promtool("check", "rules", "infracrew-rules.yml");
    expect(run.output).toContain("SUCCESS: 6 rules found");
    expect(run.status, run.output).toBe(0);
  });

  it("pass their unit tests (promtool test rules)", () => {
    const run = promtool("test", "rules", "infracrew-rules.test.yml");
    expect(run.output).toContain("SUCCESS");
    expect(run.status, run.output).toBe(0);
  });

  it("cover what the issue asks for, each with a severity", () => {
    expect(alerts.map((a) => a.alert)).toEqual([
      "InfracrewConductorHeartbeatStale",
      "InfracrewSentinelStale",
      "InfracrewRollbackSlaBreached",
      "InfracrewBudgetBrakeTripped",
      "InfracrewWebhookErrors",
      "InfracrewGitHubRateLimitLow",
    ]);
    for (const a of alerts) expect(["critical", "warning"], a.alert).toContain(a.labels.severity);
  });
});

describe("every metric the rules and the dashboard query", () => {
  it("is one the app exports", () => {
    const exported = new Set(new InfracrewMetrics().registry.getMetricsAsArray().map((m) => m.name));
    const queries = [
      ...alerts.map((a) => a.expr),
      ...queryPanels(readDashboard()).flatMap((p) => (p.targets ?? []).map((t) => t.expr)),
    ];
    const used = new Set(queries.flatMap((q) => q.match(/\binfracrew_[a-z_]+/g) ?? []));
    const unknown = [...used].filter((name) => !exported.has(name.replace(/_(bucket|count|sum)$/, "")));
    expect(unknown).toEqual([]);
    expect(used.size).toBeGreaterThanOrEqual(12);
  });
});
