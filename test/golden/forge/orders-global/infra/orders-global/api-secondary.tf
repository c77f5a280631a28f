# Rendered by Infracrew Forge from PlanSpec plan-orders-global-3e8a1c5d7f9b. Change the goal, not this file.

module "api_secondary" {
  source  = "terraform-aws-modules/apigateway-v2/aws"
  version = "6.1.0"
  providers = {
    aws = aws.secondary
  }

  name          = "orders-global-api-secondary"
  description   = "Infracrew orders-global: api-secondary"
  protocol_type = "HTTP"

  domain_name                 = "api.shop.example.com"
  domain_name_certificate_arn = module.domain_secondary.acm_certificate_arn
  create_certificate          = false
  create_domain_records       = false

  authorizers = {
    jwt = {
      authorizer_type  = "JWT"
      identity_sources = ["$request.header.Authorization"]
      name             = "jwt"
      jwt_configuration = {
        issuer   = "https://auth.shop.example.com/"
        audience = ["orders-api"]
      }
    }
  }

  routes = {
    "$default" = {
      authorization_type = "JWT"
      authorizer_key     = "jwt"
      integration = {
        uri                    = module.handler_secondary.lambda_function_arn
        payload_format_version = "2.0"
        timeout_milliseconds   = 10000
      }
    }
  }

  stage_default_route_settings = {
    detailed_metrics_enabled = true
    throttling_burst_limit   = 500
    throttling_rate_limit    = 300
  }
  stage_access_log_settings = {
    log_group_retention_in_days = 90
    log_group_kms_key_id        = module.encryption_secondary.key_arn
  }
}
