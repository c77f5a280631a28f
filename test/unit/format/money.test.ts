import { describe, expect, it } from "vitest";
import { formatPercent, formatUsd, formatUsdChange, groupThousands } from "../../../app/format/money.js";

describe("money", () => {
  it.each([
    [1485.28, "$1,485.28"],
    [3027.528, "$3,027.53"],
    [-2241.684, "-$2,241.68"],
    [0, "$0.00"],
    [0.004, "$0.00"],
    [1234567.5, "$1,234,567.50"],
    [1400, "$1,400"],
    [1399.999, "$1,400"],
    [-1400, "-$1,400"],
    [100, "$100"],
    [99.999, "$100"],
    [99, "$99.00"],
    [96.4, "$96.40"],
    [5, "$5.00"],
    [1265.4, "$1,265.40"],
    [400, "$400"],
    [12.4, "$12.40"],
    [0.5, "$0.50"],
    [-38.69, "-$38.69"],
    [1234567.8, "$1,234,567.80"],
  ])("formatUsd(%s) is %s", (usd, text) => {
    expect(formatUsd(usd)).toBe(text);
  });

  it("writes changes with a sign", () => {
    expect([formatUsdChange(96.4), formatUsdChange(-560.64), formatUsdChange(0)]).toEqual([
      "+$96.40",
      "-$560.64",
      "$0.00",
    ]);
  });

  it("cuts percentages, never rounding up to the brake", () => {
    expect([
      formatPercent(0.79999),
      formatPercent(0.8),
      formatPercent(0.3213),
      formatPercent(1.48528),
    ]).toEqual(["79.9 %", "80 %", "32.1 %", "148.5 %"]);
  });

  it.each([
    [0, "0"],
    [999, "999"],
    [1000, "1,000"],
    [1234567, "1,234,567"],
    [-1234567, "-1,234,567"],
  ])("groupThousands(%s) is %s", (whole, text) => {
    expect(groupThousands(whole)).toBe(text);
  });
});
