# Rendered by Infracrew Forge from PlanSpec plan-vision-api-15bb9a798ef1. Change the goal, not this file.

# The service is public: the load balancer is its only internet-facing part, open on 80 and 443 only.
#trivy:ignore:AVD-AWS-0053
#tfsec:ignore:aws-elb-alb-not-public
module "load_balancer" {
  #checkov:skip=CKV_AWS_260:Port 80 is open to the internet only to answer with a redirect to HTTPS on 443.
  source  = "terraform-aws-modules/alb/aws"
  version = "10.5.0"

  name               = "vision-api-load-balancer"
  load_balancer_type = "application"
  internal           = false
  vpc_id             = module.network.vpc_id
  subnets            = module.network.public_subnets

  enable_deletion_protection = true
  drop_invalid_header_fields = true
  desync_mitigation_mode     = "defensive"
  idle_timeout               = 60

  security_group_ingress_rules = {
    http = {
      from_port   = 80
      to_port     = 80
      ip_protocol = "tcp"
      cidr_ipv4   = "0.0.0.0/0"
      description = "HTTP, answered with a redirect to HTTPS"
    }
    https = {
      from_port   = 443
      to_port     = 443
      ip_protocol = "tcp"
      cidr_ipv4   = "0.0.0.0/0"
      description = "HTTPS"
    }
  }
  security_group_egress_rules = {
    targets = {
      from_port   = 8080
      to_port     = 8080
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
      port                 = 8080
      target_type          = "ip"
      deregistration_delay = 30
      create_attachment    = false
      health_check = {
        enabled             = true
        path                = "/healthz"
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
