# Rendered by Infracrew Forge from PlanSpec plan-orders-api-41c913a086c6. Change the goal, not this file.

output "api_url" {
  description = "The URL of api."
  value       = module.api.api_endpoint
}

output "handler_function_name" {
  description = "The Lambda function name of handler."
  value       = module.handler.lambda_function_name
}

output "handler_role_arn" {
  description = "The IAM role handler runs as."
  value       = module.handler.lambda_role_arn
}

output "items_table_name" {
  description = "The name of the items DynamoDB table."
  value       = module.items.dynamodb_table_id
}
