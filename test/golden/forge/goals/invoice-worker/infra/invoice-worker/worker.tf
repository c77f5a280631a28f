# Rendered by Infracrew Forge from PlanSpec plan-invoice-worker-f9a0eca2e6b8. Change the goal, not this file.

# Tasks pull their image and call AWS APIs over HTTPS through the NAT gateway; only port 443 is open.
#trivy:ignore:AVD-AWS-0104
#tfsec:ignore:aws-ec2-no-public-egress-sgr
module "worker" {
  source  = "terraform-aws-modules/ecs/aws//modules/service"
  version = "7.5.0"

  name        = "invoice-worker-worker"
  cluster_arn = module.cluster.arn

  cpu    = 512
  memory = 1024
  runtime_platform = {
    cpu_architecture        = "X86_64"
    operating_system_family = "LINUX"
  }

  desired_count            = 2
  enable_autoscaling       = true
  autoscaling_min_capacity = 2
  autoscaling_max_capacity = 12
  autoscaling_policies = {
    backlog = {
      policy_type = "TargetTrackingScaling"
      target_tracking_scaling_policy_configuration = {
        target_value = 150
        customized_metric_specification = {
          metrics = [
            {
              id = "visible"
              metric_stat = {
                metric = {
                  namespace   = "AWS/SQS"
                  metric_name = "ApproximateNumberOfMessagesVisible"
                  dimensions = [
                    {
                      name  = "QueueName"
                      value = module.queue.queue_name
                    },
                  ]
                }
                stat = "Sum"
              }
              return_data = false
            },
            {
              id = "tasks"
              metric_stat = {
                metric = {
                  namespace   = "ECS/ContainerInsights"
                  metric_name = "RunningTaskCount"
                  dimensions = [
                    {
                      name  = "ClusterName"
                      value = module.cluster.name
                    },
                    {
                      name  = "ServiceName"
                      value = "invoice-worker-worker"
                    },
                  ]
                }
                stat = "Average"
              }
              return_data = false
            },
            {
              id          = "backlog"
              expression  = "visible / tasks"
              label       = "Messages waiting per running task"
              return_data = true
            },
          ]
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
      image                  = "ghcr.io/acme/invoicer:2.0.0"
      essential              = true
      readonlyRootFilesystem = true
      environment = [
        {
          name  = "BUCKET_INVOICES_BUCKET"
          value = module.bucket_invoices.s3_bucket_id
        },
        {
          name  = "QUEUE_QUEUE_URL"
          value = module.queue.queue_url
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
          "awslogs-region"        = "eu-central-1"
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
      actions = [
        "sqs:ChangeMessageVisibility",
        "sqs:DeleteMessage",
        "sqs:GetQueueAttributes",
        "sqs:ReceiveMessage",
        "sqs:SendMessage",
      ]
      resources = [module.queue.queue_arn]
    },
    {
      actions   = ["s3:ListBucket"]
      resources = [module.bucket_invoices.s3_bucket_arn]
    },
    {
      actions   = ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"]
      resources = ["${module.bucket_invoices.s3_bucket_arn}/*"]
    },
    {
      actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
      resources = [module.encryption.key_arn]
    },
  ]
}
