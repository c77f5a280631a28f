# Rendered by Infracrew Forge from PlanSpec plan-platform-eks-3d9f23950c11. Change the goal, not this file.

output "cluster_cluster_name" {
  description = "The EKS cluster name of cluster (aws eks update-kubeconfig --name <it>)."
  value       = module.cluster.cluster_name
}

output "cluster_load_balancer_controller_role_arn" {
  description = "The IAM role for the AWS Load Balancer Controller's service account (kube-system/aws-load-balancer-controller)."
  value       = module.cluster_load_balancer_controller.arn
}

output "network_private_subnets" {
  description = "The private subnets of network, where the tasks run."
  value       = module.network.private_subnets
}

output "network_vpc_id" {
  description = "The ID of the network VPC."
  value       = module.network.vpc_id
}
