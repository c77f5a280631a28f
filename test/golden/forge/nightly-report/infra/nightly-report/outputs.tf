# Rendered by Infracrew Forge from PlanSpec plan-nightly-report-7c1e2a9b3d4f. Change the goal, not this file.

output "network_private_subnets" {
  description = "The private subnets of network, where the tasks run."
  value       = module.network.private_subnets
}

output "network_vpc_id" {
  description = "The ID of the network VPC."
  value       = module.network.vpc_id
}

output "report_alarms_topic_arn" {
  description = "The SNS topic report's failure alarms go to; subscribe the team to it."
  value       = module.report_alarms.topic_arn
}

output "report_state_machine_arn" {
  description = "The state machine that runs report; start an execution to run it now."
  value       = module.report_runner.state_machine_arn
}

output "report_task_role_arn" {
  description = "The IAM role report's task runs as."
  value       = module.report.tasks_iam_role_arn
}

output "reports_bucket" {
  description = "The name of the reports bucket."
  value       = module.reports.s3_bucket_id
}
