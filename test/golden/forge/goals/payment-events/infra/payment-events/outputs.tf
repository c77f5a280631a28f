# Rendered by Infracrew Forge from PlanSpec plan-payment-events-6cb8a990fbf0. Change the goal, not this file.

output "consumer_service_name" {
  description = "The ECS service name of consumer."
  value       = module.consumer.name
}

output "consumer_task_role_arn" {
  description = "The IAM role consumer's tasks run as."
  value       = module.consumer.tasks_iam_role_arn
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

output "stream_bootstrap_brokers" {
  description = "The bootstrap brokers of stream for IAM-authenticated clients (port 9098, TLS)."
  value       = data.aws_msk_bootstrap_brokers.stream.bootstrap_brokers_sasl_iam
}
