/**
 * Pricers for the hourly- and monthly-billed types of the new shapes: EKS clusters and node groups, Kinesis streams,
 * MSK Serverless clusters, CloudWatch alarms and Route 53 health checks; instances with their launch templates'
 * volumes and detailed monitoring. Usage (GB, partitions) is not in a plan.
 */
import { HOURS_PER_MONTH, servicePrice } from "../../pricing/index.js";
import {
  CLOUDWATCH_ALARMS,
  ec2InstanceHourly,
  EKS,
  KINESIS,
  MSK_SERVERLESS,
} from "../../pricing/shape-prices.js";
import type { UnitPrice } from "../../pricing/types.js";
import type { ResourceView } from "../resources.js";
import { instanceExtras } from "./instance-extras.js";
import { numberOf, usd, value, type Priced, type Pricer, type PricingContext } from "./pricers.js";
import { healthCheck, secretWithReplicas } from "./region-pricers.js";

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

/**
 * The launch template an instance group launches: the one its expression names, else the one the same module
 * declares (terraform-aws-modules/autoscaling and eks's managed node groups write `aws_launch_template.this`).
 */
function launchTemplateOf(r: ResourceView, ctx: PricingContext): ResourceView | undefined {
  const named = (r.references?.launch_template ?? []).map((a) => ctx.find(a.replace(/\.(id|name)$/, "")));
  const prefix = r.address.slice(0, r.address.indexOf(r.type));
  const found = [
    ...named,
    ctx.find(`${prefix}aws_launch_template.this[0]`),
    ctx.find(`${prefix}aws_launch_template.this`),
  ];
  return found.find((t) => t?.type === "aws_launch_template");
}

/** `count` instances of `type` on demand, with the volumes and monitoring their launch template adds. */
function instances(
  type: string,
  count: number,
  template: ResourceView | undefined,
  ctx: PricingContext,
  note = "",
): Priced {
  const hours = perHour(
    ctx.memo(`ec2 ${ctx.region} ${type}`, ec2InstanceHourly, ctx.region, type),
    type,
    ctx,
    count,
  );
  if ("unpriced" in hours) return hours;
  const extras = template ? instanceExtras(template, count, ctx) : { extras: [] };
  if ("unpriced" in extras) return { unpriced: `its launch template: ${extras.unpriced}` };
  return {
    monthlyUsd: extras.extras.reduce((sum, e) => sum + e.monthlyUsd, hours.monthlyUsd),
    basis: [`${hours.basis}${note}`, ...extras.extras.map((e) => e.basis)].join(" + "),
  };
}

const eksNodeGroup: Pricer = (r, ctx) => {
  const types = value(r, "instance_types");
  const desired = blockOf(r, "scaling_config")?.desired_size;
  if (!Array.isArray(types) || typeof types[0] !== "string")
    return { unpriced: "instance_types is not known" };
  if (typeof desired !== "number") return { unpriced: "scaling_config.desired_size is not known" };
  return instances(types[0], desired, launchTemplateOf(r, ctx), ctx, " (the first instance type, on demand)");
};

/** An Auto Scaling group's desired instances of its launch template's type, on demand (a GPU service's capacity). */
const autoscalingGroup: Pricer = (r, ctx) => {
  const desired = numberOf(r, "desired_capacity");
  if (desired === undefined) return { unpriced: "desired_capacity is not known" };
  const template = launchTemplateOf(r, ctx);
  const type = template && value(template, "instance_type");
  if (typeof type !== "string") return { unpriced: "its launch template's instance_type is not in the plan" };
  return instances(type, desired, template, ctx);
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
  const priced = perHour(servicePrice(KINESIS, ctx.region, "shardHour"), "shard", ctx, shards);
  const retention = numberOf(r, "retention_period") ?? 24;
  if ("unpriced" in priced || retention <= 24) return priced;
  const extended = perHour(
    servicePrice(KINESIS, ctx.region, "extendedRetentionShardHour"),
    `shard of extended retention (${retention} h)`,
    ctx,
    shards,
  );
  if ("unpriced" in extended) return extended;
  return {
    monthlyUsd: priced.monthlyUsd + extended.monthlyUsd,
    basis: `${priced.basis} + ${extended.basis}; PUT payload units by usage`,
  };
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
  aws_autoscaling_group: autoscalingGroup,
  aws_kinesis_stream: kinesisStream,
  aws_msk_serverless_cluster: mskServerless,
  aws_cloudwatch_metric_alarm: (_r, ctx) =>
    perMonth(servicePrice(CLOUDWATCH_ALARMS, ctx.region, "alarmMonth"), "metric alarm", ctx),
  aws_route53_health_check: healthCheck,
  aws_secretsmanager_secret: secretWithReplicas,
};
