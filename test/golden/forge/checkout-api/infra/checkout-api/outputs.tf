# Rendered by Infracrew Forge from PlanSpec plan-checkout-api-1a2b3c4d5e6f. Change the goal, not this file.

output "app_logs_log_group" {
  description = "The name of the app-logs log group."
  value       = module.app_logs.cloudwatch_log_group_name
}

output "app_service_name" {
  description = "The ECS service name of app."
  value       = module.app.name
}

output "app_task_role_arn" {
  description = "The IAM role app's tasks run as."
  value       = module.app.tasks_iam_role_arn
}

output "cache_endpoint" {
  description = "The primary endpoint of cache (TLS on port 6379)."
  value       = module.cache.replication_group_primary_endpoint_address
}

output "db_endpoint" {
  description = "The address db answers on."
  value       = module.db.db_instance_address
}

output "db_master_user_secret_arn" {
  description = "The Secrets Manager secret RDS keeps db's master user credentials in (its ARN, not the password)."
  value       = module.db.db_instance_master_user_secret_arn
}

output "lb_dns_name" {
  description = "The DNS name of lb: point the domain's record here."
  value       = module.lb.dns_name
}

output "lb_zone_id" {
  description = "The hosted zone of lb, for a Route 53 alias record."
  value       = module.lb.zone_id
}

output "network_private_subnets" {
  description = "The private subnets of network, where the tasks run."
  value       = module.network.private_subnets
}

output "network_vpc_id" {
  description = "The ID of the network VPC."
  value       = module.network.vpc_id
}

output "uploads_bucket" {
  description = "The name of the uploads bucket."
  value       = module.uploads.s3_bucket_id
}
