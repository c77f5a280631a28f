# Rendered by Infracrew Forge from PlanSpec plan-payment-events-6cb8a990fbf0. Change the goal, not this file.

module "logs" {
  source  = "terraform-aws-modules/cloudwatch/aws//modules/log-group"
  version = "5.7.2"

  name              = "/infracrew/payment-events/logs"
  retention_in_days = 90
  kms_key_id        = module.encryption.key_arn
}
