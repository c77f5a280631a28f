import {
  HOURS_PER_MONTH,
  auroraInstanceHourly,
  elasticacheNodeHourly,
  fargateTaskHourly,
  rdsInstanceHourly,
  rdsStorageGbMonth,
  unitPrice,
  type CpuArchitecture,
  type RelationalEngine,
  type UnitKey,
} from "../../pricing/index.js";
import { taskMemoryGb, taskVcpu } from "../ecs-units.js";
import { attribute, type ResourceView } from "../resources.js";

/** What pricing one resource gives: a monthly amount and how it was reached, or why it has no price. */
export type Priced = { readonly monthlyUsd: number; readonly basis: string } | { readonly unpriced: string };

export interface PricingContext {
  readonly region: string;
  /** A resource by address, to follow references (an ECS service to its task definition). */
  readonly find: (address: string) => ResourceView | undefined;
  /** A price looked up once per estimate: a plan has thousands of resources but few distinct prices. */
  readonly memo: <A extends unknown[], T>(key: string, lookup: (...args: A) => T, ...args: A) => T;
}

export type Pricer = (resource: ResourceView, ctx: PricingContext) => Priced;

export const usd = (n: number): string => `$${Number(n.toPrecision(6))}`;

export function value(resource: ResourceView, name: string): unknown {
  const attr = attribute(resource, name);
  return attr.state === "known" ? attr.value : undefined;
}

export function need(resource: ResourceView, name: string): string | undefined {
  const attr = attribute(resource, name);
  if (attr.state === "unknown") return `${name} is ${attr.why}`;
  if (attr.state === "absent") return `${name} is not set`;
  return undefined;
}

/** A whole number attribute (Terraform writes some as strings); `ifAbsent` when it is not set. */
export function numberOf(resource: ResourceView, name: string, ifAbsent?: number): number | undefined {
  const attr = attribute(resource, name);
  if (attr.state === "absent") return ifAbsent;
  if (attr.state === "unknown") return undefined;
  const v = attr.value;
  return typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : undefined;
}

function hourly(ctx: PricingContext, key: UnitKey, what: string, count = 1): Priced {
  const price = ctx.memo(`unit ${ctx.region} ${key}`, unitPrice, ctx.region, key);
  if (!price) return { unpriced: `no price for ${key} in ${ctx.region}` };
  const scaled = count === 1 ? "" : `${count} × `;
  return {
    monthlyUsd: price.usd * HOURS_PER_MONTH * count,
    basis: `${scaled}${what} × ${HOURS_PER_MONTH} h × ${usd(price.usd)}`,
  };
}

function engineOf(engine: unknown): RelationalEngine | undefined {
  if (typeof engine !== "string") return undefined;
  if (/postgres/.test(engine)) return "postgres";
  if (/mysql/.test(engine)) return "mysql";
  return undefined;
}

const dbInstance: Pricer = (r, ctx) => {
  const missing = need(r, "instance_class") ?? need(r, "engine");
  if (missing) return { unpriced: missing };
  const engine = engineOf(value(r, "engine"));
  if (!engine) return { unpriced: `engine ${JSON.stringify(value(r, "engine"))} is not priced offline` };
  const multiAz = value(r, "multi_az") === true;
  const instanceClass = String(value(r, "instance_class"));
  const instance = ctx.memo(
    `rds ${ctx.region} ${engine} ${instanceClass} ${multiAz}`,
    rdsInstanceHourly,
    ctx.region,
    engine,
    instanceClass,
    multiAz,
  );
  const storage = ctx.memo(`rds-gp3 ${ctx.region} ${multiAz}`, rdsStorageGbMonth, ctx.region, multiAz);
  const gb = numberOf(r, "allocated_storage", 0);
  if (!instance || !storage) return { unpriced: `no price for ${instanceClass} in ${ctx.region}` };
  if (gb === undefined)
    return { unpriced: `allocated_storage is ${need(r, "allocated_storage") ?? "not a number"}` };
  return {
    monthlyUsd: instance.usd * HOURS_PER_MONTH + gb * storage.usd,
    basis: `${instanceClass} ${multiAz ? "Multi-AZ" : "Single-AZ"} × ${HOURS_PER_MONTH} h × ${usd(instance.usd)} + ${gb} GB × ${usd(storage.usd)}`,
  };
};

const auroraInstance: Pricer = (r, ctx) => {
  const missing = need(r, "instance_class");
  if (missing) return { unpriced: missing };
  const instanceClass = String(value(r, "instance_class"));
  const engine = engineOf(value(r, "engine")) ?? "postgres";
  const price = ctx.memo(
    `aurora ${ctx.region} ${engine} ${instanceClass}`,
    auroraInstanceHourly,
    ctx.region,
    engine,
    instanceClass,
  );
  if (!price) return { unpriced: `no price for ${instanceClass} in ${ctx.region}` };
  return {
    monthlyUsd: price.usd * HOURS_PER_MONTH,
    basis: `${instanceClass} Aurora × ${HOURS_PER_MONTH} h × ${usd(price.usd)}; storage and I/O by usage`,
  };
};

function cacheNodes(nodes: number | undefined, r: ResourceView, ctx: PricingContext): Priced {
  const missing = need(r, "node_type");
  if (missing) return { unpriced: missing };
  if (nodes === undefined) return { unpriced: "the number of nodes is not known" };
  const nodeType = String(value(r, "node_type"));
  const price = ctx.memo(`cache ${ctx.region} ${nodeType}`, elasticacheNodeHourly, ctx.region, nodeType);
  if (!price) return { unpriced: `no price for ${nodeType} in ${ctx.region}` };
  return {
    monthlyUsd: price.usd * HOURS_PER_MONTH * nodes,
    basis: `${nodes} × ${nodeType} × ${HOURS_PER_MONTH} h × ${usd(price.usd)}`,
  };
}

const replicationGroup: Pricer = (r, ctx) => {
  const groups = numberOf(r, "num_node_groups", 0);
  const replicas = numberOf(r, "replicas_per_node_group", 0);
  const clusters = numberOf(r, "num_cache_clusters", 1);
  const nodes = groups && replicas !== undefined ? groups * (1 + replicas) : clusters;
  return cacheNodes(nodes, r, ctx);
};

const cacheCluster: Pricer = (r, ctx) => cacheNodes(numberOf(r, "num_cache_nodes", 1), r, ctx);

function taskDefinitionOf(r: ResourceView, ctx: PricingContext): ResourceView | undefined {
  const refs = r.references?.task_definition ?? [];
  for (const ref of refs) {
    const found = ctx.find(ref.replace(/\.(arn|arn_without_revision|family|revision|id)$/, ""));
    if (found?.type === "aws_ecs_task_definition") return found;
  }
  return undefined;
}

function architecture(task: ResourceView): CpuArchitecture {
  const platform = value(task, "runtime_platform");
  const first = Array.isArray(platform) ? (platform[0] as Record<string, unknown> | undefined) : undefined;
  return first?.cpu_architecture === "ARM64" ? "ARM64" : "X86_64";
}

const ecsService: Pricer = (r, ctx) => {
  const launch = value(r, "launch_type");
  if (launch !== undefined && launch !== "FARGATE")
    return { unpriced: `launch_type ${String(launch)} runs on EC2 capacity` };
  const task = taskDefinitionOf(r, ctx);
  if (!task) return { unpriced: "its task definition is not in the plan" };
  const vcpu = taskVcpu(value(task, "cpu"));
  const memory = taskMemoryGb(value(task, "memory"));
  const count = numberOf(r, "desired_count", 0);
  if (vcpu === undefined || memory === undefined || count === undefined) {
    return { unpriced: "the task's cpu, memory or desired_count is not known" };
  }
  const arch = architecture(task);
  const perHour = ctx.memo(
    `fargate ${ctx.region} ${arch} ${vcpu} ${memory}`,
    fargateTaskHourly,
    ctx.region,
    arch,
    vcpu,
    memory,
  );
  if (perHour === undefined) return { unpriced: `no Fargate price in ${ctx.region}` };
  return {
    monthlyUsd: perHour * HOURS_PER_MONTH * count,
    basis: `${count} tasks × ${HOURS_PER_MONTH} h × (${vcpu} vCPU + ${memory} GB, ${arch}) at ${usd(perHour)}/h`,
  };
};

const loadBalancer: Pricer = (r, ctx) => {
  const type = value(r, "load_balancer_type") ?? "application";
  if (type !== "application") return { unpriced: `a ${String(type)} load balancer is not priced offline` };
  const alb = hourly(ctx, "alb.hour", "ALB");
  const subnets = value(r, "subnets");
  if ("unpriced" in alb || value(r, "internal") === true || !Array.isArray(subnets)) return alb;
  const ip = hourly(ctx, "vpc.public-ipv4.hour", "public IPv4", subnets.length);
  if ("unpriced" in ip) return ip;
  return { monthlyUsd: alb.monthlyUsd + ip.monthlyUsd, basis: `${alb.basis} + ${ip.basis}; LCUs by usage` };
};

/** Pricers for the resource types Atlas's table prices; usage-based charges are not in a plan. */
export const PRICERS: Readonly<Record<string, Pricer>> = {
  aws_db_instance: dbInstance,
  aws_rds_cluster_instance: auroraInstance,
  aws_elasticache_replication_group: replicationGroup,
  aws_elasticache_cluster: cacheCluster,
  aws_ecs_service: ecsService,
  aws_lb: loadBalancer,
  aws_alb: loadBalancer,
  aws_nat_gateway: (_r, ctx) => hourly(ctx, "nat.hour", "NAT gateway"),
  aws_eip: (_r, ctx) => hourly(ctx, "vpc.public-ipv4.hour", "public IPv4"),
  aws_kms_key: (_r, ctx) => monthly(ctx, "kms.key-month", "KMS key"),
  aws_vpc_endpoint: (r, ctx) => {
    const type = value(r, "vpc_endpoint_type") ?? "Gateway";
    if (type === "Gateway")
      return { monthlyUsd: 0, basis: "a gateway endpoint has no hourly or per-GB charge" };
    if (type !== "Interface")
      return { unpriced: `an endpoint of type ${String(type)} is not priced offline` };
    const subnets = value(r, "subnet_ids");
    if (!Array.isArray(subnets))
      return { unpriced: "an interface endpoint's subnets (one billed AZ each) are not known in the plan" };
    const priced = hourly(ctx, "vpc.interface-endpoint.hour", "interface endpoint AZ", subnets.length);
    return "unpriced" in priced ? priced : { ...priced, basis: `${priced.basis}; GB processed by usage` };
  },
  aws_wafv2_web_acl: (r, ctx) => {
    const acl = monthly(ctx, "waf.web-acl-month", "web ACL");
    const rules = value(r, "rule");
    const count = Array.isArray(rules) ? rules.length : 0;
    const rule = monthly(ctx, "waf.rule-month", "rule", count);
    if ("unpriced" in acl || "unpriced" in rule || count === 0) return acl;
    return {
      monthlyUsd: acl.monthlyUsd + rule.monthlyUsd,
      basis: `${acl.basis} + ${rule.basis}; requests by usage`,
    };
  },
};

function monthly(ctx: PricingContext, key: UnitKey, what: string, count = 1): Priced {
  const price = ctx.memo(`unit ${ctx.region} ${key}`, unitPrice, ctx.region, key);
  if (!price) return { unpriced: `no price for ${key} in ${ctx.region}` };
  return {
    monthlyUsd: price.usd * count,
    basis: `${count === 1 ? "" : `${count} × `}${what} × ${usd(price.usd)}`,
  };
}
