# Rendered by Infracrew Forge from PlanSpec plan-vision-api-15bb9a798ef1. Change the goal, not this file.

output "load_balancer_dns_name" {
  description = "The DNS name of load-balancer: point the domain's record here."
  value       = module.load_balancer.dns_name
}

output "load_balancer_zone_id" {
  description = "The hosted zone of load-balancer, for a Route 53 alias record."
  value       = module.load_balancer.zone_id
}

output "logs_log_group" {
  description = "The name of the logs log group."
  value       = module.logs.cloudwatch_log_group_name
}

output "network_private_subnets" {
  description = "The private subnets of network, where the tasks run."
  value       = module.network.private_subnets
}

output "network_vpc_id" {
  description = "The ID of the network VPC."
  value       = module.network.vpc_id
}

output "service_service_name" {
  description = "The ECS service name of service."
  value       = module.service.name
}

output "service_task_role_arn" {
  description = "The IAM role service's tasks run as."
  value       = module.service.tasks_iam_role_arn
}
