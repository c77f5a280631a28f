import { describe, expect, it } from "vitest";
import { checkBudgetBrake } from "../../../../app/agents/sentinel/budget-brake.js";
import { compareWithProduct } from "../../../../app/agents/sentinel/decimal.js";

describe("the hard budget brake", () => {
  it.each([
    // forecast, budget, brake ratio, trips?, ratio
    [800, 1000, 0.8, true, 0.8],
    [799.99, 1000, 0.8, false, 0.7999],
    [800.01, 1000, 0.8, true, 0.8],
    [240, 300, 0.8, true, 0.8],
    [239.99, 300, 0.8, false, 0.7999],
    // 0.7 × 300 is 210.00000000000003 in floating point; the brake compares the decimals as written.
    [210, 300, 0.7, true, 0.7],
    [209.99, 300, 0.7, false, 0.6999],
    [0.3, 0.5, 0.6, true, 0.6],
    [1485.28, 1856.6, 0.8, true, 0.8],
    [1485.27, 1856.6, 0.8, false, 0.7999],
    [96.4, 300, 0.8, false, 0.3213],
    [0, 300, 0.8, false, 0],
    [300, 300, 1, true, 1],
    [299.99, 300, 1, false, 0.9999],
  ] as const)(
    "forecast $%s against budget $%s at %s: trips %s (ratio %s)",
    (forecast, budget, brake, trips, ratio) => {
      const check = checkBudgetBrake(forecast, budget, brake);
      expect(check.tripped).toBe(trips);
      expect(check.ratio).toBe(ratio);
    },
  );

  it("names the forecast, the budget and the ratio when it trips at exactly the brake", () => {
    expect(checkBudgetBrake(800, 1000, 0.8).reason).toBe(
      "Budget brake: the forecast of $800/month is 80 % of the $1,000 budget, at or above the brake at 80 % ($800).",
    );
  });

  it("names them too when it holds, one cent under", () => {
    expect(checkBudgetBrake(799.99, 1000, 0.8).reason).toBe(
      "Budget: the forecast of $799.99/month is 79.9 % of the $1,000 budget, under the brake at 80 % ($800).",
    );
  });

  it("trips for any forecast against a $0 budget, with no ratio", () => {
    expect(checkBudgetBrake(0, 0, 0.8)).toEqual({
      tripped: true,
      ratio: null,
      budgetUsd: 0,
      brakeRatio: 0.8,
      reason:
        "Budget brake: the forecast is $0.00/month and the budget is $0.00, so any forecast is at or above 80 % of it.",
    });
  });
});

it("trips for a forecast too large to be a number", () => {
  expect(checkBudgetBrake(Infinity, 1000, 0.8)).toMatchObject({ tripped: true, ratio: null });
});

describe("exact decimal comparison", () => {
  it.each([
    [210, 0.7, 300, 0],
    [210.00000000000003, 0.7, 300, 1],
    [0.3, 0.1, 3, 0],
    [1e-7, 1e-7, 1, 0],
    [1e21, 1e20, 10, 0],
    [-1, 1, 1, -1],
  ] as const)("%s against %s × %s is %s", (a, b, c, expected) => {
    expect(compareWithProduct(a, b, c)).toBe(expected);
  });
});
