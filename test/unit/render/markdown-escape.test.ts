import { describe, expect, it } from "vitest";
import { PRICE_SOURCE } from "../../../app/agents/pricing/index.js";
import type { PlanSpec } from "../../../app/contracts/generated/index.js";
import type { ValidationResult } from "../../../app/contracts/generated/validation-result.js";
import { renderPrBody } from "../../../app/render/pr-body/render-pr-body.js";
import { renderRunReport } from "../../../app/render/run-report/render-run-report.js";
import { reportMarkdown } from "../../../app/render/sentinel/check-run.js";
import { renderCommentSection } from "../../../app/render/sentinel/comment-section.js";
import { renderSticky } from "../../../app/render/sticky-comment.js";
import { policyWith } from "../../support/policies.js";
import { prState } from "../../support/pr-states.js";
import { readRepoFile } from "../../support/repo-files.js";
import { failResult } from "../../support/sentinel-results.js";

const spec = JSON.parse(readRepoFile("schemas/examples/plan-spec-invoice-worker.json")) as PlanSpec;

/** Text people or tools wrote, with what must not reach GitHub as markup. */
const HOSTILE: readonly (readonly [string, string, readonly string[]])[] = [
  ["a script tag", "<script>alert(1)</script>", ["<script>"]],
  ["an HTML comment", "hide <!-- the rest --> here", ["<!--"]],
  ["an image tag", '<img src="x" onerror="alert(1)">', ["<img"]],
  ["backticks", "run `rm -rf /` now", ["`rm"]],
  ["a mention", "ping @everyone", ["@everyone"]],
  ["a line break", "one\n\n## injected", ["\n## injected"]],
];

function specWith(text: string): PlanSpec {
  const [line, ...lines] = spec.cost.lines;
  const [risk, ...risks] = spec.risks;
  const [alt, ...alts] = spec.alternatives;
  return {
    ...spec,
    summary: text,
    components: spec.components.map((c) => ({ ...c, rationale: text })),
    cost: { ...spec.cost, priceSource: text, lines: [{ ...line!, basis: text }, ...lines] },
    risks: [{ ...risk!, failure: text }, ...risks],
    alternatives: [{ ...alt!, reason: text }, ...alts],
    capacity: { ...spec.capacity, explanation: text },
  };
}

function resultWith(text: string): ValidationResult {
  const result = failResult();
  const [finding, ...findings] = result.findings;
  return {
    ...result,
    reasons: [text, ...result.reasons],
    cost: { ...result.cost, note: text },
    findings: [{ ...finding!, message: text, file: text }, ...findings],
  };
}

const SURFACES: readonly (readonly [string, (text: string) => string])[] = [
  ["the PR body", (text) => renderPrBody(specWith(text), { issueNumber: 7 })],
  [
    "the run report",
    (text) =>
      renderRunReport({
        goalFile: "goal.json",
        spec: specWith(text),
        result: resultWith(text),
        diagram: { rendered: false, why: "off" },
        files: ["report.md", "terraform/main.tf"],
      }),
  ],
  ["the check run", (text) => Object.values(reportMarkdown(resultWith(text))).join("\n\n")],
  ["the sticky comment's Sentinel section", (text) => renderCommentSection(resultWith(text))],
  [
    "the sticky comment's reasons",
    (text) =>
      renderSticky(
        prState("BLOCKED", { validation: { sha: "a".repeat(40), verdict: "FAIL", reasons: [text] } }),
        policyWith({}),
      ),
  ],
];

/** What GitHub shows: the markdown without Infracrew's own hidden markers (the sticky's state is JSON in one). */
function visible(markdown: string): string {
  return markdown.replace(/<!-- infracrew:[^]*? -->/g, "");
}

/** Each table's rows have as many cells as its header: no text broke out of its cell. */
function tableWidths(markdown: string): number[][] {
  const tables: number[][] = [];
  let current: number[] | undefined;
  for (const line of markdown.split("\n")) {
    if (!line.startsWith("|")) {
      current = undefined;
      continue;
    }
    if (!current) tables.push((current = []));
    current.push(line.split(/(?<!\\)\|/).length);
  }
  return tables;
}

describe("markdown that people's and tools' text goes into", () => {
  const cases = SURFACES.flatMap(([surface, render]) =>
    HOSTILE.map(([what, text, forbidden]) => [surface, what, render, text, forbidden] as const),
  );

  it.each(cases)("%s keeps %s as text", (_surface, _what, render, text, forbidden) => {
    const markdown = visible(render(text));
    for (const raw of forbidden) expect(markdown).not.toContain(raw);
    for (const widths of tableWidths(markdown)) expect(new Set(widths).size).toBe(1);
  });

  const tabled = SURFACES.filter(([surface]) => !surface.startsWith("the sticky"));
  it.each(tabled)("%s keeps a table cell whole when the text has pipes", (_surface, render) => {
    const markdown = render("a | b || c \\| d");
    const widths = tableWidths(markdown);
    expect(widths.length).toBeGreaterThan(0);
    for (const table of widths) expect(new Set(table).size).toBe(1);
  });

  it("shows the price source's <service> on GitHub", () => {
    const body = renderPrBody(
      { ...spec, cost: { ...spec.cost, priceSource: PRICE_SOURCE } },
      { issueNumber: 7 },
    );
    expect(body).toContain("(aws.amazon.com/&lt;service&gt;/pricing/)");
    const result = failResult();
    const report = reportMarkdown({ ...result, cost: { ...result.cost, note: `From ${PRICE_SOURCE}` } });
    expect(report.summary).toContain("(aws.amazon.com/&lt;service&gt;/pricing/)");
  });
});
