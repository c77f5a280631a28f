# Rendered by Infracrew Forge from PlanSpec plan-brand-site-9ff00130eaee. Change the goal, not this file.

module "domain" {
  source  = "terraform-aws-modules/acm/aws"
  version = "6.3.0"

  providers = {
    aws = aws.us_east_1
  }

  domain_name         = "www.example.com"
  zone_id             = "Z0123456789ABCDEFGHIJ"
  validation_method   = "DNS"
  wait_for_validation = true
}

resource "aws_route53_record" "domain" {
  for_each = toset(["A", "AAAA"])

  zone_id = "Z0123456789ABCDEFGHIJ"
  name    = "www.example.com"
  type    = each.value

  alias {
    name                   = module.cdn.cloudfront_distribution_domain_name
    zone_id                = module.cdn.cloudfront_distribution_hosted_zone_id
    evaluate_target_health = false
  }
}
