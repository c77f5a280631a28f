import fc from "fast-check";
import YAML from "yaml";
import { describe, expect, it } from "vitest";
import { readGoal } from "../../../app/contracts/goal-intake.js";
import { formatProblem } from "../../../app/contracts/problem.js";
import { goalArbitrary } from "../../support/goal-arbitrary.js";
import { goalFormBody } from "../../support/goal-form-body.js";
import { readRepoFile } from "../../support/repo-files.js";

const webApi = JSON.parse(readRepoFile("schemas/examples/goal-web-api.json")) as Record<string, unknown>;

function messages(text: string, format?: Parameters<typeof readGoal>[1]): string[] {
  const result = readGoal(text, format);
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe("readGoal: each source", () => {
  it("reads the issue-form body of the shared example", () => {
    const result = readGoal(readRepoFile("schemas/examples/goal-issue-form-body.md"));
    expect(result).toEqual({
      ok: true,
      value: {
        source: "issue-form",
        goal: {
          schemaVersion: "0.1",
          kind: "GoalStatement",
          cloud: "aws",
          name: "checkout-api",
          summary: "Public checkout REST API backed by Postgres",
          workload: { type: "web-api", image: "ghcr.io/acme/checkout:1.4.2" },
          region: "eu-west-1",
          environment: "prod",
          traffic: { peakRps: 400 },
          slo: { availability: 99.9, p95LatencyMs: 200 },
          data: { relational: { engine: "postgres", storageGb: 100 } },
          budget: { monthlyUsd: 1600 },
          compliance: ["pci"],
          tags: { team: "payments", "cost-center": "cc-42" },
        },
      },
    });
  });

  it.each([
    ["JSON", JSON.stringify(webApi, null, 2), "json"],
    ["YAML", YAML.stringify(webApi), "yaml"],
    [
      "a fenced json block",
      `Please build this:\n\n\`\`\`json\n${JSON.stringify(webApi, null, 2)}\n\`\`\`\nThanks!`,
      "fenced-json",
    ],
    [
      "a fenced yaml block",
      `Please build this:\n\n\`\`\`yaml\n${YAML.stringify(webApi)}\`\`\`\n`,
      "fenced-yaml",
    ],
    [
      "a fenced yml block among others",
      `\`\`\`sh\nls\n\`\`\`\n\n\`\`\`yml\n${YAML.stringify(webApi)}\`\`\`\n`,
      "fenced-yaml",
    ],
  ])("reads %s", (_name, text, source) => {
    const result = readGoal(text);
    expect(result.ok && result.value.source).toBe(source);
    expect(result.ok && result.value.goal).toEqual(webApi);
  });

  it("fills schemaVersion, kind and cloud when a pasted goal leaves them out", () => {
    const { schemaVersion: _s, kind: _k, cloud: _c, ...bare } = webApi;
    const result = readGoal(YAML.stringify(bare));
    expect(result.ok && result.value.goal).toEqual(webApi);
  });

  it("keeps a wrong kind as an error rather than overriding it", () => {
    expect(messages(JSON.stringify({ ...webApi, kind: "PlanSpec" }))).toEqual([
      'kind: must be "GoalStatement" (got "PlanSpec")',
    ]);
  });
});

describe("readGoal: bad input gets messages a person can act on", () => {
  const form = readRepoFile("schemas/examples/goal-issue-form-body.md");
  it.each([
    ["an empty text", "", ["the goal is empty"]],
    ["blank lines", "\n \n", ["the goal is empty"]],
    ["a scalar", "hello", ['a GoalStatement must be a mapping of fields (got "hello")']],
    ["a list", "[1, 2]", ["a GoalStatement must be a mapping of fields (got a list of 2)"]],
    ["binary", "ab\u0000cd", ["the goal is not text (it contains NUL bytes)"]],
    [
      "a trailing comma",
      '{\n  "name": "x",\n}',
      ["line 3, column 1: not valid JSON: Expected double-quoted property name"],
    ],
    [
      "unclosed JSON",
      '{"name": "x"',
      ["line 1, column 13: not valid JSON: Expected ',' or '}' after property value"],
    ],
    [
      "bad YAML",
      "name: a\n  b: c\n",
      ["line 1, column 7: not valid YAML: Nested mappings are not allowed in compact mappings"],
    ],
    [
      "markdown without a goal",
      "# Hi\n\nPlease make me a database.",
      ["no GoalStatement found: use the GoalStatement issue form, or paste a ```json or ```yaml block"],
    ],
    [
      "a negative peak",
      JSON.stringify({ ...webApi, traffic: { peakRps: -5 } }),
      ["traffic.peakRps: must be ≥ 1 (got -5)"],
    ],
    [
      "an unknown field",
      JSON.stringify({ ...webApi, budgett: 3 }),
      ['budgett: unknown field (did you mean "budget"?)'],
    ],
    [
      "a static site with an image",
      JSON.stringify({ ...webApi, workload: { type: "static-site", image: "nginx:1" }, data: undefined }),
      [
        'workload.image: does not apply to a static-site workload, only to web-api, worker, scheduled-job, stream-processor or serverless-api (got "nginx:1")',
      ],
    ],
    [
      "a worker without an image",
      JSON.stringify({ ...webApi, workload: { type: "worker" } }),
      ["workload.image: is required"],
    ],
    [
      "a form answer that is not a number, and one out of range",
      form.replace("\n400\n", "\nfour hundred\n").replace("\n99.9\n", "\n120\n"),
      [
        'slo.availability ("Availability SLO (%)"): must be ≤ 99.999 (got 120)',
        'traffic.peakRps ("Peak requests per second"): line 27, column 1: must be a number (got "four hundred")',
      ],
    ],
    [
      "a form with a misspelt heading",
      form.replace("### Tags", "### Tagz"),
      ['line 51, column 1: unknown form field "Tagz" (did you mean "Tags"?)'],
    ],
    [
      "a form database answer without a size unit it understands",
      form.replace("postgres, 100 GB", "a big postgres please"),
      [
        'data.relational ("Relational database"): line 39, column 1: must be an engine and a size, e.g. "postgres, 100 GB" (got "a big postgres please")',
      ],
    ],
  ])("%s", (_name, text, expected) => {
    expect(messages(text).sort()).toEqual([...expected].sort());
  });

  it("reports a too-large goal without parsing it", () => {
    expect(messages(`{"summary": "${"x".repeat(300 * 1024)}"}`)).toEqual([
      "the goal is too large (300.0 KiB; the limit is 256.0 KiB)",
    ]);
  });

  it("gives the line of a syntax error inside a fenced block, counted in the whole issue body", () => {
    expect(messages('Intro\n\n```json\n{\n  "name": "x",\n}\n```\n')).toEqual([
      "line 6, column 1: not valid JSON: Expected double-quoted property name",
    ]);
  });

  it("asks which block is the goal when several fenced blocks carry none", () => {
    expect(messages("```yaml\na: 1\n```\n\n```json\n{}\n```\n", "markdown")).toEqual([
      "found 2 fenced blocks and none says kind: GoalStatement; mark the goal's block with it",
    ]);
  });
});

describe("readGoal: properties", () => {
  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.string({ unit: "binary" })), (text) => {
        const result = readGoal(text);
        expect(typeof result.ok).toBe("boolean");
        if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it("reads any valid goal back the same from JSON, YAML, fenced blocks and the issue form", () => {
    fc.assert(
      fc.property(goalArbitrary, (goal) => {
        const sources = [
          JSON.stringify(goal),
          YAML.stringify(goal),
          `Text before\n\n\`\`\`json\n${JSON.stringify(goal, null, 2)}\n\`\`\`\n`,
          `\`\`\`yaml\n${YAML.stringify(goal)}\`\`\``,
          goalFormBody(goal),
        ];
        for (const text of sources) {
          const result = readGoal(text);
          expect(result.ok ? result.value.goal : result.problems).toEqual(goal);
        }
      }),
      { numRuns: 200 },
    );
  });
});
