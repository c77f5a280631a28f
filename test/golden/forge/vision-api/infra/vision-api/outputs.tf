# Rendered by Infracrew Forge from PlanSpec plan-vision-api-7c1e2a9b3d4f. Change the goal, not this file.

output "inference_service_name" {
  description = "The ECS service name of inference."
  value       = module.inference.name
}

output "inference_task_role_arn" {
  description = "The IAM role inference's tasks run as."
  value       = module.inference.tasks_iam_role_arn
}

output "lb_dns_name" {
  description = "The DNS name of lb: point the domain's record here."
  value       = module.lb.dns_name
}

output "lb_zone_id" {
  description = "The hosted zone of lb, for a Route 53 alias record."
  value       = module.lb.zone_id
}

output "network_private_subnets" {
  description = "The private subnets of network, where the tasks run."
  value       = module.network.private_subnets
}

output "network_vpc_id" {
  description = "The ID of the network VPC."
  value       = module.network.vpc_id
}
