/** network → the VPC module: private subnets for tasks, public ones only when needed, flow logs to CloudWatch. */
import type { NetworkComponent } from "../../../contracts/generated/plan-spec.js";
import { logRetention } from "../catalog/retention.js";
import { attr, attrs, blank, block, call, comment, ref, type Body } from "../hcl/ast.js";
import { moduleCall } from "../module-call.js";
import { MODULES } from "../modules/index.js";
import type { StackContext } from "../stack/context.js";
import type { RenderedComponent } from "../stack/rendered.js";
import { subnetLayout } from "../stack/subnets.js";

/** Does the stack need public subnets: an internet-facing load balancer, or NAT gateways (which live there)? */
function needsPublicSubnets(ctx: StackContext, network: NetworkComponent): boolean {
  return (
    network.params.natGateways > 0 ||
    ctx.ofKind("load-balancer").some((lb) => lb.params.scheme === "internet-facing")
  );
}

/** The prefix list of a gateway endpoint the network renders: what a security group's egress names. */
export function gatewayPrefixList(ctx: StackContext, service: GatewayService): string {
  return `aws_vpc_endpoint.${ctx.label(ctx.ofKind("network")[0]!)}_${service}.prefix_list_id`;
}

export type GatewayService = "s3" | "dynamodb";

const GATEWAY_WORDS: Record<GatewayService, string> = {
  s3: "S3 over the VPC's route tables: free, and no NAT gateway charge per GB.",
  dynamodb: "DynamoDB over the VPC's route tables: free, and reachable without a NAT gateway.",
};

/** A gateway endpoint on the private (and database) route tables. */
function gatewayEndpoint(
  label: string,
  service: GatewayService,
  hasDatabase: boolean,
  ctx: StackContext,
): Body {
  const tables = [
    ref(`module.${label}.private_route_table_ids`),
    ...(hasDatabase ? [ref(`module.${label}.database_route_table_ids`)] : []),
  ];
  return [
    blank,
    comment(GATEWAY_WORDS[service]),
    block(
      "resource",
      ["aws_vpc_endpoint", `${label}_${service}`],
      [
        ...attrs({
          vpc_id: ref(`module.${label}.vpc_id`),
          service_name: `com.amazonaws.${ctx.region}.${service}`,
          vpc_endpoint_type: "Gateway",
          route_table_ids: tables.length === 1 ? tables[0] : call("concat", ...tables),
        }),
      ],
    ),
  ];
}

/** Secrets Manager inside the VPC, for functions with no NAT: one endpoint interface per private subnet. */
function secretsManagerEndpoint(label: string, ctx: StackContext): Body {
  const group = `${label}_endpoints_security_group`;
  return [
    blank,
    ...moduleCall(group, MODULES.securityGroup, [
      ...attrs({
        name: `${ctx.spec.name}-endpoints`,
        description: "Interface endpoints: HTTPS from inside the VPC, and nothing else",
        vpc_id: ref(`module.${label}.vpc_id`),
        ingress_with_cidr_blocks: [
          {
            from_port: "443",
            to_port: "443",
            protocol: "tcp",
            description: "HTTPS from the VPC",
            cidr_blocks: ref(`module.${label}.vpc_cidr_block`),
          },
        ],
      }),
    ]),
    blank,
    comment("Secrets Manager over the private subnets: functions read the database secret without NAT."),
    block(
      "resource",
      ["aws_vpc_endpoint", `${label}_secretsmanager`],
      [
        ...attrs({
          vpc_id: ref(`module.${label}.vpc_id`),
          service_name: `com.amazonaws.${ctx.region}.secretsmanager`,
          vpc_endpoint_type: "Interface",
          private_dns_enabled: true,
          subnet_ids: ref(`module.${label}.private_subnets`),
          security_group_ids: [ref(`module.${group}.security_group_id`)],
        }),
      ],
    ),
  ];
}

export function renderNetwork(network: NetworkComponent, ctx: StackContext): RenderedComponent {
  const label = ctx.label(network);
  const { cidr, azCount, natGateways, flowLogs } = network.params;
  const layout = subnetLayout(cidr, azCount);
  const hasDatabase = ctx.ofKind("database").length > 0;
  const hasCache = ctx.ofKind("cache").length > 0;
  const flowLogInputs: Body = flowLogs
    ? [
        blank,
        ...attrs({
          enable_flow_log: true,
          create_flow_log_cloudwatch_log_group: true,
          create_flow_log_cloudwatch_iam_role: true,
          flow_log_traffic_type: "ALL",
          flow_log_max_aggregation_interval: 60,
          flow_log_cloudwatch_log_group_retention_in_days: logRetention(network.params.flowLogRetentionDays),
          flow_log_cloudwatch_log_group_kms_key_id: ctx.keyArn,
        }),
      ]
    : [
        blank,
        comment("Flow logs are off: the PlanSpec sets flowLogs to false."),
        attr("enable_flow_log", false),
      ];
  const inputs: Body = [
    ...attrs({
      name: ctx.spec.name,
      cidr,
      azs: call("slice", ref(`data.aws_availability_zones.${label}.names`), 0, azCount),
    }),
    blank,
    ...attrs({
      private_subnets: layout.private,
      public_subnets: needsPublicSubnets(ctx, network) ? layout.public : undefined,
      database_subnets: hasDatabase ? layout.database : undefined,
      elasticache_subnets: hasCache ? layout.elasticache : undefined,
    }),
    ...(ctx.ofKind("kubernetes-cluster").length > 0
      ? [
          blank,
          comment("Where the AWS Load Balancer Controller puts internet-facing and internal load balancers."),
          ...attrs({
            public_subnet_tags: { "kubernetes.io/role/elb": "1" },
            private_subnet_tags: { "kubernetes.io/role/internal-elb": "1" },
          }),
        ]
      : []),
    ...(hasDatabase || hasCache
      ? [
          blank,
          ...attrs({
            create_database_subnet_group: hasDatabase ? true : undefined,
            create_database_subnet_route_table: hasDatabase ? true : undefined,
            create_elasticache_subnet_group: hasCache ? true : undefined,
            create_elasticache_subnet_route_table: hasCache ? true : undefined,
          }),
        ]
      : []),
    blank,
    ...attrs({
      enable_nat_gateway: natGateways > 0,
      single_nat_gateway: natGateways === 1,
      one_nat_gateway_per_az: natGateways > 1,
      map_public_ip_on_launch: false,
      enable_dns_hostnames: true,
      enable_dns_support: true,
    }),
    blank,
    comment("The default security group allows nothing; every resource gets its own group."),
    ...attrs({
      manage_default_security_group: true,
      default_security_group_ingress: [],
      default_security_group_egress: [],
    }),
    ...flowLogInputs,
  ];
  return {
    body: [
      block(
        "data",
        ["aws_availability_zones", label],
        [
          attr("state", "available"),
          blank,
          comment("Availability Zones only, not Local Zones."),
          block("filter", [], [attr("name", "opt-in-status"), attr("values", ["opt-in-not-required"])]),
        ],
      ),
      blank,
      ...moduleCall(label, MODULES.vpc, inputs),
      ...(network.params.s3GatewayEndpoint ? gatewayEndpoint(label, "s3", hasDatabase, ctx) : []),
      ...(network.params.dynamodbGatewayEndpoint ? gatewayEndpoint(label, "dynamodb", hasDatabase, ctx) : []),
      ...(network.params.secretsManagerEndpoint ? secretsManagerEndpoint(label, ctx) : []),
    ],
    outputs: [
      {
        name: `${label}_vpc_id`,
        description: `The ID of the ${network.id} VPC.`,
        value: ref(`module.${label}.vpc_id`),
      },
      {
        name: `${label}_private_subnets`,
        description: `The private subnets of ${network.id}, where the tasks run.`,
        value: ref(`module.${label}.private_subnets`),
      },
    ],
  };
}
