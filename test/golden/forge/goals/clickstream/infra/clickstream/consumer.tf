# Rendered by Infracrew Forge from PlanSpec plan-clickstream-d8eab8f11ad1. Change the goal, not this file.

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
    cpu_architecture        = "X86_64"
    operating_system_family = "LINUX"
  }

  desired_count            = 5
  enable_autoscaling       = true
  autoscaling_min_capacity = 4
  autoscaling_max_capacity = 24
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
          name  = "ARCHIVE_BUCKET"
          value = module.archive.s3_bucket_id
        },
        {
          name  = "STREAM_STREAM"
          value = aws_kinesis_stream.stream.name
        },
      ]
      mountPoints = [
        {
          sourceVolume  = "tmp"
          containerPath = "/tmp"
          readOnly      = false
        },
      ]
      create_cloudwatch_log_group = false
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = module.logs.cloudwatch_log_group_name
          "awslogs-region"        = "us-east-1"
          "awslogs-stream-prefix" = "app"
        }
      }
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
      actions   = ["s3:ListBucket"]
      resources = [module.archive.s3_bucket_arn]
    },
    {
      actions   = ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"]
      resources = ["${module.archive.s3_bucket_arn}/*"]
    },
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
      resources = [aws_kinesis_stream.stream.arn]
    },
    {
      actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
      resources = [module.encryption.key_arn]
    },
  ]
}
