# Rendered by Infracrew Forge from PlanSpec plan-admin-console-c09b2de3f05f. Change the goal, not this file.

module "load_balancer" {
  source  = "terraform-aws-modules/alb/aws"
  version = "10.5.0"

  name               = "admin-console-load-balancer"
  load_balancer_type = "application"
  internal           = true
  vpc_id             = module.network.vpc_id
  subnets            = module.network.private_subnets

  enable_deletion_protection = true
  drop_invalid_header_fields = true
  desync_mitigation_mode     = "defensive"
  idle_timeout               = 60

  security_group_ingress_rules = {
    http_vpc = {
      from_port   = 80
      to_port     = 80
      ip_protocol = "tcp"
      cidr_ipv4   = module.network.vpc_cidr_block
      description = "HTTP from the VPC, answered with a redirect to HTTPS"
    }
    https_vpc = {
      from_port   = 443
      to_port     = 443
      ip_protocol = "tcp"
      cidr_ipv4   = module.network.vpc_cidr_block
      description = "HTTPS from the VPC"
    }
    http_1 = {
      from_port   = 80
      to_port     = 80
      ip_protocol = "tcp"
      cidr_ipv4   = "10.200.0.0/16"
      description = "HTTP from 10.200.0.0/16, answered with a redirect to HTTPS"
    }
    https_1 = {
      from_port   = 443
      to_port     = 443
      ip_protocol = "tcp"
      cidr_ipv4   = "10.200.0.0/16"
      description = "HTTPS from 10.200.0.0/16"
    }
    http_2 = {
      from_port   = 80
      to_port     = 80
      ip_protocol = "tcp"
      cidr_ipv4   = "192.168.50.0/24"
      description = "HTTP from 192.168.50.0/24, answered with a redirect to HTTPS"
    }
    https_2 = {
      from_port   = 443
      to_port     = 443
      ip_protocol = "tcp"
      cidr_ipv4   = "192.168.50.0/24"
      description = "HTTPS from 192.168.50.0/24"
    }
  }
  security_group_egress_rules = {
    targets = {
      from_port   = 3000
      to_port     = 3000
      ip_protocol = "tcp"
      cidr_ipv4   = module.network.vpc_cidr_block
      description = "To the service tasks"
    }
  }

  listeners = {
    http = {
      port     = 80
      protocol = "HTTP"
      redirect = {
        port        = "443"
        protocol    = "HTTPS"
        status_code = "HTTP_301"
      }
    }
    https = {
      port            = 443
      protocol        = "HTTPS"
      ssl_policy      = "ELBSecurityPolicy-TLS13-1-2-2021-06"
      certificate_arn = var.acm_certificate_arn
      forward = {
        target_group_key = "service"
      }
    }
  }

  target_groups = {
    service = {
      protocol             = "HTTP"
      port                 = 3000
      target_type          = "ip"
      deregistration_delay = 30
      create_attachment    = false
      health_check = {
        enabled             = true
        path                = "/health"
        protocol            = "HTTP"
        matcher             = "200-399"
        interval            = 15
        timeout             = 5
        healthy_threshold   = 2
        unhealthy_threshold = 3
      }
    }
  }
}
