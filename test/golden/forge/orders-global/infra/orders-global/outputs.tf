# Rendered by Infracrew Forge from PlanSpec plan-orders-global-3e8a1c5d7f9b. Change the goal, not this file.

output "api_secondary_url" {
  description = "The URL of api-secondary, on its own domain (the execute-api endpoint is off)."
  value       = "https://${module.api_secondary.domain_name_id}/"
}

output "api_url" {
  description = "The URL of api, on its own domain (the execute-api endpoint is off)."
  value       = "https://${module.api.domain_name_id}/"
}

output "domain_certificate_arn" {
  description = "The ACM certificate for api.shop.example.com in eu-west-1, which api serves."
  value       = module.domain.acm_certificate_arn
}

output "domain_secondary_certificate_arn" {
  description = "The ACM certificate for api.shop.example.com in eu-central-1, which api-secondary serves."
  value       = module.domain_secondary.acm_certificate_arn
}

output "handler_function_name" {
  description = "The Lambda function name of handler."
  value       = module.handler.lambda_function_name
}

output "handler_role_arn" {
  description = "The IAM role handler runs as."
  value       = module.handler.lambda_role_arn
}

output "handler_secondary_function_name" {
  description = "The Lambda function name of handler-secondary."
  value       = module.handler_secondary.lambda_function_name
}

output "handler_secondary_role_arn" {
  description = "The IAM role handler-secondary runs as."
  value       = module.handler_secondary.lambda_role_arn
}

output "orders_table_name" {
  description = "The name of the orders DynamoDB table."
  value       = module.orders.dynamodb_table_id
}
