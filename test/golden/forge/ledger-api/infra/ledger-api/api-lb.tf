# Rendered by Infracrew Forge from PlanSpec plan-ledger-api-9e8d7c6b5a4f. Change the goal, not this file.

module "api_lb" {
  source  = "terraform-aws-modules/alb/aws"
  version = "10.5.0"

  name               = "ledger-api-api-lb"
  load_balancer_type = "application"
  internal           = true
  vpc_id             = module.network.vpc_id
  subnets            = module.network.private_subnets

  enable_deletion_protection = false
  drop_invalid_header_fields = true
  desync_mitigation_mode     = "defensive"

  security_group_ingress_rules = {
    http = {
      from_port   = 80
      to_port     = 80
      ip_protocol = "tcp"
      cidr_ipv4   = module.network.vpc_cidr_block
      description = "HTTP from the VPC, answered with a redirect to HTTPS"
    }
    https = {
      from_port   = 443
      to_port     = 443
      ip_protocol = "tcp"
      cidr_ipv4   = module.network.vpc_cidr_block
      description = "HTTPS from the VPC"
    }
  }
  security_group_egress_rules = {
    targets = {
      from_port   = 3000
      to_port     = 3000
      ip_protocol = "tcp"
      cidr_ipv4   = module.network.vpc_cidr_block
      description = "To the api tasks"
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
        target_group_key = "api"
      }
    }
  }

  target_groups = {
    api = {
      protocol             = "HTTP"
      port                 = 3000
      target_type          = "ip"
      deregistration_delay = 30
      create_attachment    = false
      health_check = {
        enabled             = true
        path                = "/health/ready"
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
