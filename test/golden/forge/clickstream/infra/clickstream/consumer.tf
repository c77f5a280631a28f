# Rendered by Infracrew Forge from PlanSpec plan-clickstream-7c1e2a9b3d4f. Change the goal, not this file.

# Tasks pull their image and call AWS APIs over HTTPS through the NAT gateway; only port 443 is open.
#trivy:ignore:AVD-AWS-0104
#tfsec:ignore:aws-ec2-no-public-egress-sgr
module "consumer" {
  source  = "terraform-aws-modules/ecs/aws//modules/service"
  version = "7.5.0"

  name        = "clickstream-consumer"
  cluster_arn = module.cluster.arn

  cpu    = 1024
  memory = 2048
  runtime_platform = {
    cpu_architecture        = "ARM64"
    operating_system_family = "LINUX"
  }

  desired_count            = 2
  enable_autoscaling       = true
  autoscaling_min_capacity = 2
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
      image                  = "ghcr.io/acme/clickstream-consumer:0.9.0"
      essential              = true
      readonlyRootFilesystem = true
      environment = [
        {
          name  = "EVENTS_STREAM"
          value = aws_kinesis_stream.events.name
        },
      ]
      mountPoints = [
        {
          sourceVolume  = "tmp"
          containerPath = "/tmp"
          readOnly      = false
        },
      ]
      cloudwatch_log_group_retention_in_days = 90
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
  }

  # The task role reaches only the queues and buckets this service is linked to.
  tasks_iam_role_statements = [
    {
      actions = [
        "kinesis:DescribeStream",
        "kinesis:DescribeStreamSummary",
        "kinesis:GetRecords",
        "kinesis:GetShardIterator",
        "kinesis:ListShards",
        "kinesis:PutRecord",
        "kinesis:PutRecords",
      ]
      resources = [aws_kinesis_stream.events.arn]
    },
    {
      actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
      resources = [module.encryption.key_arn]
    },
  ]
}
