import nock from "nock";
import { ProbotOctokit } from "probot";
import { describe, expect, it } from "vitest";
import { encodeState } from "../../../app/conductor/pr-state.js";
import { githubQueueSource, openGoalPrQuery } from "../../../app/metrics/github-queue-source.js";
import { instrumentOctokit } from "../../../app/metrics/instrument-octokit.js";
import { InfracrewMetrics } from "../../../app/metrics/metrics.js";
import {
  reconcileQueue,
  startQueueReconciler,
  type QueueSource,
} from "../../../app/metrics/queue-reconciler.js";
import { MARKERS } from "../../../app/render/markers.js";
import { memoryLog } from "../../support/memory-log.js";
import { githubOpenApi } from "../../support/openapi.js";
import { prState } from "../../support/pr-states.js";
import { strictNock } from "../../support/strict-nock.js";

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

describe("the queue source on GitHub's search API", () => {
  const item = (repo: string, number: number, labels: string[]) => ({
    number,
    repository_url: `https://api.github.com/repos/${repo}`,
    labels: labels.map((name) => ({ name })),
  });

  it("asks a documented question, scoped to the installation's account", () => {
    expect(openGoalPrQuery({ login: "acme", type: "Organization" })).toBe(
      'is:pr is:open org:acme label:"infracrew:pending","infracrew:in-progress","infracrew:validating","infracrew:blocked","infracrew:ready-for-apply","infracrew:wait-for-approve","infracrew:applying","infracrew:rollback","infracrew:done"',
    );
    expect(openGoalPrQuery({ login: "carol", type: "User" })).toMatch(/^is:pr is:open user:carol label:/);
    const documented = (
      githubOpenApi().paths["/search/issues"]!.get as { parameters: { $ref?: string; name?: string }[] }
    ).parameters.map((p) => p.name ?? p.$ref?.split("/").pop());
    expect(documented).toEqual(expect.arrayContaining(["q", "per-page", "page"]));
  });

  it("reads every page and keeps PRs with exactly one state label", async () => {
    const page1 = Array.from({ length: 100 }, (_, i) => item("acme/infra", i + 1, ["infracrew:validating"]));
    const page2 = [
      item("acme/web", 7, ["goal", "infracrew:wait-for-approve"]),
      item("acme/web", 8, ["infracrew:done", "infracrew:applying"]),
    ];
    const queries: Record<string, string>[] = [];
    nock("https://api.github.com")
      .get("/search/issues")
      .query((q) => queries.push(q as Record<string, string>) > 0)
      .reply(200, { total_count: 102, items: page1 })
      .get("/search/issues")
      .query((q) => queries.push(q as Record<string, string>) > 0)
      .reply(200, { total_count: 102, items: page2 });
    const source = githubQueueSource(octokit(), { login: "acme", type: "Organization" }, () => {
      throw new Error("no sticky reads here");
    });
    const prs = await source.openGoalPrs();
    expect(prs).toHaveLength(101);
    expect(prs.at(-1)).toEqual({ repo: "acme/web", number: 7, state: "WAIT_FOR_APPROVE" });
    expect(queries.map((q) => [q.page, q.per_page])).toEqual([
      ["1", "100"],
      ["2", "100"],
    ]);
    expect(queries[0]!.q).toBe(openGoalPrQuery({ login: "acme", type: "Organization" }));
  });

  it("reads a PR's state from its sticky comment through the Platform", async () => {
    const state = prState("WAIT_FOR_APPROVE");
    const asked: string[] = [];
    const source = githubQueueSource(octokit(), { login: "acme" }, (owner, repo) => ({
      findComment: async (number, marker) => {
        asked.push(`${owner}/${repo}#${number} ${marker}`);
        return { id: 1, body: `${MARKERS.sticky}\n${encodeState(state)}` };
      },
    }));
    expect(await source.prState("acme/infra", 12)).toEqual(state);
    expect(asked).toEqual([`acme/infra#12 ${MARKERS.sticky}`]);
  });
});

describe("the queue reconcile", () => {
  const figures = (ratio: number) => ({
    costMonthlyUsd: 100,
    budgetMonthlyUsd: 200,
    ratio,
    brakeRatio: 0.8,
    findings: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFO: 0 },
    plan: { create: 1, update: 0, delete: 0, replace: 0 },
  });
  const source = (name: string, prs: Awaited<ReturnType<QueueSource["openGoalPrs"]>>): QueueSource => ({
    name,
    openGoalPrs: async () => prs,
    prState: async (repo, number) => {
      const s = prState("WAIT_FOR_APPROVE");
      return {
        ...s,
        stack: `${repo.split("/")[1]}-${number}`,
        validation: { ...s.validation!, figures: figures(number / 10) },
      };
    },
  });

  it("counts every installation's PRs by state and reads the ratios of open plans", async () => {
    const metrics = new InfracrewMetrics({ clock });
    const counted = await reconcileQueue(
      metrics,
      [
        source("acme", [
          { repo: "acme/infra", number: 1, state: "WAIT_FOR_APPROVE" },
          { repo: "acme/infra", number: 2, state: "VALIDATING" },
        ]),
        source("umbrella", [{ repo: "umbrella/ops", number: 3, state: "WAIT_FOR_APPROVE" }]),
      ],
      { readRatios: true },
    );
    expect(counted).toEqual({ prs: 3, ratios: 2 });
    expect(await samples(metrics, "infracrew_queue_depth")).toContain(
      'infracrew_queue_depth{state="WAIT_FOR_APPROVE"} 2',
    );
    expect(await samples(metrics, "infracrew_budget_ratio")).toEqual([
      'infracrew_budget_ratio{repo="acme/infra",stack="infra-1"} 0.1',
      'infracrew_budget_ratio{repo="umbrella/ops",stack="ops-3"} 0.3',
    ]);
  });

  it("keeps the last counts when an installation fails, and logs it", async () => {
    const metrics = new InfracrewMetrics({ clock });
    metrics.queueDepth({ DONE: 4 });
    const log = memoryLog();
    const broken: QueueSource = {
      name: "broken",
      openGoalPrs: async () => {
        throw new Error("HTTP 502");
      },
      prState: async () => undefined,
    };
    const reconciler = startQueueReconciler({ metrics, sources: () => [broken], log, intervalMs: 60_000 });
    await reconciler.done;
    reconciler.stop();
    expect(await samples(metrics, "infracrew_queue_depth")).toContain(
      'infracrew_queue_depth{state="DONE"} 4',
    );
    expect(log.lines).toContainEqual({
      level: "error",
      message: "queue reconcile failed; gauges keep their last values",
      details: { err: "HTTP 502" },
    });
  });

  it("beats the Conductor's heart after a good round", async () => {
    const metrics = new InfracrewMetrics({ clock });
    const reconciler = startQueueReconciler({ metrics, sources: () => [], log: memoryLog() });
    await reconciler.done;
    reconciler.stop();
    expect(await samples(metrics, "infracrew_agent_heartbeat_timestamp_seconds")).toEqual([
      'infracrew_agent_heartbeat_timestamp_seconds{agent="conductor"} 1795780800',
    ]);
  });
});
