# Rendered by Infracrew Forge from PlanSpec plan-pricing-api-c2899a34ea3f. Change the goal, not this file.

module "logs" {
  source  = "terraform-aws-modules/cloudwatch/aws//modules/log-group"
  version = "5.7.2"

  name              = "/infracrew/pricing-api/logs"
  retention_in_days = 30
  kms_key_id        = module.encryption.key_arn
}
