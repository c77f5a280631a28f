import { describe, expect, it } from "vitest";
import { designGoal } from "../../../../app/agents/atlas/index.js";
import type { GoalStatement, PlanSpec } from "../../../../app/contracts/generated/index.js";
import type { Component } from "../../../../app/contracts/generated/plan-spec.js";
import { readGoal } from "../../../../app/contracts/goal-intake.js";
import { examplePolicy } from "../../../support/atlas-policies.js";
import { readRepoFile } from "../../../support/repo-files.js";

const now = new Date("2026-11-27T00:00:00Z");
const policy = examplePolicy();

function example(file: string): GoalStatement {
  const read = readGoal(readRepoFile("schemas", "examples", file));
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.value.goal;
}

function plan(goal: GoalStatement): PlanSpec {
  const outcome = designGoal(goal, policy, { now });
  if (outcome.kind !== "PlanSpec") throw new Error(JSON.stringify(outcome.value.reasons));
  return outcome.value;
}

function component<K extends Component["kind"]>(
  spec: PlanSpec,
  kind: K,
): Extract<Component, { kind: K }> | undefined {
  return spec.components.find((c): c is Extract<Component, { kind: K }> => c.kind === kind);
}

function assumed(spec: PlanSpec): Map<string, { value: string; why: string }> {
  return new Map((spec.assumptions ?? []).map((a) => [a.field, { value: a.value, why: a.why }]));
}

const checkout = example("goal-web-api.json");

describe("the PlanSpec lists what Atlas assumed on the person's behalf", () => {
  it.each([
    [
      "goal-web-api.json",
      [
        "workload.architecture",
        "workload.cpu",
        "workload.memoryMb",
        "workload.perTaskRps",
        "traffic.requestBytes",
        "traffic.responseKb",
        "data.relational.engineVersion",
        "data.relational.workingSet",
        "data.relational.instanceClass",
        "data.cache.engineVersion",
        "data.cache.nodeType",
        "logs.bytesPerRequest",
        "logs.retentionDays",
        "network.natGbPerTask",
      ],
    ],
    [
      "goal-worker.json",
      [
        "workload.architecture",
        "workload.cpu",
        "workload.memoryMb",
        "workload.perTaskRps",
        "traffic.avgRps",
        "data.objectStorage.storageGb",
        "logs.bytesPerRequest",
        "logs.retentionDays",
        "network.natGbPerTask",
      ],
    ],
    ["goal-static-site.yaml", ["traffic.avgRps", "traffic.bytesPerRequest", "site.storageGb"]],
  ])("%s", (file, fields) => {
    expect([...assumed(plan(example(file))).keys()]).toEqual(fields);
  });

  it("agrees with the components it stands behind", () => {
    const spec = plan({ ...checkout, data: { ...checkout.data, cache: { engine: "redis" } } });
    const a = assumed(spec);
    const service = component(spec, "container-service")!.params;
    const db = component(spec, "database")!.params;
    const cache = component(spec, "cache")!.params;
    expect(a.get("workload.architecture")?.value).toBe("x86_64");
    expect(service.cpuArchitecture).toBe("X86_64");
    expect(a.get("workload.cpu")?.value).toBe(`${service.cpu} vCPU`);
    expect(a.get("workload.memoryMb")?.value).toBe(`${service.memoryMb.toLocaleString("en-US")} MiB`);
    expect(a.get("data.relational.engineVersion")?.value).toBe(`RDS for PostgreSQL ${db.engineVersion}`);
    expect(a.get("data.relational.instanceClass")?.value).toMatch(new RegExp(`^${db.instanceClass} \\(`));
    expect(a.get("data.cache.nodeType")?.value).toMatch(new RegExp(`^${cache.nodeType} \\(`));
    expect(a.get("data.cache.engineVersion")?.value).toBe(`ElastiCache for Redis OSS ${cache.engineVersion}`);
    expect(a.get("data.cache.memoryGb")?.value).toBe("1 GB");
  });

  it.each([
    ["workload.architecture", { workload: { ...checkout.workload, architecture: "x86_64" as const } }],
    ["workload.cpu", { workload: { ...checkout.workload, cpu: 2 as const } }],
    ["workload.memoryMb", { workload: { ...checkout.workload, memoryMb: 4096 } }],
    ["workload.perTaskRps", { workload: { ...checkout.workload, perTaskRps: 150 } }],
    ["traffic.avgRps", { traffic: { peakRps: 400, avgRps: 80 } }],
    ["data.cache.memoryGb", { data: { ...checkout.data, cache: { engine: "redis" as const, memoryGb: 2 } } }],
  ])("what the goal says is not assumed: %s", (field, override) => {
    expect(assumed(plan({ ...checkout, ...override })).has(field)).toBe(false);
  });

  it("an API asked for arm64 assumes no architecture and runs on Graviton", () => {
    const spec = plan({ ...checkout, workload: { ...checkout.workload, architecture: "arm64" } });
    expect(assumed(spec).has("workload.architecture")).toBe(false);
    expect(component(spec, "container-service")!.params.cpuArchitecture).toBe("ARM64");
  });
});

describe("a relaxed retry changes no assumed value silently", () => {
  it("the preferred design, unrelaxed, has no value marked as changed", () => {
    const spec = plan({ ...checkout, budget: { monthlyUsd: 1600 } });
    expect(spec.relaxations).toBeUndefined();
    expect((spec.assumptions ?? []).filter((a) => a.why.includes("relaxed retry:"))).toEqual([]);
  });

  it.each([1300, 1100])(
    "on $%s/month, every class a retry changed shows in the list, with its old value",
    (budget) => {
      const spec = plan({ ...checkout, budget: { monthlyUsd: budget } });
      const text = (spec.relaxations ?? []).join("\n");
      const changes = [
        ...text.matchAll(
          /((?:db|cache)\.[a-z0-9]+\.[a-z0-9]+) → [^,;]*?((?:db|cache)\.[a-z0-9]+\.[a-z0-9]+)/g,
        ),
      ];
      expect(changes.length).toBeGreaterThan(0);
      const list = spec.assumptions ?? [];
      for (const [, before, after] of changes) {
        const entry = list.find((a) => a.value.startsWith(`${after} (`));
        expect(entry?.why).toContain(`Changed by a relaxed retry: the preferred design had ${before} (`);
      }
    },
  );

  it("the lean retry's smaller working set is listed as changed from 10 %", () => {
    const spec = plan({ ...checkout, budget: { monthlyUsd: 1100 } });
    const set = assumed(spec).get("data.relational.workingSet");
    expect(set?.value).toBe("5 % of 100 GB (5 GiB) in memory");
    expect(set?.why).toContain("the preferred design had 10 % of 100 GB (10 GiB) in memory");
  });
});
