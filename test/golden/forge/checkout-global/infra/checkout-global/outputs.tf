# Rendered by Infracrew Forge from PlanSpec plan-checkout-global-5b7d9f1a3c2e. Change the goal, not this file.

output "app_logs_log_group" {
  description = "The name of the app-logs log group."
  value       = module.app_logs.cloudwatch_log_group_name
}

output "app_logs_secondary_log_group" {
  description = "The name of the app-logs-secondary log group."
  value       = module.app_logs_secondary.cloudwatch_log_group_name
}

output "app_secondary_service_name" {
  description = "The ECS service name of app-secondary."
  value       = module.app_secondary.name
}

output "app_secondary_task_role_arn" {
  description = "The IAM role app-secondary's tasks run as."
  value       = module.app_secondary.tasks_iam_role_arn
}

output "app_service_name" {
  description = "The ECS service name of app."
  value       = module.app.name
}

output "app_task_role_arn" {
  description = "The IAM role app's tasks run as."
  value       = module.app.tasks_iam_role_arn
}

output "db_endpoint" {
  description = "The address db answers on."
  value       = module.db.cluster_endpoint
}

output "db_master_user_secret_arn" {
  description = "The Secrets Manager secret holding db's master user credentials in eu-west-1 (its ARN, not the password): the stack writes it, as RDS does not for a global database."
  value       = aws_secretsmanager_secret.db_master.arn
}

output "db_secondary_endpoint" {
  description = "The address db-secondary answers on."
  value       = module.db_secondary.cluster_endpoint
}

output "db_secondary_master_user_secret_arn" {
  description = "The Secrets Manager secret holding db-secondary's master user credentials in eu-central-1 (its ARN, not the password): the stack writes it, as RDS does not for a global database."
  value       = replace(aws_secretsmanager_secret.db_master.arn, ":eu-west-1:", ":eu-central-1:")
}

output "domain_certificate_arn" {
  description = "The ACM certificate for checkout.example.com in eu-west-1, which lb serves."
  value       = module.domain.acm_certificate_arn
}

output "domain_secondary_certificate_arn" {
  description = "The ACM certificate for checkout.example.com in eu-central-1, which lb-secondary serves."
  value       = module.domain_secondary.acm_certificate_arn
}

output "lb_dns_name" {
  description = "The DNS name of lb, which checkout.example.com's alias record points to."
  value       = module.lb.dns_name
}

output "lb_secondary_dns_name" {
  description = "The DNS name of lb-secondary, which checkout.example.com's alias record points to."
  value       = module.lb_secondary.dns_name
}

output "lb_secondary_zone_id" {
  description = "The hosted zone of lb-secondary, for a Route 53 alias record."
  value       = module.lb_secondary.zone_id
}

output "lb_zone_id" {
  description = "The hosted zone of lb, for a Route 53 alias record."
  value       = module.lb.zone_id
}

output "network_private_subnets" {
  description = "The private subnets of network, where the tasks run."
  value       = module.network.private_subnets
}

output "network_secondary_private_subnets" {
  description = "The private subnets of network-secondary, where the tasks run."
  value       = module.network_secondary.private_subnets
}

output "network_secondary_vpc_id" {
  description = "The ID of the network-secondary VPC."
  value       = module.network_secondary.vpc_id
}

output "network_vpc_id" {
  description = "The ID of the network VPC."
  value       = module.network.vpc_id
}
