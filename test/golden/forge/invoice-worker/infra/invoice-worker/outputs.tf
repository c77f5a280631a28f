# Rendered by Infracrew Forge from PlanSpec plan-invoice-worker-4b1f0c2d9e8a. Change the goal, not this file.

output "invoices_bucket" {
  description = "The name of the invoices bucket."
  value       = module.invoices.s3_bucket_id
}

output "jobs_dead_letter_queue_url" {
  description = "The URL of jobs's dead-letter queue."
  value       = module.jobs.dead_letter_queue_url
}

output "jobs_queue_url" {
  description = "The URL of the jobs queue."
  value       = module.jobs.queue_url
}

output "network_private_subnets" {
  description = "The private subnets of network, where the tasks run."
  value       = module.network.private_subnets
}

output "network_vpc_id" {
  description = "The ID of the network VPC."
  value       = module.network.vpc_id
}

output "worker_service_name" {
  description = "The ECS service name of worker."
  value       = module.worker.name
}

output "worker_task_role_arn" {
  description = "The IAM role worker's tasks run as."
  value       = module.worker.tasks_iam_role_arn
}
