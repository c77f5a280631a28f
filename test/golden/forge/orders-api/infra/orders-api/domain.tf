# Rendered by Infracrew Forge from PlanSpec plan-orders-api-7c1e2a9b3d4f. Change the goal, not this file.

module "domain" {
  source  = "terraform-aws-modules/acm/aws"
  version = "6.3.0"

  domain_name         = "api.shop.example.com"
  zone_id             = "Z0123456789ABCDEFGHIJ"
  validation_method   = "DNS"
  wait_for_validation = true
}

resource "aws_route53_record" "domain" {
  zone_id = "Z0123456789ABCDEFGHIJ"
  name    = "api.shop.example.com"
  type    = "A"

  alias {
    name                   = module.api.domain_name_target_domain_name
    zone_id                = module.api.domain_name_hosted_zone_id
    evaluate_target_health = true
  }
}
