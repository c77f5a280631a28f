# Rendered by Infracrew Forge from PlanSpec plan-clickstream-d8eab8f11ad1. Change the goal, not this file.

module "logs" {
  source  = "terraform-aws-modules/cloudwatch/aws//modules/log-group"
  version = "5.7.2"

  name              = "/infracrew/clickstream/logs"
  retention_in_days = 90
  kms_key_id        = module.encryption.key_arn
}
