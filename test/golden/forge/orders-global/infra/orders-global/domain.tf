# Rendered by Infracrew Forge from PlanSpec plan-orders-global-3e8a1c5d7f9b. Change the goal, not this file.

# The primary region, eu-west-1: its certificate, its health check and its record.
module "domain" {
  source  = "terraform-aws-modules/acm/aws"
  version = "6.3.0"

  domain_name         = "api.shop.example.com"
  zone_id             = "Z0123456789ABCDEFGHIJ"
  validation_method   = "DNS"
  wait_for_validation = true
}

module "domain_primary_errors" {
  source  = "terraform-aws-modules/cloudwatch/aws//modules/metric-alarm"
  version = "5.7.2"

  alarm_name          = "orders-global-domain-eu-west-1-5xx"
  alarm_description   = "5 % or more of api's requests end in a 5xx for 3 minutes: Route 53 stops answering with eu-west-1"
  comparison_operator = "GreaterThanOrEqualToThreshold"
  evaluation_periods  = 3
  threshold           = 5
  treat_missing_data  = "notBreaching"
  metric_query = [
    {
      id          = "rate"
      expression  = "IF(requests > 0, 100 * errors / requests, 0)"
      label       = "5xx share (%)"
      return_data = true
    },
    {
      id = "errors"
      metric = [
        {
          namespace   = "AWS/ApiGateway"
          metric_name = "5xx"
          period      = 60
          stat        = "Sum"
          dimensions = {
            ApiId = module.api.api_id
          }
        },
      ]
    },
    {
      id = "requests"
      metric = [
        {
          namespace   = "AWS/ApiGateway"
          metric_name = "Count"
          period      = 60
          stat        = "Sum"
          dimensions = {
            ApiId = module.api.api_id
          }
        },
      ]
    },
  ]
}

resource "aws_route53_health_check" "domain_primary" {
  type                            = "CLOUDWATCH_METRIC"
  cloudwatch_alarm_name           = module.domain_primary_errors.cloudwatch_metric_alarm_id
  cloudwatch_alarm_region         = "eu-west-1"
  insufficient_data_health_status = "LastKnownStatus"

  tags = {
    Name = "api.shop.example.com eu-west-1"
  }
}

resource "aws_route53_record" "domain_primary" {
  zone_id         = "Z0123456789ABCDEFGHIJ"
  name            = "api.shop.example.com"
  type            = "A"
  set_identifier  = "eu-west-1"
  health_check_id = aws_route53_health_check.domain_primary.id

  latency_routing_policy {
    region = "eu-west-1"
  }

  alias {
    name                   = module.api.domain_name_target_domain_name
    zone_id                = module.api.domain_name_hosted_zone_id
    evaluate_target_health = false
  }
}

# The secondary region, eu-central-1: its certificate, its health check and its record.
module "domain_secondary" {
  source  = "terraform-aws-modules/acm/aws"
  version = "6.3.0"
  providers = {
    aws = aws.secondary
  }

  domain_name             = "api.shop.example.com"
  zone_id                 = "Z0123456789ABCDEFGHIJ"
  validation_method       = "DNS"
  wait_for_validation     = true
  create_route53_records  = false
  validation_record_fqdns = module.domain.validation_route53_record_fqdns
}

module "domain_secondary_errors" {
  source  = "terraform-aws-modules/cloudwatch/aws//modules/metric-alarm"
  version = "5.7.2"
  providers = {
    aws = aws.secondary
  }

  alarm_name          = "orders-global-domain-eu-central-1-5xx"
  alarm_description   = "5 % or more of api-secondary's requests end in a 5xx for 3 minutes: Route 53 stops answering with eu-central-1"
  comparison_operator = "GreaterThanOrEqualToThreshold"
  evaluation_periods  = 3
  threshold           = 5
  treat_missing_data  = "notBreaching"
  metric_query = [
    {
      id          = "rate"
      expression  = "IF(requests > 0, 100 * errors / requests, 0)"
      label       = "5xx share (%)"
      return_data = true
    },
    {
      id = "errors"
      metric = [
        {
          namespace   = "AWS/ApiGateway"
          metric_name = "5xx"
          period      = 60
          stat        = "Sum"
          dimensions = {
            ApiId = module.api_secondary.api_id
          }
        },
      ]
    },
    {
      id = "requests"
      metric = [
        {
          namespace   = "AWS/ApiGateway"
          metric_name = "Count"
          period      = 60
          stat        = "Sum"
          dimensions = {
            ApiId = module.api_secondary.api_id
          }
        },
      ]
    },
  ]
}

resource "aws_route53_health_check" "domain_secondary" {
  type                            = "CLOUDWATCH_METRIC"
  cloudwatch_alarm_name           = module.domain_secondary_errors.cloudwatch_metric_alarm_id
  cloudwatch_alarm_region         = "eu-central-1"
  insufficient_data_health_status = "LastKnownStatus"

  tags = {
    Name = "api.shop.example.com eu-central-1"
  }
}

resource "aws_route53_record" "domain_secondary" {
  zone_id         = "Z0123456789ABCDEFGHIJ"
  name            = "api.shop.example.com"
  type            = "A"
  set_identifier  = "eu-central-1"
  health_check_id = aws_route53_health_check.domain_secondary.id

  latency_routing_policy {
    region = "eu-central-1"
  }

  alias {
    name                   = module.api_secondary.domain_name_target_domain_name
    zone_id                = module.api_secondary.domain_name_hosted_zone_id
    evaluate_target_health = false
  }
}
