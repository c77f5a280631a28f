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
  /** The component whose line prices it, from the block's label; the label itself when absent. */
  readonly component?: (label: string) => string;
}

/**
 * A rendered block: billed for some things (each needs a line of its component), or free with the reason. Its
 * component is its label, or what `owner` makes of it for a block that renders part of a component (`job_runner`).
 */
type Billing = (
  { readonly billed: readonly Billed[]; readonly free?: string } | { readonly free: string }
) & { readonly owner?: (label: string) => string };

const on = (name: string) => (i: Inputs) => i[name] === true;

/** A Kinesis stream's capacity mode, from its stream_mode_details block. */
function kinesisMode(i: Inputs): unknown {
  const details = i.stream_mode_details;
  return Array.isArray(details) ? (details[0] as Inputs | undefined)?.stream_mode : undefined;
}
const text = (re: RegExp) => () => re;

function containerInsights(i: Inputs): boolean {
  const settings = Array.isArray(i.setting) ? (i.setting as Inputs[]) : [];
  return settings.some((s) => s.name === "containerInsights" && s.value !== "disabled");
}

function nonEmpty(name: string) {
  return (i: Inputs) => Array.isArray(i[name]) && (i[name] as unknown[]).length > 0;
}

/** A GPU service's instances (`<service>_instances`) are priced on the service's lines. */
const ofService = (label: string) => label.replace(/_instances$/, "");

interface NodeGroupInputs {
  readonly name: string;
  readonly type: string;
  readonly desired: number;
  readonly diskGb: number;
}

/** The EKS module's managed node groups, as rendered. */
function nodeGroups(i: Inputs): NodeGroupInputs[] {
  const groups = (i.eks_managed_node_groups ?? {}) as Record<string, Inputs>;
  return Object.values(groups).map((g) => {
    const ebs = ((g.block_device_mappings as Inputs | undefined)?.xvda as Inputs | undefined)?.ebs as
      Inputs | undefined;
    return {
      name: String(g.name),
      type: String((g.instance_types as string[])[0]),
      desired: Number(g.desired_size),
      diskGb: Number(ebs?.volume_size ?? 20),
    };
  });
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
    {
      what: "the write I/Os an Aurora global database replicates into its secondary",
      item: "database",
      mentions: text(/replicated write/),
      when: (i) => i.is_primary_cluster === false,
    },
  ],
  free: "parameter and subnet groups, the monitoring role",
};

/** A two-region domain's parts (`domain_primary`, `domain_secondary`) are priced on the domain's lines. */
const ofDomain = (label: string) => label.replace(/_(primary|secondary)$/, "");
/** A global database's master secret (`db_master`) is priced on the database's lines, its replica on the secondary's. */
const ofDatabase = (label: string) => label.replace(/_master$/, "");

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
        when: (i) => i.launch_type !== "EC2",
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
    // A job's alarms (`job_failed`), and a two-region domain's alarm on each HTTP API (`domain_primary_errors`).
    owner: (label) => label.replace(/_(failed|not_started|primary_errors|secondary_errors)$/, ""),
  },
  "module terraform-aws-modules/sns/aws": {
    free: "an alarm topic: a few notifications a month, within SNS's always-free million publishes",
  },
  "module terraform-aws-modules/iam/aws//modules/iam-role": { free: "IAM roles are not billed" },
  "module terraform-aws-modules/cloudwatch/aws//modules/log-group": {
    billed: [
      {
        what: "aws_cloudwatch_log_group",
        item: "logs",
        mentions: text(/GB .*ingested .* stored/),
        when: (i) => !String(i.name).startsWith("/aws/kinesisfirehose/"),
      },
    ],
    free: "a Firehose delivery's log group, which gets delivery errors only (none expected)",
  },
  "module terraform-aws-modules/cloudwatch/aws//modules/log-stream": {
    free: "a log stream is not billed (its group's ingestion is)",
  },
  "resource aws_kinesis_stream": {
    billed: [
      {
        what: "aws_kinesis_stream (on demand: stream-hours, GB in and out; provisioned: shard-hours, PUT payload units)",
        item: "stream",
        mentions: (i) =>
          kinesisMode(i) === "ON_DEMAND"
            ? /^730 stream-h × .* GB in .* GB out/
            : new RegExp(`^${String(i.shard_count)} shards × 730 h × .* M PUT payload units`),
      },
      {
        what: "retention past 24 h (extended retention)",
        item: "stream",
        mentions: text(/extended retention/),
        when: (i) => Number(i.retention_period) > 24,
      },
    ],
  },
  "resource aws_kinesis_firehose_delivery_stream": {
    billed: [
      { what: "GB ingested by Firehose", item: "stream-delivery", mentions: text(/GB ingested by Firehose/) },
    ],
  },
  "module terraform-aws-modules/msk-kafka-cluster/aws//modules/serverless": {
    billed: [
      {
        what: "aws_msk_serverless_cluster (cluster-hours, partition-hours, GB in and out, storage)",
        item: "stream",
        mentions: text(/^1 cluster × 730 h .* partitions × 730 h .* GB in .* GB out .* GB stored/),
      },
    ],
    free: "its cluster policy",
  },
  "data aws_msk_bootstrap_brokers": { free: "a data source" },
  "module terraform-aws-modules/security-group/aws": { free: "security groups and rules are not billed" },
  "module terraform-aws-modules/eks/aws": {
    billed: [
      {
        what: "aws_eks_cluster (cluster-hours, standard or extended support)",
        item: "control-plane",
        mentions: (i) => {
          const tier =
            (i.upgrade_policy as Inputs | undefined)?.support_type === "EXTENDED" ? "extended" : "standard";
          return new RegExp(`1 EKS cluster × 730 h × .*\\(${tier} support\\)`);
        },
      },
      {
        what: "aws_eks_node_group (each group's desired nodes of its first instance type)",
        item: "nodes",
        mentions: (i) =>
          new RegExp(
            nodeGroups(i)
              .map((g) => `(?=.*${g.desired} × ${g.type} \\(${g.name}\\) × 730 h)`)
              .join(""),
          ),
      },
      {
        what: "the nodes' EBS root volumes (launch template block device mappings)",
        item: "node-volumes",
        mentions: (i) =>
          new RegExp(`^${nodeGroups(i).reduce((gb, g) => gb + g.desired * g.diskGb, 0)} GB gp3 root volumes`),
      },
      {
        what: "the control-plane log group (aws_cloudwatch_log_group)",
        item: "logs",
        mentions: text(/GB control-plane logs ingested .* stored/),
        when: nonEmpty("enabled_log_types"),
      },
    ],
    free: "IAM roles, security groups, access entries, the OIDC provider, the core add-ons (their pods run on the nodes)",
  },
  "module terraform-aws-modules/autoscaling/aws": {
    billed: [
      {
        what: "the GPU instances (aws_autoscaling_group of the launch template's type) and their detailed monitoring",
        item: "tasks",
        component: ofService,
        mentions: (i) =>
          new RegExp(
            `${String(i.desired_capacity)} × ${String(i.instance_type)} instances × 730 h .* detailed-monitoring metrics`,
          ),
      },
      {
        what: "the instances' EBS root volumes (launch template block device mappings)",
        item: "node-volumes",
        component: ofService,
        mentions: (i) => {
          const ebs = (i.block_device_mappings as Inputs[])[0]!.ebs as Inputs;
          return new RegExp(`^${Number(i.desired_capacity) * Number(ebs.volume_size)} GB gp3 root volumes`);
        },
      },
    ],
    free: "the launch template, the instance profile and its IAM role",
  },
  "data aws_ssm_parameter": { free: "a data source (AWS's public AMI parameter)" },
  "module terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts": {
    free: "IAM roles and policies are not billed",
  },
  "module terraform-aws-modules/acm/aws": {
    free: "a public ACM certificate and its DNS validation records (queried by ACM only at issue and renewal)",
  },
  "resource aws_route53_record": {
    owner: ofDomain,
    billed: [
      {
        what: "queries to the alias record (free to AWS resources) and the hosted zone (the organisation's)",
        item: "dns",
        mentions: text(/alias queries .*: free\b.* hosted zone .* not to this stack/),
      },
    ],
  },
  "resource aws_route53_health_check": {
    owner: ofDomain,
    billed: [
      { what: "aws_route53_health_check (one per region)", item: "dns", mentions: text(/health checks?/) },
    ],
  },
  "resource aws_rds_global_cluster": {
    free: "the global cluster itself: its clusters' instances, storage, I/O and replicated writes are on the databases' lines",
  },
  "resource aws_secretsmanager_secret": {
    owner: ofDatabase,
    billed: [
      {
        what: "aws_secretsmanager_secret (a global database's master user secret)",
        item: "database",
        mentions: text(/master user secret/),
      },
      {
        what: "the secret's replica in the secondary region, billed as a secret there",
        item: "database",
        mentions: text(/master user secret/),
        when: nonEmpty("replica"),
        component: (label) => `${ofDatabase(label)}_secondary`,
      },
    ],
  },
  "resource aws_secretsmanager_secret_version": { free: "a secret's versions are not billed" },
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
  "resource aws_vpc_endpoint": {
    billed: [
      {
        what: "an interface endpoint (hours per AZ, GB processed)",
        item: "vpc-endpoint",
        mentions: text(/interface endpoint in \d+ AZs × 730 h .* GB processed/),
        when: (i) => i.vpc_endpoint_type === "Interface",
        component: (label) => label.replace(/_[a-z0-9]+$/, ""),
      },
    ],
    free: "a gateway endpoint (S3) has no hourly or per-GB charge",
  },
  "module terraform-aws-modules/lambda/aws": {
    billed: [
      {
        what: "aws_lambda_function (requests, GB-seconds)",
        item: "function",
        mentions: text(/M requests .* GB-s/),
      },
      {
        what: "Lambda's always-free allowance",
        item: "function-free-tier",
        // Once per account: a two-region stack deducts it in the primary's function only.
        when: (i) => i.providers === undefined,
        mentions: text(/always-free allowance, once per account: −\(.* M requests .* GB-s/),
      },
      {
        what: "its aws_cloudwatch_log_group",
        item: "logs",
        mentions: text(/GB function logs ingested .* stored/),
      },
    ],
    free: "the IAM role and policies, the permission the HTTP API invokes it with",
  },
  "module terraform-aws-modules/apigateway-v2/aws": {
    billed: [
      { what: "aws_apigatewayv2_api (requests)", item: "http-api", mentions: text(/M requests × /) },
      {
        what: "the stage's access-log group",
        item: "logs",
        mentions: text(/GB access logs ingested .* stored/),
      },
      {
        what: "data transfer out of the responses",
        item: "internet-egress",
        mentions: text(/GB out to the internet/),
      },
    ],
    free: "the stage, routes, integration and authorizer",
  },
  "module terraform-aws-modules/dynamodb-table/aws": {
    billed: [
      {
        what: "aws_dynamodb_table (requests, storage, continuous backups)",
        item: "key-value-store",
        mentions: (i) =>
          i.point_in_time_recovery_enabled === true
            ? /M reads .* M writes .* GB stored .* GB continuous backups/
            : /M reads .* M writes .* GB stored/,
      },
      {
        what: "a global table's replica (its requests, storage and backups in its region)",
        item: "key-value-store",
        when: (i) => replicaRegion(i) !== undefined,
        mentions: (i) => new RegExp(`^${replicaRegion(i) ?? ""}: [\\d.]+ M reads .* M writes .* GB stored`),
      },
      {
        what: "a global table's replicated writes and their transfer",
        item: "key-value-store",
        when: (i) => replicaRegion(i) !== undefined,
        mentions: text(/M writes replicated from .* GB .* → /),
      },
    ],
  },
  "data aws_partition": { free: "a data source" },
  "data aws_caller_identity": { free: "a data source" },
  "data aws_availability_zones": { free: "a data source" },
};

/** The region of a DynamoDB table's first replica, when it is a global table. */
function replicaRegion(i: Inputs): string | undefined {
  const replicas = i.replica_regions;
  const first = Array.isArray(replicas) ? (replicas[0] as Inputs | undefined) : undefined;
  return typeof first?.region_name === "string" ? first.region_name : undefined;
}

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
    for (const billed of billing.billed) {
      if (billed.when && !billed.when(block.inputs)) continue;
      const component = (
        billed.component?.(block.label) ??
        billing.owner?.(block.label) ??
        block.label
      ).replace(/_/g, "-");
      const pattern = billed.mentions(block.inputs);
      // A component may have several lines of one item (a domain's DNS and its health checks): the one that prices it.
      const ofItem = (l: PlanSpec["cost"]["lines"][number]) =>
        l.component === component && l.item === billed.item;
      const matching = cost.lines.findIndex((l) => ofItem(l) && pattern.test(l.basis));
      const index = matching >= 0 ? matching : cost.lines.findIndex(ofItem);
      if (index < 0) {
        problems.push(
          `${block.key} "${block.label}": ${billed.what} has no ${component} ${billed.item} cost line`,
        );
        continue;
      }
      used.add(index);
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
