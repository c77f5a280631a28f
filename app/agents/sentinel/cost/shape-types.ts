/** How the resource types of the new shapes are billed, beside the tables in free-types.ts. */

/** Types AWS does not bill for by themselves: API Gateway's parts, permissions, records, add-ons, templates. */
export const SHAPE_FREE_TYPES: ReadonlySet<string> = new Set([
  "aws_apigatewayv2_stage",
  "aws_apigatewayv2_route",
  "aws_apigatewayv2_integration",
  "aws_apigatewayv2_authorizer",
  "aws_apigatewayv2_domain_name",
  "aws_apigatewayv2_api_mapping",
  "aws_lambda_permission",
  "aws_cloudwatch_log_stream",
  "aws_route53_record",
  "aws_eks_addon",
  "aws_eks_access_entry",
  "aws_eks_access_policy_association",
  "aws_launch_template",
  "aws_ecs_capacity_provider",
  "aws_msk_cluster_policy",
  "aws_sns_topic_policy",
  "aws_rds_global_cluster",
]);

/** Types billed only by use (requests, transitions, invocations, GB), which a plan does not state. */
export const SHAPE_USAGE_TYPES: ReadonlySet<string> = new Set([
  "aws_apigatewayv2_api",
  "aws_dynamodb_table",
  "aws_sfn_state_machine",
  "aws_scheduler_schedule",
  "aws_kinesis_firehose_delivery_stream",
]);
