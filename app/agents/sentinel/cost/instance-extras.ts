/**
 * What an instance costs beyond its hours, read from the launch template it starts from: its EBS volumes and,
 * when the template turns it on, EC2 detailed monitoring. Both are billed per instance, so per desired instance.
 */
import { servicePrice, unitPrice } from "../../pricing/index.js";
import { EBS_GP3, EC2_DETAILED_MONITORING_METRICS } from "../../pricing/ec2-prices.js";
import type { ResourceView } from "../resources.js";
import { usd, value, type PricingContext } from "./pricers.js";

export interface Extra {
  readonly monthlyUsd: number;
  readonly basis: string;
}

export type Extras = { readonly extras: readonly Extra[] } | { readonly unpriced: string };

function records(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v)
    ? v.filter((x): x is Record<string, unknown> => typeof x === "object" && x !== null)
    : [];
}

/** The GB of each EBS volume the template maps, and their types; a volume with no size is not knowable. */
function volumes(template: ResourceView): { gb: number; type: string }[] | string {
  const out: { gb: number; type: string }[] = [];
  for (const mapping of records(value(template, "block_device_mappings"))) {
    const ebs = records(mapping.ebs)[0];
    if (!ebs) continue;
    if (typeof ebs.volume_size !== "number")
      return `the size of ${String(mapping.device_name)} is not in the plan`;
    out.push({ gb: ebs.volume_size, type: typeof ebs.volume_type === "string" ? ebs.volume_type : "gp2" });
  }
  return out;
}

/** The volumes and detailed monitoring of `count` instances launched from `template`. */
export function instanceExtras(template: ResourceView, count: number, ctx: PricingContext): Extras {
  const extras: Extra[] = [];
  const found = volumes(template);
  if (typeof found === "string") return { unpriced: found };
  const other = found.find((v) => v.type !== "gp3");
  if (other) return { unpriced: `${other.type} volumes are not priced offline (gp3 only)` };
  const gb = found.reduce((sum, v) => sum + v.gb, 0);
  if (gb > 0) {
    const price = servicePrice(EBS_GP3, ctx.region, "gbMonth");
    if (!price) return { unpriced: `no price for gp3 volumes in ${ctx.region}` };
    extras.push({ monthlyUsd: count * gb * price.usd, basis: `${count} × ${gb} GB gp3 × ${usd(price.usd)}` });
  }
  if (records(value(template, "monitoring"))[0]?.enabled === true) {
    const price = ctx.memo(
      `unit ${ctx.region} cloudwatch.metric-month`,
      unitPrice,
      ctx.region,
      "cloudwatch.metric-month",
    );
    if (!price) return { unpriced: `no price for CloudWatch metrics in ${ctx.region}` };
    const metrics = count * EC2_DETAILED_MONITORING_METRICS;
    extras.push({
      monthlyUsd: metrics * price.usd,
      basis: `${metrics} detailed-monitoring metrics × ${usd(price.usd)}`,
    });
  }
  return { extras };
}
