import type { BlockReason } from "../../contracts/generated/design-blocked.js";
import type { PlanSpec } from "../../contracts/generated/index.js";
import { formatUsd } from "../../format/money.js";
import { pct } from "./format.js";

/** The front doors Route 53 can health-check in what Forge renders: a load balancer's DNS name. */
const CHECKED_KINDS: ReadonlySet<string> = new Set(["load-balancer"]);

/** The domain's targets Forge cannot health-check (an HTTP API behind a custom domain has its endpoint off). */
export function uncheckedFrontDoors(plan: PlanSpec): string[] {
  const domain = plan.components.find((c) => c.kind === "domain");
  if (domain?.kind !== "domain") return [];
  return domain.params.targets.filter((id) => {
    const target = plan.components.find((c) => c.id === id);
    return target !== undefined && !CHECKED_KINDS.has(target.kind);
  });
}

export function frontDoorReason(plan: PlanSpec, unchecked: readonly string[]): BlockReason {
  return {
    code: "not-in-catalog",
    message: `Forge does not render health checks on ${unchecked.join(" and ")} yet: behind a custom domain the HTTP API turns its execute-api endpoint off, so Route 53 has no URL to check. The pair Atlas would design, ${plan.multiRegion?.mode ?? ""} in ${plan.regions?.join(" and ") ?? plan.region}: ${pct(plan.availability.composite)} for ${formatUsd(plan.cost.monthlyUsd)}/month (${plan.availability.explanation ?? ""})`,
    field: "regions",
    figures: {
      twoRegionAvailability: plan.availability.composite,
      twoRegionMonthlyUsd: plan.cost.monthlyUsd,
    },
  };
}
