import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../../../app/agents/sentinel/evaluate.js";
import { parseTerraformPlan, parseToolOutput } from "../../../../app/agents/sentinel/parsers/index.js";
import type { ToolOutcome } from "../../../../app/agents/sentinel/report.js";
import { SCANNER_TOOLS } from "../../../../app/agents/sentinel/tools.js";
import { listRepoDir } from "../../../support/repo-files.js";
import { evaluation } from "../../../support/sentinel-evaluate.js";
import { fixture } from "../../../support/sentinel-fixtures.js";

const FIXTURES = ["checkov", "conftest", "infracost", "sarif", "terraform", "tfsec", "trivy"].flatMap((dir) =>
  listRepoDir("test", "fixtures", dir).map((f) => `${dir}/${f}`),
);

const source = { file: "random.json" };

function parseAll(text: string) {
  const outcomes: ToolOutcome[] = SCANNER_TOOLS.map((tool) => {
    const result = parseToolOutput(tool, text, source);
    return result.ok
      ? { tool, status: "ran", report: result.value }
      : { tool, status: "failed", reason: result.problems[0]!.message };
  });
  const plan = parseTerraformPlan(text, source);
  return { outcomes, plan };
}

/** Replaces one value somewhere inside `data` (or deletes it), at a path chosen by `picks`. */
function mutate(data: unknown, picks: readonly number[], replacement: unknown, remove: boolean): unknown {
  if (picks.length === 0 || data === null || typeof data !== "object") return replacement;
  const keys = Object.keys(data);
  if (keys.length === 0) return replacement;
  const key = keys[picks[0]! % keys.length]!;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(data) ? [...data] : { ...(data as object) };
  if (remove && picks.length === 1) {
    if (Array.isArray(copy)) copy.splice(Number(key), 1);
    else delete copy[key];
    return copy;
  }
  (copy as Record<string, unknown>)[key] = mutate(
    (data as Record<string, unknown>)[key],
    picks.slice(1),
    replacement,
    remove,
  );
  return copy;
}

describe("random input to every parser", () => {
  it("never throws, whatever the JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value) ?? "null";
        expect(() => parseAll(text)).not.toThrow();
      }),
      { numRuns: 400 },
    );
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(() => parseAll(text)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on a real output with one value changed or removed", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FIXTURES),
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        fc.jsonValue({ maxDepth: 2 }),
        fc.boolean(),
        (file, picks, replacement, remove) => {
          const text = JSON.stringify(mutate(JSON.parse(fixture(file)), picks, replacement, remove));
          const { outcomes, plan } = parseAll(text);
          expect(() =>
            evaluate(evaluation({ toolReports: outcomes, ...(plan.ok ? { plan: plan.value } : {}) })),
          ).not.toThrow();
        },
      ),
      { numRuns: 500 },
    );
  });

  it("never gives a PASS, given as every tool's output and as the plan", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const { outcomes, plan } = parseAll(JSON.stringify(value) ?? "null");
        const result = evaluate(
          evaluation({ toolReports: outcomes, ...(plan.ok ? { plan: plan.value } : {}) }),
        );
        expect(result.verdict).toBe("FAIL");
      }),
      { numRuns: 400 },
    );
  });
});
