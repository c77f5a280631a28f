# Rendered by Infracrew Forge from PlanSpec plan-notes-dev-b745f312024f. Change the goal, not this file.

module "api" {
  #checkov:skip=CKV_AWS_309:The PlanSpec asks for a public API (auth none): its routes take no authorization.
  source  = "terraform-aws-modules/apigateway-v2/aws"
  version = "6.1.0"

  name          = "notes-dev-api"
  description   = "Infracrew notes-dev: api"
  protocol_type = "HTTP"

  create_domain_name = false

  routes = {
    "$default" = {
      integration = {
        uri                    = module.handler.lambda_function_arn
        payload_format_version = "2.0"
        timeout_milliseconds   = 10000
      }
    }
  }

  stage_default_route_settings = {
    detailed_metrics_enabled = true
    throttling_burst_limit   = 100
    throttling_rate_limit    = 100
  }
  stage_access_log_settings = {
    log_group_retention_in_days = 30
    log_group_kms_key_id        = module.encryption.key_arn
  }
}
