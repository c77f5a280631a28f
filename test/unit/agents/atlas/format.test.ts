import { describe, expect, it } from "vitest";
import { floorPercent, num, price } from "../../../../app/agents/atlas/format.js";

describe("Atlas number formatting", () => {
  it.each([
    [0.04048, "$0.04048"],
    [0.8, "$0.8"],
    [5, "$5"],
    [0.0000166667, "$0.0000166667"],
  ])("price(%s) = %s", (amount, text) => expect(price(amount)).toBe(text));

  it.each([
    [1200, 2, "1,200"],
    [259.2, 1, "259.2"],
    [1e7 / 1e6, 1, "10"],
    [1234.5678, 2, "1,234.57"],
    [-0.126, 2, "-0.13"],
    [-1234567.5, 1, "-1,234,567.5"],
  ])("num(%s, %s) = %s", (value, digits, text) => expect(num(value, digits)).toBe(text));

  it.each([
    [99.91999999, 99.9199],
    [99.9, 99.9],
    [99.89999, 99.8999],
  ])("floorPercent(%s) = %s", (value, floored) => expect(floorPercent(value)).toBe(floored));
});
