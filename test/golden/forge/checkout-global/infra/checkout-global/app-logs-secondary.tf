# Rendered by Infracrew Forge from PlanSpec plan-checkout-global-5b7d9f1a3c2e. Change the goal, not this file.

module "app_logs_secondary" {
  source  = "terraform-aws-modules/cloudwatch/aws//modules/log-group"
  version = "5.7.2"
  providers = {
    aws = aws.secondary
  }

  name              = "/infracrew/checkout-global/app-logs-secondary"
  retention_in_days = 365
  kms_key_id        = module.encryption_secondary.key_arn
}
