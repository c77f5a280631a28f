import { describe, expect, it } from "vitest";
import { closest, formatProblem, joinPath, showValue } from "../../../app/contracts/problem.js";

describe("showValue", () => {
  it.each([
    [-5, "-5"],
    ["400", '"400"'],
    [true, "true"],
    [null, "null"],
    [undefined, "nothing"],
    [[], "an empty list"],
    [[1, 2], "a list of 2"],
    [{ a: 1 }, "a mapping"],
    ["x".repeat(61), `"${"x".repeat(60)}…", 61 characters`],
    ["line\nbreak", '"line\\nbreak"'],
  ])("shows %j as %s", (value, shown) => {
    expect(showValue(value)).toBe(shown);
  });
});

describe("joinPath", () => {
  it.each([
    [[], ""],
    [["traffic", "peakRps"], "traffic.peakRps"],
    [["compliance", 0], "compliance[0]"],
    [["tags", "cost-center"], 'tags["cost-center"]'],
    [["components", 3, "params", "cpu"], "components[3].params.cpu"],
  ] as [(string | number)[], string][])("joins %j as %s", (segments, joined) => {
    expect(joinPath(segments)).toBe(joined);
  });
});

describe("closest", () => {
  it.each([
    ["regoin", ["region", "name"], "region"],
    ["webapi", ["web-api", "worker"], "web-api"],
    ["PASS", ["PASS", "FAIL"], "PASS"],
    ["zzzzzz", ["region", "name"], undefined],
  ])("suggests for %s", (word, candidates, expected) => {
    expect(closest(word, candidates)).toBe(expected);
  });
});

describe("formatProblem", () => {
  it.each([
    [{ path: "traffic.peakRps", message: "must be ≥ 1 (got -5)" }, "traffic.peakRps: must be ≥ 1 (got -5)"],
    [{ path: "", message: "not valid JSON: x", line: 3, column: 7 }, "line 3, column 7: not valid JSON: x"],
    [
      { path: "slo.availability", label: "Availability SLO (%)", message: "must be ≤ 99.999 (got 120)" },
      'slo.availability ("Availability SLO (%)"): must be ≤ 99.999 (got 120)',
    ],
  ])("formats %j", (problem, text) => {
    expect(formatProblem(problem)).toBe(text);
  });
});
