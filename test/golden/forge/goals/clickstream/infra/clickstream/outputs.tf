# Rendered by Infracrew Forge from PlanSpec plan-clickstream-d8eab8f11ad1. Change the goal, not this file.

output "archive_bucket" {
  description = "The name of the archive bucket."
  value       = module.archive.s3_bucket_id
}

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

output "stream_stream_name" {
  description = "The name of the stream Kinesis data stream."
  value       = aws_kinesis_stream.stream.name
}
