import { describe, expect, it } from "vitest";
import type { PlanSpec } from "../../../app/contracts/generated/index.js";
import { renderPrBody } from "../../../app/render/pr-body/render-pr-body.js";
import { readRepoFile } from "../../support/repo-files.js";

const spec = JSON.parse(readRepoFile("test/golden/atlas/checkout-api.plan-spec.json")) as PlanSpec;

function section(body: string): string[] {
  const lines = body.split("\n");
  const start = lines.indexOf("### What Atlas assumed");
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && l.startsWith("### "));
  return lines.slice(start, end);
}

describe("the goal PR body shows what Atlas assumed", () => {
  it("one row per assumption of Atlas's checkout-api design, field, value and why, after the sizing", () => {
    const body = renderPrBody(spec, { issueNumber: 7 });
    const rows = section(body).filter((l) => l.startsWith("| `"));
    expect(spec.assumptions?.length).toBeGreaterThan(10);
    expect(rows).toHaveLength(spec.assumptions!.length);
    spec.assumptions!.forEach((a, i) => {
      expect(rows[i]).toContain(`| \`${a.field}\` | ${a.value} | `);
    });
    expect(body.indexOf("### Sizing and availability")).toBeLessThan(body.indexOf("### What Atlas assumed"));
  });

  it("keeps the goal's words out of the table's structure", () => {
    const hostile = {
      ...spec,
      assumptions: [{ field: "workload.cpu", value: "1 | 2", why: "<img src=x> @everyone" }],
    };
    const rows = section(renderPrBody(hostile, { issueNumber: 7 })).filter((l) => l.startsWith("| `"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).not.toContain("<img");
    expect(rows[0]!.split(" | ")).toHaveLength(3);
  });

  it("has no section when nothing was assumed", () => {
    const { assumptions: _none, ...bare } = spec;
    expect(section(renderPrBody(bare, { issueNumber: 7 }))).toEqual([]);
  });
});
