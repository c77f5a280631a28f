# Rendered by Infracrew Forge from PlanSpec plan-nightly-report-321d5e6908b0. Change the goal, not this file.

output "bucket_reports_bucket" {
  description = "The name of the bucket-reports bucket."
  value       = module.bucket_reports.s3_bucket_id
}

output "job_alarms_topic_arn" {
  description = "The SNS topic job's failure alarms go to; subscribe the team to it."
  value       = module.job_alarms.topic_arn
}

output "job_state_machine_arn" {
  description = "The state machine that runs job; start an execution to run it now."
  value       = module.job_runner.state_machine_arn
}

output "job_task_role_arn" {
  description = "The IAM role job's task runs as."
  value       = module.job.tasks_iam_role_arn
}

output "network_private_subnets" {
  description = "The private subnets of network, where the tasks run."
  value       = module.network.private_subnets
}

output "network_vpc_id" {
  description = "The ID of the network VPC."
  value       = module.network.vpc_id
}
