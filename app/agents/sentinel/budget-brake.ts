import { compareWithProduct } from "./decimal.js";
import { formatPercent, formatUsd } from "../../format/money.js";

export interface BrakeCheck {
  readonly tripped: boolean;
  /** Forecast / budget, cut to four decimals (so it never reads as at the brake when it is under); null for no budget. */
  readonly ratio: number | null;
  readonly budgetUsd: number;
  readonly brakeRatio: number;
  /** Why the brake tripped or held, naming the forecast, the budget and the ratio. */
  readonly reason: string;
}

/**
 * The hard budget brake: trips when the forecast is at or above `brakeRatio × budget`, compared exactly (a
 * forecast of exactly the brake trips it). A budget of $0 trips it for any forecast.
 */
export function checkBudgetBrake(forecastUsd: number, budgetUsd: number, brakeRatio: number): BrakeCheck {
  const limit = formatUsd(budgetUsd * brakeRatio);
  const base = { budgetUsd, brakeRatio };
  if (!Number.isFinite(forecastUsd) || !Number.isFinite(budgetUsd)) {
    return {
      ...base,
      tripped: true,
      ratio: null,
      reason: `Budget brake: the forecast (${forecastUsd}) or the budget (${budgetUsd}) is not a finite amount.`,
    };
  }
  if (budgetUsd <= 0) {
    return {
      ...base,
      tripped: true,
      ratio: null,
      reason: `Budget brake: the forecast is ${formatUsd(forecastUsd)}/month and the budget is ${formatUsd(budgetUsd)}, so any forecast is at or above ${formatPercent(brakeRatio)} of it.`,
    };
  }
  const ratio = Math.floor((forecastUsd / budgetUsd) * 10000 + 1e-9) / 10000;
  const tripped = compareWithProduct(forecastUsd, brakeRatio, budgetUsd) >= 0;
  const share = `${formatPercent(forecastUsd / budgetUsd)} of the ${formatUsd(budgetUsd)} budget`;
  const reason = tripped
    ? `Budget brake: the forecast of ${formatUsd(forecastUsd)}/month is ${share}, at or above the brake at ${formatPercent(brakeRatio)} (${limit}).`
    : `Budget: the forecast of ${formatUsd(forecastUsd)}/month is ${share}, under the brake at ${formatPercent(brakeRatio)} (${limit}).`;
  return { ...base, tripped, ratio, reason };
}
