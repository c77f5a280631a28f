# Rendered by Infracrew Forge from PlanSpec plan-checkout-api-ad72dc042a11. Change the goal, not this file.

# Tasks pull their image and call AWS APIs over HTTPS through the NAT gateway; only port 443 is open.
#trivy:ignore:AVD-AWS-0104
#tfsec:ignore:aws-ec2-no-public-egress-sgr
module "service" {
  source  = "terraform-aws-modules/ecs/aws//modules/service"
  version = "7.5.0"

  name        = "checkout-api-service"
  cluster_arn = module.cluster.arn

  cpu    = 1024
  memory = 2048
  runtime_platform = {
    cpu_architecture        = "X86_64"
    operating_system_family = "LINUX"
  }

  desired_count            = 4
  enable_autoscaling       = true
  autoscaling_min_capacity = 4
  autoscaling_max_capacity = 12
  autoscaling_policies = {
    requests = {
      policy_type = "TargetTrackingScaling"
      target_tracking_scaling_policy_configuration = {
        target_value = 4200
        predefined_metric_specification = {
          predefined_metric_type = "ALBRequestCountPerTarget"
          resource_label         = "${module.load_balancer.arn_suffix}/${module.load_balancer.target_groups["service"].arn_suffix}"
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
      image                  = "ghcr.io/acme/checkout:1.4.2"
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
          name  = "CACHE_HOST"
          value = module.cache.replication_group_primary_endpoint_address
        },
        {
          name  = "CACHE_PORT"
          value = "6379"
        },
        {
          name  = "CACHE_TLS"
          value = "true"
        },
        {
          name  = "DATABASE_HOST"
          value = module.database.db_instance_address
        },
        {
          name  = "DATABASE_NAME"
          value = "checkout_api"
        },
        {
          name  = "DATABASE_PORT"
          value = "5432"
        },
      ]
      secrets = [
        {
          name      = "DATABASE_PASSWORD"
          valueFrom = "${module.database.db_instance_master_user_secret_arn}:password::"
        },
        {
          name      = "DATABASE_USERNAME"
          valueFrom = "${module.database.db_instance_master_user_secret_arn}:username::"
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
  load_balancer = {
    service = {
      target_group_arn = module.load_balancer.target_groups["service"].arn
      container_name   = "app"
      container_port   = 8080
    }
  }

  subnet_ids       = module.network.private_subnets
  assign_public_ip = false
  security_group_ingress_rules = {
    load_balancer = {
      from_port                    = 8080
      to_port                      = 8080
      ip_protocol                  = "tcp"
      referenced_security_group_id = module.load_balancer.security_group_id
      description                  = "From the load-balancer load balancer"
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
    database = {
      from_port                    = 5432
      to_port                      = 5432
      ip_protocol                  = "tcp"
      referenced_security_group_id = module.database_security_group.security_group_id
      description                  = "To the database database"
    }
    cache = {
      from_port                    = 6379
      to_port                      = 6379
      ip_protocol                  = "tcp"
      referenced_security_group_id = module.cache.security_group_id
      description                  = "To the cache cache"
    }
  }

  # The task role reaches only the queues and buckets this service is linked to.
  tasks_iam_role_statements = []
  task_exec_secret_arns     = [module.database.db_instance_master_user_secret_arn]
  task_exec_iam_statements = [
    {
      actions   = ["kms:Decrypt"]
      resources = [module.encryption.key_arn]
    },
  ]
}
