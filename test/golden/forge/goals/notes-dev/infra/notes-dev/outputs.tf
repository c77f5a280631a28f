# Rendered by Infracrew Forge from PlanSpec plan-notes-dev-b745f312024f. Change the goal, not this file.

output "api_url" {
  description = "The URL of api."
  value       = module.api.api_endpoint
}

output "database_endpoint" {
  description = "The address database answers on."
  value       = module.database.db_instance_address
}

output "database_master_user_secret_arn" {
  description = "The Secrets Manager secret RDS keeps database's master user credentials in (its ARN, not the password)."
  value       = module.database.db_instance_master_user_secret_arn
}

output "handler_function_name" {
  description = "The Lambda function name of handler."
  value       = module.handler.lambda_function_name
}

output "handler_role_arn" {
  description = "The IAM role handler runs as."
  value       = module.handler.lambda_role_arn
}

output "network_private_subnets" {
  description = "The private subnets of network, where the tasks run."
  value       = module.network.private_subnets
}

output "network_vpc_id" {
  description = "The ID of the network VPC."
  value       = module.network.vpc_id
}
