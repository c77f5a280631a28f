# Rendered by Infracrew Forge from PlanSpec plan-checkout-api-ad72dc042a11. Change the goal, not this file.

module "logs" {
  source  = "terraform-aws-modules/cloudwatch/aws//modules/log-group"
  version = "5.7.2"

  name              = "/infracrew/checkout-api/logs"
  retention_in_days = 365
  kms_key_id        = module.encryption.key_arn
}
