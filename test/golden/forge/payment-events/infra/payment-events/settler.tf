# Rendered by Infracrew Forge from PlanSpec plan-payment-events-7c1e2a9b3d4f. Change the goal, not this file.

# Tasks pull their image and call AWS APIs over HTTPS through the NAT gateway; only port 443 is open.
#trivy:ignore:AVD-AWS-0104
#tfsec:ignore:aws-ec2-no-public-egress-sgr
module "settler" {
  source  = "terraform-aws-modules/ecs/aws//modules/service"
  version = "7.5.0"

  name        = "payment-events-settler"
  cluster_arn = module.cluster.arn

  cpu    = 512
  memory = 1024
  runtime_platform = {
    cpu_architecture        = "X86_64"
    operating_system_family = "LINUX"
  }

  desired_count            = 3
  enable_autoscaling       = true
  autoscaling_min_capacity = 3
  autoscaling_max_capacity = 6
  autoscaling_policies = {
    cpu = {
      policy_type = "TargetTrackingScaling"
      target_tracking_scaling_policy_configuration = {
        target_value = 60
        predefined_metric_specification = {
          predefined_metric_type = "ECSServiceAverageCPUUtilization"
        }
      }
    }
  }

  deployment_circuit_breaker = {
    enable   = true
    rollback = true
  }
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  enable_execute_command             = false

  container_definitions = {
    app = {
      image                  = "ghcr.io/acme/settler:5.2.0"
      essential              = true
      readonlyRootFilesystem = true
      environment = [
        {
          name  = "BUS_BOOTSTRAP_BROKERS"
          value = data.aws_msk_bootstrap_brokers.bus.bootstrap_brokers_sasl_iam
        },
      ]
      mountPoints = [
        {
          sourceVolume  = "tmp"
          containerPath = "/tmp"
          readOnly      = false
        },
      ]
      cloudwatch_log_group_retention_in_days = 365
      cloudwatch_log_group_kms_key_id        = module.encryption.key_arn
    }
  }
  volume = {
    tmp = {}
  }

  subnet_ids       = module.network.private_subnets
  assign_public_ip = false
  security_group_egress_rules = {
    https = {
      from_port   = 443
      to_port     = 443
      ip_protocol = "tcp"
      cidr_ipv4   = "0.0.0.0/0"
      description = "Image pulls and AWS APIs over HTTPS, through the NAT gateway"
    }
    bus = {
      from_port                    = 9098
      to_port                      = 9098
      ip_protocol                  = "tcp"
      referenced_security_group_id = module.bus_security_group.security_group_id
      description                  = "To the bus Kafka cluster"
    }
  }

  # The task role reaches only the queues and buckets this service is linked to.
  tasks_iam_role_statements = [
    {
      actions   = ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster"]
      resources = [module.bus.serverless_arn]
    },
    {
      actions = [
        "kafka-cluster:CreateTopic",
        "kafka-cluster:DescribeTopic",
        "kafka-cluster:ReadData",
        "kafka-cluster:WriteData",
      ]
      resources = ["${replace(module.bus.serverless_arn, ":cluster/", ":topic/")}/*"]
    },
    {
      actions   = ["kafka-cluster:AlterGroup", "kafka-cluster:DescribeGroup"]
      resources = ["${replace(module.bus.serverless_arn, ":cluster/", ":group/")}/*"]
    },
  ]
}
