import { describe, expect, it } from "vitest";
import { main } from "../../../app/cli/main.js";
import { readRepoFile } from "../../support/repo-files.js";
import { fakeIo } from "../../support/fake-io.js";

const NOW = "2026-11-27T00:00:00Z";
const POLICY = "schemas/examples/infracrew.yml";

const tightGoal = JSON.stringify({
  schemaVersion: "0.1",
  kind: "GoalStatement",
  name: "tiny-api",
  summary: "A prod API on a small budget",
  cloud: "aws",
  region: "eu-west-1",
  environment: "prod",
  workload: { type: "web-api", image: "ghcr.io/acme/tiny:1.0.0" },
  traffic: { peakRps: 400 },
  slo: { availability: 99.9 },
  data: { relational: { engine: "postgres", storageGb: 100 } },
  budget: { monthlyUsd: 500 },
  tags: { team: "payments" },
});

async function plan(args: string[], files: Record<string, string> = {}) {
  const io = fakeIo({ files, now: "2031-01-01T08:30:00.123Z" });
  const code = await main(["plan", ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe("infracrew plan", () => {
  it.each([
    ["schemas/examples/goal-web-api.json", "web-api"],
    ["schemas/examples/goal-static-site.yaml", "static-site"],
    ["schemas/examples/goal-worker.json", "worker"],
    ["schemas/examples/goal-issue-form-body.md", "web-api"],
  ])("exits 0 and prints the PlanSpec of %s on stdout", async (goal, pattern) => {
    const result = await plan([goal, "--policy", POLICY, "--now", NOW]);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    const spec = JSON.parse(result.out) as { kind: string; pattern: string; createdAt: string };
    expect(spec).toMatchObject({ kind: "PlanSpec", pattern, createdAt: NOW });
  });

  it("prints byte-identical output for the same input and --now", async () => {
    const first = await plan(["schemas/examples/goal-web-api.json", "--policy", POLICY, "--now", NOW]);
    const second = await plan(["--now", NOW, "--policy", POLICY, "schemas/examples/goal-web-api.json"]);
    expect(second.out).toBe(first.out);
    expect(first.out.endsWith("}\n")).toBe(true);
  });

  it("stamps createdAt from the clock, without milliseconds, when --now is absent", async () => {
    const result = await plan(["schemas/examples/goal-worker.json", "--policy", POLICY]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ createdAt: "2031-01-01T08:30:00Z" });
  });

  it("uses the built-in default policy when there is no .github/infracrew.yml", async () => {
    const result = await plan(["schemas/examples/goal-worker.json", "--now", NOW]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({
      terraform: { dir: "infra/invoice-worker" },
      cost: { brakeRatio: 0.8 },
    });
  });

  it("reads .github/infracrew.yml when it exists and no --policy is given", async () => {
    const policy = readRepoFile(POLICY).replace("root: infra ", "root: stacks");
    const result = await plan(["schemas/examples/goal-worker.json", "--now", NOW], {
      ".github/infracrew.yml": policy,
    });
    expect(JSON.parse(result.out)).toMatchObject({ terraform: { dir: "stacks/invoice-worker" } });
  });

  it("exits 3 with the DesignBlocked on stdout and a short summary on stderr", async () => {
    const result = await plan(["tiny.json", "--policy", POLICY, "--now", NOW], { "tiny.json": tightGoal });
    expect(result.code).toBe(3);
    const blocked = JSON.parse(result.out) as {
      kind: string;
      suggestions: { field: string; value: number }[];
    };
    expect(blocked.kind).toBe("DesignBlocked");
    expect(blocked.suggestions[0]).toMatchObject({ field: "budget.monthlyUsd", value: 932 });
    expect(result.err).toBe(
      [
        "infracrew plan: design blocked for tiny-api",
        "  ✗ the cheapest design that meets 99.9 % costs $745.28/month; the brake allows less than $400 (80 % of $500) [budget-too-small]",
        "  To unblock, any one of:",
        "  → raise budget.monthlyUsd to ≥ $932/month",
        "",
      ].join("\n"),
    );
  });

  it.each([
    [
      [],
      "infracrew plan: name exactly one goal file (usage: infracrew plan <goal.(json|yaml|md)> [--policy infracrew.yml] [--now ISO-8601])\n",
    ],
    [["a.json", "b.json"], "infracrew plan: name exactly one goal file"],
    [["goal.json", "--colour"], "infracrew plan: Unknown option '--colour'"],
    [["goal.json", "--now"], "infracrew plan: Option '--now <value>' argument missing"],
    [
      ["goal.json", "--now", "tomorrow"],
      'infracrew plan: --now must be an ISO-8601 date-time such as 2026-11-27T00:00:00Z (got "tomorrow")\n',
    ],
    [
      ["goal.json", "--now", "2026-13-45T00:00:00Z"],
      'infracrew plan: --now must be an ISO-8601 date-time such as 2026-11-27T00:00:00Z (got "2026-13-45T00:00:00Z")\n',
    ],
    [["missing.json", "--now", NOW], "missing.json: no such file\n"],
    [["goal.json", "--policy", "nope.yml", "--now", NOW], "nope.yml: no such file\n"],
    [["bad.json", "--now", NOW], "bad.json: traffic.peakRps: must be ≥ 1 (got 0)\n"],
    [
      ["goal.json", "--policy", "bad.yml", "--now", NOW],
      "bad.yml: policy.budgetBrakeRatio: must be ≤ 1 (got 2)\n",
    ],
  ])("exits 2 on bad input %j", async (args, message) => {
    const goal = readRepoFile("schemas/examples/goal-worker.json");
    const result = await plan(args, {
      "goal.json": goal,
      "bad.json": goal.replace('"peakRps": 20', '"peakRps": 0'),
      "bad.yml": "policy:\n  budgetBrakeRatio: 2\n",
    });
    expect(result.code).toBe(2);
    expect(result.out).toBe("");
    expect(result.err.startsWith(message)).toBe(true);
  });
});
