# Rendered by Infracrew Forge from PlanSpec plan-invoice-worker-f9a0eca2e6b8. Change the goal, not this file.

output "bucket_invoices_bucket" {
  description = "The name of the bucket-invoices bucket."
  value       = module.bucket_invoices.s3_bucket_id
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

output "queue_dead_letter_queue_url" {
  description = "The URL of queue's dead-letter queue."
  value       = module.queue.dead_letter_queue_url
}

output "queue_queue_url" {
  description = "The URL of the queue queue."
  value       = module.queue.queue_url
}

output "worker_service_name" {
  description = "The ECS service name of worker."
  value       = module.worker.name
}

output "worker_task_role_arn" {
  description = "The IAM role worker's tasks run as."
  value       = module.worker.tasks_iam_role_arn
}
