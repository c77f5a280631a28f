import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { designGoal } from "../../app/agents/atlas/index.js";
import type { GoalStatement, PlanSpec } from "../../app/contracts/generated/index.js";
import { readGoal } from "../../app/contracts/goal-intake.js";
import { defaultPolicy } from "../../app/contracts/policy-intake.js";
import { launchMermaidBrowser, type MermaidRenderer } from "../../app/platform/mermaid/render-mermaid.js";
import { examplePolicy } from "../support/atlas-policies.js";
import { readRepoFile } from "../support/repo-files.js";
import { svgText } from "../support/svg-text.js";

const browserTimeout = 120_000;
const now = new Date("2026-11-27T00:00:00Z");

function example(file: string): GoalStatement {
  const read = readGoal(readRepoFile("schemas", "examples", file));
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.value.goal;
}

function planOf(goal: GoalStatement): PlanSpec {
  const outcome = designGoal(goal, goal.tags?.team ? examplePolicy() : defaultPolicy(), { now });
  if (outcome.kind !== "PlanSpec") throw new Error(`expected a PlanSpec: ${JSON.stringify(outcome.value)}`);
  return outcome.value;
}

const webApi = example("goal-web-api.json");
const cases: [string, GoalStatement][] = [
  ["goal-web-api.json", webApi],
  ["goal-static-site.yaml", example("goal-static-site.yaml")],
  ["goal-worker.json", example("goal-worker.json")],
  ["goal-issue-form-body.md", example("goal-issue-form-body.md")],
  [
    "a 99.95 % API on Aurora over 3 AZs, with a bucket",
    {
      ...webApi,
      name: "ledger-api",
      slo: { availability: 99.95 },
      budget: { monthlyUsd: 4000 },
      data: { ...webApi.data, objectStorage: { buckets: ["statements"] } },
    },
  ],
  [
    "a dev API on a single task",
    {
      ...webApi,
      name: "sandbox-api",
      environment: "dev",
      slo: { availability: 95 },
      budget: { monthlyUsd: 700 },
      compliance: [],
    },
  ],
];

describe("Atlas diagrams render with the foundation's Mermaid renderer", () => {
  let renderer: MermaidRenderer;

  beforeAll(async () => {
    renderer = await launchMermaidBrowser();
  }, browserTimeout);

  afterAll(async () => {
    await renderer?.close();
  }, browserTimeout);

  it.each(cases)(
    "%s: an SVG with every component and each AZ",
    async (_name, goal) => {
      const plan = planOf(goal);
      const svg = await renderer.render(plan.diagram.mermaid, { svgId: plan.name });
      expect(svg.startsWith("<svg")).toBe(true);
      const text = svgText(svg);
      const labels = [
        ...plan.components.map((c) => `${c.id}:`),
        ...Array.from(
          { length: plan.pattern === "static-site" ? 0 : plan.capacity.azCount! },
          (_, i) => `AZ ${i + 1}`,
        ),
        `AWS ${plan.region}`,
      ];
      expect(labels.filter((label) => !text.includes(label))).toEqual([]);
    },
    browserTimeout,
  );
});
