# Rendered by Infracrew Forge from PlanSpec plan-payment-events-6cb8a990fbf0. Change the goal, not this file.

# Tasks pull their image and call AWS APIs over HTTPS through the NAT gateway; only port 443 is open.
#trivy:ignore:AVD-AWS-0104
#tfsec:ignore:aws-ec2-no-public-egress-sgr
module "consumer" {
  source  = "terraform-aws-modules/ecs/aws//modules/service"
  version = "7.5.0"

  name        = "payment-events-consumer"
  cluster_arn = module.cluster.arn

  cpu    = 512
  memory = 1024
  runtime_platform = {
    cpu_architecture        = "X86_64"
    operating_system_family = "LINUX"
  }

  desired_count            = 4
  enable_autoscaling       = true
  autoscaling_min_capacity = 4
  autoscaling_max_capacity = 10
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
          name  = "STREAM_BOOTSTRAP_BROKERS"
          value = data.aws_msk_bootstrap_brokers.stream.bootstrap_brokers_sasl_iam
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
          "awslogs-region"        = "eu-west-1"
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
    stream = {
      from_port                    = 9098
      to_port                      = 9098
      ip_protocol                  = "tcp"
      referenced_security_group_id = module.stream_security_group.security_group_id
      description                  = "To the stream Kafka cluster"
    }
  }

  # The task role reaches only the queues and buckets this service is linked to.
  tasks_iam_role_statements = [
    {
      actions   = ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster"]
      resources = [module.stream.serverless_arn]
    },
    {
      actions = [
        "kafka-cluster:CreateTopic",
        "kafka-cluster:DescribeTopic",
        "kafka-cluster:ReadData",
        "kafka-cluster:WriteData",
      ]
      resources = ["${replace(module.stream.serverless_arn, ":cluster/", ":topic/")}/*"]
    },
    {
      actions   = ["kafka-cluster:AlterGroup", "kafka-cluster:DescribeGroup"]
      resources = ["${replace(module.stream.serverless_arn, ":cluster/", ":group/")}/*"]
    },
  ]
}
