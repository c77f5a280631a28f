/**
 * Pricers for the hourly- and monthly-billed types of the new shapes: EKS clusters and node groups, Kinesis streams,
 * MSK Serverless clusters, CloudWatch alarms and Route 53 health checks. Usage (GB, partitions) is not in a plan.
 */
import { HOURS_PER_MONTH, servicePrice } from "../../pricing/index.js";
import {
  CLOUDWATCH_ALARMS,
  ec2InstanceHourly,
  EKS,
  KINESIS,
  MSK_SERVERLESS,
  ROUTE53,
} from "../../pricing/shape-prices.js";
import type { UnitPrice } from "../../pricing/types.js";
import type { ResourceView } from "../resources.js";
import { numberOf, usd, value, type Priced, type Pricer, type PricingContext } from "./pricers.js";

function perHour(price: UnitPrice | undefined, what: string, ctx: PricingContext, count = 1): Priced {
  if (!price) return { unpriced: `no price for ${what} in ${ctx.region}` };
  return {
    monthlyUsd: price.usd * HOURS_PER_MONTH * count,
    basis: `${count === 1 ? "" : `${count} × `}${what} × ${HOURS_PER_MONTH} h × ${usd(price.usd)}`,
  };
}

function perMonth(price: UnitPrice | undefined, what: string, ctx: PricingContext): Priced {
  if (!price) return { unpriced: `no price for ${what} in ${ctx.region}` };
  return { monthlyUsd: price.usd, basis: `${what} × ${usd(price.usd)}` };
}

/** The first element of a nested block as Terraform's plan JSON writes it (a list of one object). */
function blockOf(r: ResourceView, name: string): Record<string, unknown> | undefined {
  const v = value(r, name);
  return Array.isArray(v) && typeof v[0] === "object" && v[0] !== null
    ? (v[0] as Record<string, unknown>)
    : undefined;
}

const eksCluster: Pricer = (r, ctx) => {
  const extended = blockOf(r, "upgrade_policy")?.support_type === "EXTENDED";
  const key = extended ? "extendedClusterHour" : "clusterHour";
  return perHour(
    servicePrice(EKS, ctx.region, key),
    `EKS cluster (${extended ? "extended" : "standard"} support)`,
    ctx,
  );
};

const eksNodeGroup: Pricer = (r, ctx) => {
  const types = value(r, "instance_types");
  const desired = blockOf(r, "scaling_config")?.desired_size;
  if (!Array.isArray(types) || typeof types[0] !== "string")
    return { unpriced: "instance_types is not known" };
  if (typeof desired !== "number") return { unpriced: "scaling_config.desired_size is not known" };
  const type = types[0];
  const priced = perHour(
    ctx.memo(`ec2 ${ctx.region} ${type}`, ec2InstanceHourly, ctx.region, type),
    type,
    ctx,
    desired,
  );
  return "unpriced" in priced
    ? priced
    : { ...priced, basis: `${priced.basis} (the first instance type, on demand)` };
};

const kinesisStream: Pricer = (r, ctx) => {
  const mode = blockOf(r, "stream_mode_details")?.stream_mode;
  if (mode === "ON_DEMAND") {
    const priced = perHour(servicePrice(KINESIS, ctx.region, "onDemandStreamHour"), "on-demand stream", ctx);
    return "unpriced" in priced
      ? priced
      : { ...priced, basis: `${priced.basis}; GB written and read by usage` };
  }
  const shards = numberOf(r, "shard_count");
  if (shards === undefined) return { unpriced: "shard_count is not known" };
  return perHour(servicePrice(KINESIS, ctx.region, "shardHour"), "shard", ctx, shards);
};

const mskServerless: Pricer = (_r, ctx) => {
  const priced = perHour(
    servicePrice(MSK_SERVERLESS, ctx.region, "clusterHour"),
    "MSK Serverless cluster",
    ctx,
  );
  return "unpriced" in priced
    ? priced
    : { ...priced, basis: `${priced.basis}; partitions, storage and GB by usage` };
};

export const SHAPE_PRICERS: Readonly<Record<string, Pricer>> = {
  aws_eks_cluster: eksCluster,
  aws_eks_node_group: eksNodeGroup,
  aws_kinesis_stream: kinesisStream,
  aws_msk_serverless_cluster: mskServerless,
  aws_cloudwatch_metric_alarm: (_r, ctx) =>
    perMonth(servicePrice(CLOUDWATCH_ALARMS, ctx.region, "alarmMonth"), "metric alarm", ctx),
  aws_route53_health_check: (_r, ctx) =>
    perMonth(servicePrice(ROUTE53, ctx.region, "healthCheckMonth"), "health check", ctx),
};
