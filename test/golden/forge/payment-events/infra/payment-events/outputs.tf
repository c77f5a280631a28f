# Rendered by Infracrew Forge from PlanSpec plan-payment-events-7c1e2a9b3d4f. Change the goal, not this file.

output "bus_bootstrap_brokers" {
  description = "The bootstrap brokers of bus for IAM-authenticated clients (port 9098, TLS)."
  value       = data.aws_msk_bootstrap_brokers.bus.bootstrap_brokers_sasl_iam
}

output "network_private_subnets" {
  description = "The private subnets of network, where the tasks run."
  value       = module.network.private_subnets
}

output "network_vpc_id" {
  description = "The ID of the network VPC."
  value       = module.network.vpc_id
}

output "settler_service_name" {
  description = "The ECS service name of settler."
  value       = module.settler.name
}

output "settler_task_role_arn" {
  description = "The IAM role settler's tasks run as."
  value       = module.settler.tasks_iam_role_arn
}
