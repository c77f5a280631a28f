# Rendered by Infracrew Forge from PlanSpec plan-checkout-global-5b7d9f1a3c2e. Change the goal, not this file.

# Tasks pull their image and call AWS APIs over HTTPS through the NAT gateway; only port 443 is open.
#trivy:ignore:AVD-AWS-0104
#tfsec:ignore:aws-ec2-no-public-egress-sgr
module "app_secondary" {
  source  = "terraform-aws-modules/ecs/aws//modules/service"
  version = "7.5.0"
  providers = {
    aws = aws.secondary
  }

  name        = "checkout-global-a-276ac5"
  cluster_arn = module.cluster_secondary.arn

  cpu    = 1024
  memory = 2048
  runtime_platform = {
    cpu_architecture        = "ARM64"
    operating_system_family = "LINUX"
  }

  desired_count            = 3
  enable_autoscaling       = true
  autoscaling_min_capacity = 3
  autoscaling_max_capacity = 12
  autoscaling_policies = {
    requests = {
      policy_type = "TargetTrackingScaling"
      target_tracking_scaling_policy_configuration = {
        target_value = 8400
        predefined_metric_specification = {
          predefined_metric_type = "ALBRequestCountPerTarget"
          resource_label         = "${module.lb_secondary.arn_suffix}/${module.lb_secondary.target_groups["app_secondary"].arn_suffix}"
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
      image                  = "ghcr.io/acme/checkout:7.3.0"
      essential              = true
      readonlyRootFilesystem = true
      portMappings = [
        {
          name          = "http"
          containerPort = 8080
          protocol      = "tcp"
        },
      ]
      environment = [
        {
          name  = "DB_HOST"
          value = module.db_secondary.cluster_endpoint
        },
        {
          name  = "DB_NAME"
          value = "checkout_global"
        },
        {
          name  = "DB_PORT"
          value = "5432"
        },
      ]
      secrets = [
        {
          name      = "DB_PASSWORD"
          valueFrom = "${replace(aws_secretsmanager_secret.db_master.arn, ":eu-west-1:", ":eu-central-1:")}:password::"
        },
        {
          name      = "DB_USERNAME"
          valueFrom = "${replace(aws_secretsmanager_secret.db_master.arn, ":eu-west-1:", ":eu-central-1:")}:username::"
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
          "awslogs-group"         = module.app_logs_secondary.cloudwatch_log_group_name
          "awslogs-region"        = "eu-central-1"
          "awslogs-stream-prefix" = "app"
        }
      }
    }
  }
  volume = {
    tmp = {}
  }
  load_balancer = {
    service = {
      target_group_arn = module.lb_secondary.target_groups["app_secondary"].arn
      container_name   = "app"
      container_port   = 8080
    }
  }

  subnet_ids       = module.network_secondary.private_subnets
  assign_public_ip = false
  security_group_ingress_rules = {
    lb_secondary = {
      from_port                    = 8080
      to_port                      = 8080
      ip_protocol                  = "tcp"
      referenced_security_group_id = module.lb_secondary.security_group_id
      description                  = "From the lb-secondary load balancer"
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
    db_secondary = {
      from_port                    = 5432
      to_port                      = 5432
      ip_protocol                  = "tcp"
      referenced_security_group_id = module.db_secondary.security_group_id
      description                  = "To the db-secondary database"
    }
  }

  # The task role reaches only the queues and buckets this service is linked to.
  tasks_iam_role_statements = []
  task_exec_secret_arns     = [replace(aws_secretsmanager_secret.db_master.arn, ":eu-west-1:", ":eu-central-1:")]
  task_exec_iam_statements = [
    {
      actions   = ["kms:Decrypt"]
      resources = [module.encryption_secondary.key_arn]
    },
  ]
}
