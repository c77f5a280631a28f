# Rendered by Infracrew Forge from PlanSpec plan-checkout-api-1a2b3c4d5e6f. Change the goal, not this file.

module "app_logs" {
  source  = "terraform-aws-modules/cloudwatch/aws//modules/log-group"
  version = "5.7.2"

  name              = "/infracrew/checkout-api/app-logs"
  retention_in_days = 365
  kms_key_id        = module.encryption.key_arn
}
