# Rendered by Infracrew Forge from PlanSpec plan-ledger-api-9e8d7c6b5a4f. Change the goal, not this file.

output "api_lb_dns_name" {
  description = "The DNS name of api-lb: point the domain's record here."
  value       = module.api_lb.dns_name
}

output "api_lb_zone_id" {
  description = "The hosted zone of api-lb, for a Route 53 alias record."
  value       = module.api_lb.zone_id
}

output "api_service_name" {
  description = "The ECS service name of api."
  value       = module.api.name
}

output "api_task_role_arn" {
  description = "The IAM role api's tasks run as."
  value       = module.api.tasks_iam_role_arn
}

output "events_dead_letter_queue_url" {
  description = "The URL of events's dead-letter queue."
  value       = module.events.dead_letter_queue_url
}

output "events_queue_url" {
  description = "The URL of the events queue."
  value       = module.events.queue_url
}

output "ledger_db_endpoint" {
  description = "The address ledger-db answers on."
  value       = module.ledger_db.cluster_endpoint
}

output "ledger_db_master_user_secret_arn" {
  description = "The Secrets Manager secret RDS keeps ledger-db's master user credentials in (its ARN, not the password)."
  value       = module.ledger_db.cluster_master_user_secret[0].secret_arn
}

output "network_private_subnets" {
  description = "The private subnets of network, where the tasks run."
  value       = module.network.private_subnets
}

output "network_vpc_id" {
  description = "The ID of the network VPC."
  value       = module.network.vpc_id
}
