# Rendered by Infracrew Forge from PlanSpec plan-ledger-api-9e8d7c6b5a4f. Change the goal, not this file.

# Tasks pull their image and call AWS APIs over HTTPS through the NAT gateway; only port 443 is open.
#trivy:ignore:AVD-AWS-0104
#tfsec:ignore:aws-ec2-no-public-egress-sgr
module "api" {
  source  = "terraform-aws-modules/ecs/aws//modules/service"
  version = "7.5.0"

  name        = "ledger-api-api"
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
  autoscaling_max_capacity = 4
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
  health_check_grace_period_seconds  = 60
  enable_execute_command             = false

  container_definitions = {
    app = {
      image                  = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/ledger:3.1.0"
      essential              = true
      readonlyRootFilesystem = true
      portMappings = [
        {
          name          = "http"
          containerPort = 3000
          protocol      = "tcp"
        },
      ]
      environment = [
        {
          name  = "EVENTS_QUEUE_URL"
          value = module.events.queue_url
        },
        {
          name  = "LEDGER_DB_HOST"
          value = module.ledger_db.cluster_endpoint
        },
        {
          name  = "LEDGER_DB_NAME"
          value = "ledger_api"
        },
        {
          name  = "LEDGER_DB_PORT"
          value = "3306"
        },
      ]
      secrets = [
        {
          name      = "LEDGER_DB_PASSWORD"
          valueFrom = "${module.ledger_db.cluster_master_user_secret[0].secret_arn}:password::"
        },
        {
          name      = "LEDGER_DB_USERNAME"
          valueFrom = "${module.ledger_db.cluster_master_user_secret[0].secret_arn}:username::"
        },
      ]
      mountPoints = [
        {
          sourceVolume  = "tmp"
          containerPath = "/tmp"
          readOnly      = false
        },
      ]
      cloudwatch_log_group_retention_in_days = 30
      cloudwatch_log_group_kms_key_id        = module.encryption.key_arn
    }
  }
  volume = {
    tmp = {}
  }
  load_balancer = {
    service = {
      target_group_arn = module.api_lb.target_groups["api"].arn
      container_name   = "app"
      container_port   = 3000
    }
  }

  subnet_ids       = module.network.private_subnets
  assign_public_ip = false
  security_group_ingress_rules = {
    api_lb = {
      from_port                    = 3000
      to_port                      = 3000
      ip_protocol                  = "tcp"
      referenced_security_group_id = module.api_lb.security_group_id
      description                  = "From the api-lb load balancer"
    }
  }
  security_group_egress_rules = {
    https = {
      from_port   = 443
      to_port     = 443
      ip_protocol = "tcp"
      cidr_ipv4   = "0.0.0.0/0"
      description = "Image pulls and AWS APIs over HTTPS, through the NAT gateway"
    }
    ledger_db = {
      from_port                    = 3306
      to_port                      = 3306
      ip_protocol                  = "tcp"
      referenced_security_group_id = module.ledger_db.security_group_id
      description                  = "To the ledger-db database"
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
      resources = [module.events.queue_arn]
    },
    {
      actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
      resources = [module.encryption.key_arn]
    },
  ]
  task_exec_secret_arns = [module.ledger_db.cluster_master_user_secret[0].secret_arn]
  task_exec_iam_statements = [
    {
      actions   = ["kms:Decrypt"]
      resources = [module.encryption.key_arn]
    },
  ]
}
