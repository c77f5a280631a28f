# Rendered by Infracrew Forge from PlanSpec plan-admin-console-c09b2de3f05f. Change the goal, not this file.

module "logs" {
  source  = "terraform-aws-modules/cloudwatch/aws//modules/log-group"
  version = "5.7.2"

  name              = "/infracrew/admin-console/logs"
  retention_in_days = 90
  kms_key_id        = module.encryption.key_arn
}
