import type { PlanSpec } from "../../app/contracts/generated/index.js";

type CostItem = NonNullable<PlanSpec["cost"]["lines"][number]["item"]>;
type Inputs = Readonly<Record<string, unknown>>;

/** One thing a rendered block is billed for, and the cost line that must price it. */
interface Billed {
  /** What AWS bills, as its resource type (and the dimension, when the type bills several). */
  readonly what: string;
  readonly item: CostItem;
  /** The line's basis names the quantity it prices. */
  readonly mentions: (inputs: Inputs) => RegExp;
  /** Billed only when the block's inputs turn it on; always when absent. */
  readonly when?: (inputs: Inputs) => boolean;
}

/**
 * A rendered block: billed for some things (each needs a line of its component), or free with the reason. Its
 * component is its label, or what `owner` makes of it for a block that renders part of a component (`job_runner`).
 */
type Billing = (
  { readonly billed: readonly Billed[]; readonly free?: string } | { readonly free: string }
) & { readonly owner?: (label: string) => string };

const on = (name: string) => (i: Inputs) => i[name] === true;
const text = (re: RegExp) => () => re;

function containerInsights(i: Inputs): boolean {
  const settings = Array.isArray(i.setting) ? (i.setting as Inputs[]) : [];
  return settings.some((s) => s.name === "containerInsights" && s.value !== "disabled");
}

function nonEmpty(name: string) {
  return (i: Inputs) => Array.isArray(i[name]) && (i[name] as unknown[]).length > 0;
}

const DATABASE: Billing = {
  billed: [
    { what: "aws_db_instance / aws_rds_cluster_instance", item: "database", mentions: text(/× 730 h/) },
    {
      what: "aws_secretsmanager_secret (the managed master user password)",
      item: "database",
      mentions: text(/master user secret/),
      when: on("manage_master_user_password"),
    },
    {
      what: "aws_cloudwatch_log_group (log exports)",
      item: "database",
      mentions: text(/database logs/),
      when: (i) => nonEmpty("enabled_cloudwatch_logs_exports")(i),
    },
  ],
  free: "parameter and subnet groups, the monitoring role",
};

/**
 * Every module source and resource type Forge renders, and what AWS bills for it. A block whose source or type is
 * not here fails the coverage test, so a new resource cannot go unpriced: list it as billed (with its cost line
 * item) or as free (with why).
 */
export const RENDERED_BILLING: Readonly<Record<string, Billing>> = {
  "module terraform-aws-modules/kms/aws": {
    billed: [{ what: "aws_kms_key", item: "kms-key", mentions: text(/customer managed key/) }],
    free: "aws_kms_alias",
  },
  "module terraform-aws-modules/vpc/aws": {
    billed: [
      {
        what: "aws_nat_gateway (hours) and its aws_eip",
        item: "nat-gateway",
        mentions: text(/NAT gateways? × 730 h/),
        when: on("enable_nat_gateway"),
      },
      {
        what: "aws_nat_gateway (GB processed)",
        item: "nat-processing",
        mentions: text(/GB through NAT/),
        when: on("enable_nat_gateway"),
      },
      {
        what: "aws_flow_log and its aws_cloudwatch_log_group",
        item: "flow-logs",
        mentions: text(/GB flow logs ingested .* stored/),
        when: on("enable_flow_log"),
      },
    ],
    free: "aws_vpc, subnets, route tables, the internet gateway, the default security group",
  },
  "module terraform-aws-modules/ecs/aws//modules/cluster": {
    billed: [
      {
        what: "Container Insights metrics and performance events",
        item: "container-insights",
        mentions: text(/Container Insights metrics/),
        when: containerInsights,
      },
    ],
    free: "aws_ecs_cluster; its ECS Exec log group holds only what operators' exec sessions write",
  },
  "module terraform-aws-modules/ecs/aws//modules/service": {
    billed: [
      {
        what: "aws_ecs_service (Fargate tasks), or a scheduled task's runs",
        item: "tasks",
        mentions: (i) => (i.create_service === false ? /runs × .* task-hours/ : /tasks × 730 h/),
      },
      {
        what: "the container's own aws_cloudwatch_log_group (made when no log-group component holds its logs)",
        item: "logs",
        mentions: text(/ingested/),
        when: (i) =>
          !JSON.stringify(i.container_definitions ?? {}).includes('"create_cloudwatch_log_group":false'),
      },
    ],
    free: "task definition, IAM roles, security group, autoscaling target and policy",
  },
  "module terraform-aws-modules/alb/aws": {
    billed: [
      { what: "aws_lb (hours, LCUs, public IPv4)", item: "load-balancer", mentions: text(/730 h .* LCU/) },
      {
        what: "data transfer out of the responses (to the internet, or over the VPN to an internal ALB's callers)",
        item: "internet-egress",
        mentions: text(/GB out to (?:the internet|callers on the corporate network)/),
      },
    ],
    free: "listeners, target groups, security group, the web ACL association",
  },
  "module terraform-aws-modules/cloudfront/aws": {
    billed: [
      { what: "aws_cloudfront_distribution", item: "cdn", mentions: text(/GB out .* HTTPS requests/) },
      { what: "its always-free allowance", item: "cdn-free-tier", mentions: text(/always-free allowance/) },
    ],
    free: "origin access control",
  },
  "module terraform-aws-modules/rds/aws": DATABASE,
  "module terraform-aws-modules/rds-aurora/aws": DATABASE,
  "module terraform-aws-modules/elasticache/aws": {
    billed: [
      { what: "aws_elasticache_replication_group", item: "cache", mentions: text(/cache\.\S+ × 730 h/) },
      {
        what: "aws_cloudwatch_log_group (slow log)",
        item: "cache",
        mentions: text(/slow log/),
        when: (i) =>
          typeof i.log_delivery_configuration === "object" && i.log_delivery_configuration !== null,
      },
    ],
    free: "subnet and parameter groups, security group",
  },
  "module terraform-aws-modules/s3-bucket/aws": {
    billed: [
      { what: "aws_s3_bucket (storage and requests)", item: "object-storage", mentions: text(/GB × /) },
    ],
    free: "bucket settings and policies",
  },
  "module terraform-aws-modules/sqs/aws": {
    billed: [
      {
        what: "aws_sqs_queue and its dead-letter queue",
        item: "queue",
        mentions: text(/M requests/),
        when: (i) => !String(i.name).endsWith("-dead-letters"),
      },
    ],
    free: "queue policies; a scheduled task's dead-letter queue, which holds only the starts Scheduler could not deliver (none expected), within SQS's always-free million requests a month",
  },
  "module terraform-aws-modules/step-functions/aws": {
    billed: [
      { what: "state transitions", item: "workflow", mentions: text(/state transitions \(/) },
      { what: "its always-free allowance", item: "workflow-free-tier", mentions: text(/always-free/) },
    ],
    free: "its IAM role; its log group gets ERROR-level events only, without execution data (a few KB a month)",
    owner: (label) => label.replace(/_runner$/, ""),
  },
  "resource aws_scheduler_schedule": {
    billed: [
      { what: "invocations", item: "schedule", mentions: text(/scheduled invocations/) },
      { what: "its always-free allowance", item: "schedule-free-tier", mentions: text(/always-free/) },
    ],
  },
  "module terraform-aws-modules/cloudwatch/aws//modules/metric-alarm": {
    billed: [{ what: "aws_cloudwatch_metric_alarm", item: "alarms", mentions: text(/\d+ metric alarms/) }],
    owner: (label) => label.replace(/_(failed|not_started)$/, ""),
  },
  "module terraform-aws-modules/sns/aws": {
    free: "an alarm topic: a few notifications a month, within SNS's always-free million publishes",
  },
  "module terraform-aws-modules/iam/aws//modules/iam-role": { free: "IAM roles are not billed" },
  "module terraform-aws-modules/cloudwatch/aws//modules/log-group": {
    billed: [{ what: "aws_cloudwatch_log_group", item: "logs", mentions: text(/GB .*ingested .* stored/) }],
  },
  "module terraform-aws-modules/security-group/aws": { free: "security groups and rules are not billed" },
  "resource aws_wafv2_web_acl": {
    billed: [
      {
        what: "aws_wafv2_web_acl (the ACL, each rule, inspected requests)",
        item: "waf",
        mentions: (i) =>
          new RegExp(`1 web ACL .* ${(i.rule as unknown[]).length} rules .* requests inspected`),
      },
    ],
  },
  "resource aws_vpc_endpoint": { free: "a gateway endpoint (S3) has no hourly or per-GB charge" },
  "data aws_partition": { free: "a data source" },
  "data aws_caller_identity": { free: "a data source" },
  "data aws_availability_zones": { free: "a data source" },
};

export interface RenderedBlock {
  /** `module <source>`, `resource <type>` or `data <type>`. */
  readonly key: string;
  readonly label: string;
  readonly inputs: Inputs;
}

/** Every module, resource and data block of a parsed stack (hcl2json's shape: each label maps to a list). */
export function renderedBlocks(bodies: readonly Record<string, unknown>[]): RenderedBlock[] {
  const out: RenderedBlock[] = [];
  for (const body of bodies) {
    const modules = (body.module ?? {}) as Record<string, Inputs[]>;
    for (const [label, [inputs]] of Object.entries(modules))
      out.push({ key: `module ${String(inputs!.source)}`, label, inputs: inputs! });
    for (const kind of ["resource", "data"] as const) {
      const types = (body[kind] ?? {}) as Record<string, Record<string, Inputs[]>>;
      for (const [type, byLabel] of Object.entries(types))
        for (const [label, [inputs]] of Object.entries(byLabel))
          out.push({ key: `${kind} ${type}`, label, inputs: inputs! });
    }
  }
  return out;
}

/**
 * What the PlanSpec's cost lines leave out of what the stack renders: a block not in the table, a billed thing
 * without its line (the component is the block's label), a line whose basis does not price it, and a line that
 * prices nothing rendered.
 */
export function billingProblems(blocks: readonly RenderedBlock[], cost: PlanSpec["cost"]): string[] {
  const problems: string[] = [];
  const used = new Set<number>();
  for (const block of blocks) {
    const billing = RENDERED_BILLING[block.key];
    if (!billing) {
      problems.push(`${block.key} "${block.label}": not in the billing table (neither billed nor free)`);
      continue;
    }
    if (!("billed" in billing)) continue;
    const component = (billing.owner?.(block.label) ?? block.label).replace(/_/g, "-");
    for (const billed of billing.billed) {
      if (billed.when && !billed.when(block.inputs)) continue;
      const index = cost.lines.findIndex((l) => l.component === component && l.item === billed.item);
      if (index < 0) {
        problems.push(
          `${block.key} "${block.label}": ${billed.what} has no ${component} ${billed.item} cost line`,
        );
        continue;
      }
      used.add(index);
      const pattern = billed.mentions(block.inputs);
      if (!pattern.test(cost.lines[index]!.basis))
        problems.push(
          `${component} ${billed.item}: the basis does not price ${billed.what} (${String(pattern)})`,
        );
    }
  }
  cost.lines.forEach((line, i) => {
    if (!used.has(i))
      problems.push(`${line.component} ${line.item ?? ""}: a cost line for nothing the stack renders`);
  });
  return problems;
}
