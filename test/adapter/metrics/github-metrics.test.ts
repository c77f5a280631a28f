import nock from "nock";
import { ProbotOctokit } from "probot";
import { describe, expect, it } from "vitest";
import type { PrState } from "../../../app/conductor/pr-state.js";
import { instrumentOctokit } from "../../../app/metrics/instrument-octokit.js";
import { InfracrewMetrics } from "../../../app/metrics/metrics.js";
import { reconcileQueue, startQueueReconciler } from "../../../app/metrics/queue-reconciler.js";
import { memoryLog } from "../../support/memory-log.js";
import { prState } from "../../support/pr-states.js";
import { strictNock } from "../../support/strict-nock.js";
import { useTestStore } from "../../support/test-stores.js";

strictNock();

const clock = () => new Date("2026-11-27T12:00:00Z");
const octokit = () =>
  new ProbotOctokit({ auth: { token: "ghs_test" }, retry: { enabled: false }, throttle: { enabled: false } });

async function samples(metrics: InfracrewMetrics, name: string): Promise<string[]> {
  const text = await metrics.registry.getSingleMetricAsString(name);
  return text.split("\n").filter((line) => line !== "" && !line.startsWith("#"));
}

const rateHeaders = (remaining: number, resource = "core") => ({
  "x-ratelimit-remaining": String(remaining),
  "x-ratelimit-limit": "5000",
  "x-ratelimit-reset": "1795784400",
  "x-ratelimit-resource": resource,
});

describe("the octokit hook", () => {
  it("counts every request and keeps the rate limit GitHub reports, errors included", async () => {
    const metrics = new InfracrewMetrics({ clock });
    const github = octokit();
    instrumentOctokit(github, metrics, 42);
    instrumentOctokit(github, metrics, 42);
    nock("https://api.github.com")
      .get("/repos/acme/infra")
      .reply(200, { id: 1 }, rateHeaders(4990))
      .get("/repos/acme/gone")
      .reply(404, { message: "Not Found" }, rateHeaders(4989))
      .post("/repos/acme/infra/issues/12/comments")
      .reply(201, { id: 5 }, rateHeaders(4988));
    await github.rest.repos.get({ owner: "acme", repo: "infra" });
    await expect(github.rest.repos.get({ owner: "acme", repo: "gone" })).rejects.toMatchObject({
      status: 404,
    });
    await github.rest.issues.createComment({ owner: "acme", repo: "infra", issue_number: 12, body: "hi" });
    expect(await samples(metrics, "infracrew_github_api_calls_total")).toEqual([
      'infracrew_github_api_calls_total{method="GET",status="200"} 1',
      'infracrew_github_api_calls_total{method="GET",status="404"} 1',
      'infracrew_github_api_calls_total{method="POST",status="201"} 1',
    ]);
    expect(await samples(metrics, "infracrew_github_rate_limit_remaining")).toEqual([
      'infracrew_github_rate_limit_remaining{installation="42",resource="core"} 4988',
    ]);
  });
});

describe("the queue reconcile, from the store", () => {
  const storeOf = useTestStore("pglite");
  const figures = (ratio: number) => ({
    costMonthlyUsd: 100,
    budgetMonthlyUsd: 200,
    ratio,
    brakeRatio: 0.8,
    findings: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFO: 0 },
    plan: { create: 1, update: 0, delete: 0, replace: 0 },
  });
  const seed = async (repo: string, pr: number, state: PrState) =>
    storeOf().read.createPr({ repo, pr }, state, new Date("2026-11-27T12:00:00Z"));
  const waiting = (stack: string, ratio: number): PrState => {
    const s = prState("WAIT_FOR_APPROVE");
    return { ...s, stack, validation: { ...s.validation!, figures: figures(ratio) } };
  };

  it("counts open PRs by state and reads the ratios of open plans, with no GitHub call", async () => {
    await seed("acme/infra", 1, waiting("infra-1", 0.1));
    await seed("acme/infra", 2, prState("VALIDATING"));
    await seed("umbrella/ops", 3, waiting("ops-3", 0.3));
    await seed("umbrella/ops", 4, { ...prState("VALIDATING"), closed: true });
    const metrics = new InfracrewMetrics({ clock });
    const counted = await reconcileQueue(metrics, storeOf());
    expect(counted).toEqual({ prs: 3, ratios: 2 });
    expect(await samples(metrics, "infracrew_queue_depth")).toContain(
      'infracrew_queue_depth{state="WAIT_FOR_APPROVE"} 2',
    );
    expect(await samples(metrics, "infracrew_queue_depth")).toContain(
      'infracrew_queue_depth{state="VALIDATING"} 1',
    );
    expect(await samples(metrics, "infracrew_budget_ratio")).toEqual([
      'infracrew_budget_ratio{repo="acme/infra",stack="infra-1"} 0.1',
      'infracrew_budget_ratio{repo="umbrella/ops",stack="ops-3"} 0.3',
    ]);
  });

  it("keeps the last counts when the store fails, and logs it", async () => {
    const metrics = new InfracrewMetrics({ clock });
    metrics.queueDepth({ DONE: 4 });
    const log = memoryLog();
    const broken = {
      prsInStates: async () => {
        throw new Error("connection terminated");
      },
    };
    const reconciler = startQueueReconciler({ metrics, store: broken, log, intervalMs: 60_000 });
    await reconciler.done;
    reconciler.stop();
    expect(await samples(metrics, "infracrew_queue_depth")).toContain(
      'infracrew_queue_depth{state="DONE"} 4',
    );
    expect(log.lines).toContainEqual({
      level: "error",
      message: "queue reconcile failed; gauges keep their last values",
      details: { err: "connection terminated" },
    });
  });

  it("beats the Conductor's heart after a good round", async () => {
    const metrics = new InfracrewMetrics({ clock });
    const reconciler = startQueueReconciler({ metrics, store: storeOf(), log: memoryLog() });
    await reconciler.done;
    reconciler.stop();
    expect(await samples(metrics, "infracrew_agent_heartbeat_timestamp_seconds")).toEqual([
      'infracrew_agent_heartbeat_timestamp_seconds{agent="conductor"} 1795780800',
    ]);
  });
});
