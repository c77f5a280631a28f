# Rendered by Infracrew Forge from PlanSpec plan-checkout-global-5b7d9f1a3c2e. Change the goal, not this file.

# The primary region, eu-west-1: its certificate, its health check and its record.
module "domain" {
  source  = "terraform-aws-modules/acm/aws"
  version = "6.3.0"

  domain_name         = "checkout.example.com"
  zone_id             = "Z0987654321ZYXWVUTSRQ"
  validation_method   = "DNS"
  wait_for_validation = true
}

resource "aws_route53_health_check" "domain_primary" {
  fqdn              = module.lb.dns_name
  port              = 443
  type              = "HTTPS"
  resource_path     = "/healthz"
  request_interval  = 30
  failure_threshold = 3

  tags = {
    Name = "checkout.example.com eu-west-1"
  }
}

resource "aws_route53_record" "domain_primary" {
  zone_id         = "Z0987654321ZYXWVUTSRQ"
  name            = "checkout.example.com"
  type            = "A"
  set_identifier  = "eu-west-1"
  health_check_id = aws_route53_health_check.domain_primary.id

  failover_routing_policy {
    type = "PRIMARY"
  }

  alias {
    name                   = module.lb.dns_name
    zone_id                = module.lb.zone_id
    evaluate_target_health = true
  }
}

# The secondary region, eu-central-1: its certificate, its health check and its record.
module "domain_secondary" {
  source  = "terraform-aws-modules/acm/aws"
  version = "6.3.0"
  providers = {
    aws = aws.secondary
  }

  domain_name             = "checkout.example.com"
  zone_id                 = "Z0987654321ZYXWVUTSRQ"
  validation_method       = "DNS"
  wait_for_validation     = true
  create_route53_records  = false
  validation_record_fqdns = module.domain.validation_route53_record_fqdns
}

resource "aws_route53_health_check" "domain_secondary" {
  fqdn              = module.lb_secondary.dns_name
  port              = 443
  type              = "HTTPS"
  resource_path     = "/healthz"
  request_interval  = 30
  failure_threshold = 3

  tags = {
    Name = "checkout.example.com eu-central-1"
  }
}

resource "aws_route53_record" "domain_secondary" {
  zone_id         = "Z0987654321ZYXWVUTSRQ"
  name            = "checkout.example.com"
  type            = "A"
  set_identifier  = "eu-central-1"
  health_check_id = aws_route53_health_check.domain_secondary.id

  failover_routing_policy {
    type = "SECONDARY"
  }

  alias {
    name                   = module.lb_secondary.dns_name
    zone_id                = module.lb_secondary.zone_id
    evaluate_target_health = true
  }
}
