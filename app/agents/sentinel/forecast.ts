import type { CostForecast } from "../../contracts/generated/validation-result.js";
import { estimateCost } from "./cost/estimate.js";
import { formatUsd } from "../../format/money.js";
import { listSome, plural, type Reasons } from "./reasons.js";
import type { CostReport } from "./report.js";
import type { HclModel } from "./parsers/terraform-hcl.js";
import type { StackModel } from "./resources.js";

export interface Forecast {
  readonly cost: CostForecast;
  /** The monthly figure the brake judges; undefined when there is none to judge. */
  readonly monthlyUsd?: number;
}

export function fromInfracost(report: CostReport, reasons: Reasons): Forecast {
  if (report.incomplete) reasons.fail(`The cost forecast is incomplete: ${report.incomplete}.`);
  const projects = plural(report.projects.length, "project");
  return {
    monthlyUsd: report.monthlyUsd,
    cost: {
      monthlyUsd: report.monthlyUsd,
      ...(report.diffMonthlyUsd !== undefined ? { diffMonthlyUsd: report.diffMonthlyUsd } : {}),
      source: "infracost",
      currency: "USD",
      note: [`Infracost, ${projects}`, ...report.notes].join("; "),
    },
  };
}

function fromEstimate(model: StackModel, reasons: Reasons): Forecast {
  const estimate = estimateCost(model);
  // Without a plan, a module's resources are out of sight: its cost is not in the estimate either.
  const modules = model.source === "hcl" ? (model as HclModel).modules : [];
  const unpriced = [
    ...estimate.unpriced.map((u) => `${u.address}: ${u.why}`),
    ...modules.map((m) => `${m.address}: its resources are only in a plan`),
  ];
  const usage =
    estimate.usageOnly.length > 0
      ? `; ${plural(estimate.usageOnly.length, "resource")} billed by use count as $0`
      : "";
  const note = `Offline estimate from ${estimate.priceSource}, ${estimate.priceDate}; usage-based charges are not included`;
  const cost: CostForecast = {
    monthlyUsd: estimate.monthlyUsd,
    source: "estimate",
    currency: "USD",
    ...(unpriced.length > 0 ? { unpriced } : {}),
    note,
  };
  if (estimate.lines.length === 0 && unpriced.length > 0) {
    reasons.fail(
      `No cost forecast: there is no Infracost output, and the offline estimate priced nothing; it could not price ${listSome(unpriced, 3, "; ")}.`,
    );
    return { cost };
  }
  const basis =
    estimate.lines.length > 0
      ? `from ${plural(estimate.lines.length, "priced resource")}`
      : "as nothing in the stack has a fixed monthly price";
  reasons.pass(
    `The forecast is an offline estimate (no Infracost output): ${formatUsd(estimate.monthlyUsd)}/month ${basis}${usage}.`,
  );
  if (unpriced.length > 0) {
    reasons.pass(
      `${plural(unpriced.length, "resource")} could not be priced offline and ${unpriced.length === 1 ? "is" : "are"} not in the forecast: ${listSome(unpriced, 3, "; ")}.`,
    );
  }
  return { monthlyUsd: estimate.monthlyUsd, cost };
}

/** The monthly cost forecast: Infracost's when it ran, else the offline estimate from the plan or HCL. */
export function forecastCost(
  report: CostReport | undefined,
  model: StackModel | undefined,
  reasons: Reasons,
): Forecast {
  if (report) return fromInfracost(report, reasons);
  if (model) return fromEstimate(model, reasons);
  reasons.fail(
    "No cost forecast: there is no Infracost output, and no plan or Terraform files to estimate from.",
  );
  return {
    cost: {
      monthlyUsd: 0,
      source: "estimate",
      currency: "USD",
      note: "no forecast: nothing to estimate from",
    },
  };
}
