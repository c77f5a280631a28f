# Rendered by Infracrew Forge from PlanSpec plan-vision-api-15bb9a798ef1. Change the goal, not this file.

# Tasks pull their image and call AWS APIs over HTTPS through the NAT gateway; only port 443 is open.
#trivy:ignore:AVD-AWS-0104
#tfsec:ignore:aws-ec2-no-public-egress-sgr
module "service" {
  source  = "terraform-aws-modules/ecs/aws//modules/service"
  version = "7.5.0"

  name        = "vision-api-service"
  cluster_arn = module.cluster.arn

  cpu    = 4096
  memory = 14336
  runtime_platform = {
    cpu_architecture        = "X86_64"
    operating_system_family = "LINUX"
  }

  # GPU tasks run on the EC2 capacity provider below, one task per instance.
  launch_type              = "EC2"
  requires_compatibilities = ["EC2"]
  capacity_provider_strategy = {
    gpu = {
      capacity_provider = module.cluster.capacity_providers["service"].name
      weight            = 1
    }
  }

  desired_count            = 4
  enable_autoscaling       = true
  autoscaling_min_capacity = 4
  autoscaling_max_capacity = 10
  autoscaling_policies = {
    requests = {
      policy_type = "TargetTrackingScaling"
      target_tracking_scaling_policy_configuration = {
        target_value = 504
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
      image                  = "ghcr.io/example/vision:4.0.1"
      essential              = true
      readonlyRootFilesystem = true
      portMappings = [
        {
          name          = "http"
          containerPort = 8080
          protocol      = "tcp"
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
      resourceRequirements = [
        {
          type  = "GPU"
          value = "1"
        },
      ]
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
  }

  # The task role reaches only the queues and buckets this service is linked to.
  tasks_iam_role_statements = []
}

data "aws_ssm_parameter" "service_gpu_ami" {
  name = "/aws/service/ecs/optimized-ami/amazon-linux-2023/gpu/recommended/image_id"
}

# Tasks pull their image and call AWS APIs over HTTPS through the NAT gateway; only port 443 is open.
#trivy:ignore:AVD-AWS-0104
#tfsec:ignore:aws-ec2-no-public-egress-sgr
module "service_instances_security_group" {
  source  = "terraform-aws-modules/security-group/aws"
  version = "5.3.1"

  name        = "vision-api-service-instances"
  description = "service GPU instances: no ingress; HTTPS out for the ECS agent, image pulls and AWS APIs"
  vpc_id      = module.network.vpc_id
  egress_with_cidr_blocks = [
    {
      from_port   = "443"
      to_port     = "443"
      protocol    = "tcp"
      cidr_blocks = "0.0.0.0/0"
      description = "The ECS agent, image pulls and AWS APIs over HTTPS, through the NAT gateway"
    },
  ]
}

module "service_instances" {
  source  = "terraform-aws-modules/autoscaling/aws"
  version = "9.2.1"

  name          = "vision-api-service"
  instance_type = "g5.xlarge"
  image_id      = data.aws_ssm_parameter.service_gpu_ami.insecure_value
  user_data     = base64encode("#!/bin/bash\ncat >> /etc/ecs/ecs.config <<'EOF'\nECS_CLUSTER=${module.cluster.name}\nECS_ENABLE_GPU_SUPPORT=true\nEOF\n")

  min_size                        = 4
  max_size                        = 10
  desired_capacity                = 4
  vpc_zone_identifier             = module.network.private_subnets
  security_groups                 = [module.service_instances_security_group.security_group_id]
  protect_from_scale_in           = true
  ignore_desired_capacity_changes = true
  autoscaling_group_tags = {
    AmazonECSManaged = "true"
  }

  # IMDSv2 only, one hop: containers cannot reach the instance's credentials.
  metadata_options = {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
  block_device_mappings = [
    {
      device_name = "/dev/xvda"
      ebs = {
        volume_size           = 100
        volume_type           = "gp3"
        encrypted             = true
        delete_on_termination = true
      }
    },
  ]
  enable_monitoring = true

  create_iam_instance_profile = true
  iam_role_name               = "vision-api-service-instances"
  iam_role_use_name_prefix    = false
  iam_role_policies = {
    ecs = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"
    ssm = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore"
  }
}
