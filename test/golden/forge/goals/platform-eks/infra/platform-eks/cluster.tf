# Rendered by Infracrew Forge from PlanSpec plan-platform-eks-3d9f23950c11. Change the goal, not this file.

module "cluster" {
  source  = "terraform-aws-modules/eks/aws"
  version = "21.19.0"

  name               = "platform-eks-cluster"
  kubernetes_version = "1.35"
  upgrade_policy = {
    support_type = "STANDARD"
  }

  vpc_id                  = module.network.vpc_id
  subnet_ids              = module.network.private_subnets
  endpoint_private_access = true
  endpoint_public_access  = false

  # Secrets and control-plane logs are encrypted with the stack key, not a key of the cluster's own.
  create_kms_key = false
  encryption_config = {
    provider_key_arn = module.encryption.key_arn
    resources        = ["secrets"]
  }
  enabled_log_types                      = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
  cloudwatch_log_group_retention_in_days = 90
  cloudwatch_log_group_kms_key_id        = module.encryption.key_arn

  authentication_mode                      = "API"
  enable_cluster_creator_admin_permissions = true
  enable_irsa                              = true

  addons = {
    "vpc-cni" = {
      before_compute           = true
      service_account_role_arn = module.cluster_vpc_cni.arn
    }
    "kube-proxy" = {}
    coredns      = {}
  }

  eks_managed_node_groups = {
    system = {
      name           = "system"
      instance_types = ["m7i.large"]
      ami_type       = "AL2023_x86_64_STANDARD"
      capacity_type  = "ON_DEMAND"
      min_size       = 3
      max_size       = 4
      desired_size   = 3
      block_device_mappings = {
        xvda = {
          device_name = "/dev/xvda"
          ebs = {
            volume_size           = 20
            volume_type           = "gp3"
            encrypted             = true
            delete_on_termination = true
          }
        }
      }
      update_config = {
        max_unavailable_percentage = 33
      }
    }
    general = {
      name           = "general"
      instance_types = ["m7g.xlarge", "m6g.xlarge"]
      ami_type       = "AL2023_ARM_64_STANDARD"
      capacity_type  = "ON_DEMAND"
      min_size       = 3
      max_size       = 12
      desired_size   = 3
      block_device_mappings = {
        xvda = {
          device_name = "/dev/xvda"
          ebs = {
            volume_size           = 20
            volume_type           = "gp3"
            encrypted             = true
            delete_on_termination = true
          }
        }
      }
      update_config = {
        max_unavailable_percentage = 33
      }
    }
  }
}

module "cluster_vpc_cni" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts"
  version = "6.5.0"

  name                  = "platform-eks-cluster-vpc-cni"
  use_name_prefix       = false
  attach_vpc_cni_policy = true
  vpc_cni_enable_ipv4   = true
  oidc_providers = {
    main = {
      provider_arn               = module.cluster.oidc_provider_arn
      namespace_service_accounts = ["kube-system:aws-node"]
    }
  }
}

module "cluster_load_balancer_controller" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts"
  version = "6.5.0"

  name                                   = "platform-eks-cluster-load-balancer-controller"
  use_name_prefix                        = false
  attach_load_balancer_controller_policy = true
  oidc_providers = {
    main = {
      provider_arn               = module.cluster.oidc_provider_arn
      namespace_service_accounts = ["kube-system:aws-load-balancer-controller"]
    }
  }
}
