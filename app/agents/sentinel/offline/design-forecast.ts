import type { PlanSpec } from "../../../contracts/generated/plan-spec.js";
import type { CostForecast } from "../../../contracts/generated/validation-result.js";
import { roundCents } from "../cost/estimate.js";
import type { Forecast } from "../forecast.js";
import { freeTierServices, freeTierWords } from "../../../format/free-tier.js";
import { formatUsd } from "../../../format/money.js";
import { listSome, plural, type Reasons } from "../reasons.js";

function them(cost: PlanSpec["cost"]): string {
  return freeTierServices(cost).length > 1 ? "them" : "it";
}

/**
 * The forecast of an offline run: the design's own estimate, which Atlas made from the same price table as
 * Sentinel's (app/agents/pricing) with the usage the goal implies (requests, log and NAT volume). Pricing the
 * components again here would need Atlas's usage model a second time, or leave usage out and under-forecast.
 * A component without a cost line, a shared module (the KMS key, the ECS cluster) without a line of its own, or
 * lines that do not add up to the total is said, never passed over; the brake judges the larger of the total and
 * the lines' sum. A cdn-free-tier line is negative: the estimate without it is said beside the forecast.
 */
export function designForecast(spec: PlanSpec, sharedModules: readonly string[], reasons: Reasons): Forecast {
  const { cost } = spec;
  const priced = new Set(cost.lines.map((l) => l.component));
  const unpriced = [
    ...spec.components
      .filter((c) => !priced.has(c.id))
      .map((c) => `${c.id}: the design has no cost line for it`),
    ...sharedModules
      .filter((m) => !priced.has(m.replace(/^module\./, "").replace(/_/g, "-")))
      .map((m) => `${m}: shared by the stack, not a component of the design`),
  ];
  const sum = roundCents(cost.lines.reduce((total, line) => total + line.monthlyUsd, 0));
  if (Math.abs(sum - cost.monthlyUsd) > 0.01) {
    reasons.fail(
      `The design's cost lines add up to ${formatUsd(sum)}/month, not its total of ${formatUsd(cost.monthlyUsd)}: the brake judges the larger.`,
    );
  }
  const monthlyUsd = Math.max(sum, cost.monthlyUsd);
  reasons.pass(
    `The forecast is the design's estimate (no plan, no Infracost output): ${formatUsd(monthlyUsd)}/month from ${plural(cost.lines.length, "cost line")}, which Atlas priced from ${cost.priceSource} on ${cost.priceDate}, usage included as the goal implies it.`,
  );
  if (cost.monthlyUsdWithoutFreeTier !== undefined) {
    reasons.pass(
      `The estimate deducts ${freeTierWords(cost)}; without ${them(cost)} (when other stacks in the account use ${them(cost)}) the stack costs ${formatUsd(cost.monthlyUsdWithoutFreeTier)}/month.`,
    );
  }
  if (unpriced.length > 0) {
    reasons.pass(`Not in the design's estimate (${unpriced.length}): ${listSome(unpriced, 3, "; ")}.`);
  }
  const forecast: CostForecast = {
    monthlyUsd,
    source: "estimate",
    currency: "USD",
    ...(unpriced.length > 0 ? { unpriced } : {}),
    note: `The design's estimate (offline: no plan, no Infracost), priced by Atlas from ${cost.priceSource}, ${cost.priceDate}; Infracost prices the plan in the infracrew-plan workflow`,
  };
  return { monthlyUsd, cost: forecast };
}
