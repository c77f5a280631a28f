import { SHAPE_FREE_TYPES, SHAPE_USAGE_TYPES } from "./shape-types.js";

/** Resource types AWS does not bill for by themselves (their cost, if any, is in what uses them). */
export const FREE_TYPES: ReadonlySet<string> = new Set([
  "aws_vpc",
  "aws_subnet",
  "aws_internet_gateway",
  "aws_egress_only_internet_gateway",
  "aws_route",
  "aws_route_table",
  "aws_route_table_association",
  "aws_default_route_table",
  "aws_main_route_table_association",
  "aws_network_acl",
  "aws_network_acl_rule",
  "aws_default_network_acl",
  "aws_security_group",
  "aws_security_group_rule",
  "aws_default_security_group",
  "aws_vpc_security_group_ingress_rule",
  "aws_vpc_security_group_egress_rule",
  "aws_vpc_endpoint_route_table_association",
  "aws_db_subnet_group",
  "aws_db_parameter_group",
  "aws_db_option_group",
  "aws_rds_cluster_parameter_group",
  "aws_elasticache_subnet_group",
  "aws_elasticache_parameter_group",
  "aws_ecs_cluster",
  "aws_ecs_cluster_capacity_providers",
  "aws_ecs_task_definition",
  "aws_lb_target_group",
  "aws_lb_target_group_attachment",
  "aws_lb_listener",
  "aws_lb_listener_rule",
  "aws_appautoscaling_target",
  "aws_appautoscaling_policy",
  "aws_cloudwatch_log_resource_policy",
  "aws_kms_alias",
  "aws_secretsmanager_secret_version",
  "aws_sqs_queue_policy",
  "aws_sqs_queue_redrive_policy",
  "aws_sns_topic_subscription",
  "aws_acm_certificate",
  "aws_acm_certificate_validation",
  "aws_wafv2_web_acl_association",
  "aws_ecr_lifecycle_policy",
  "aws_ecr_repository_policy",
  "aws_service_discovery_private_dns_namespace",
]);

/** Prefixes of free resource types: IAM, S3 bucket settings, and providers that create nothing billable. */
export const FREE_PREFIXES: readonly string[] = [
  "aws_iam_",
  "aws_s3_bucket_",
  "random_",
  "null_",
  "tls_",
  "time_",
  "local_",
  "terraform_",
];

/**
 * Types billed only by use (storage, requests, data transfer), which a plan does not state: they count as
 * $0 in the offline estimate, and the estimate says usage is not included.
 */
export const USAGE_ONLY_TYPES: ReadonlySet<string> = new Set([
  "aws_s3_bucket",
  "aws_sqs_queue",
  "aws_sns_topic",
  "aws_cloudwatch_log_group",
  "aws_flow_log",
  "aws_cloudfront_distribution",
  "aws_lambda_function",
  "aws_ecr_repository",
]);

export type Billing = "free" | "usage" | "priced";

const BILLING = new Map<string, Billing>();

/** How a resource type is billed: not at all, only by use, or by a price the estimate looks up. */
export function billingOf(type: string): Billing {
  let billing = BILLING.get(type);
  if (billing === undefined) {
    const free =
      FREE_TYPES.has(type) || SHAPE_FREE_TYPES.has(type) || FREE_PREFIXES.some((p) => type.startsWith(p));
    const usage = USAGE_ONLY_TYPES.has(type) || SHAPE_USAGE_TYPES.has(type);
    billing = free ? "free" : usage ? "usage" : "priced";
    BILLING.set(type, billing);
  }
  return billing;
}
