# Rendered by Infracrew Forge from PlanSpec plan-orders-api-7c1e2a9b3d4f. Change the goal, not this file.

output "api_url" {
  description = "The URL of api, on its own domain (the execute-api endpoint is off)."
  value       = "https://${module.api.domain_name_id}/"
}

output "domain_certificate_arn" {
  description = "The ACM certificate for api.shop.example.com."
  value       = module.domain.acm_certificate_arn
}

output "handler_function_name" {
  description = "The Lambda function name of handler."
  value       = module.handler.lambda_function_name
}

output "handler_role_arn" {
  description = "The IAM role handler runs as."
  value       = module.handler.lambda_role_arn
}

output "orders_table_name" {
  description = "The name of the orders DynamoDB table."
  value       = module.orders.dynamodb_table_id
}
