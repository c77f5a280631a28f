# Rendered by Infracrew Forge from PlanSpec plan-orders-api-41c913a086c6. Change the goal, not this file.

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

module "encryption" {
  source  = "terraform-aws-modules/kms/aws"
  version = "4.2.0"

  description             = "Infracrew orders-api: encryption at rest for its data stores and logs"
  aliases                 = ["infracrew/orders-api"]
  enable_key_rotation     = true
  deletion_window_in_days = 30

  # Services that encrypt with the key on this account's behalf.
  key_statements = [
    {
      sid       = "CloudWatchLogsEncryptsThisAccountsLogGroups"
      actions   = ["kms:Decrypt*", "kms:Describe*", "kms:Encrypt*", "kms:GenerateDataKey*", "kms:ReEncrypt*"]
      resources = ["*"]
      principals = [
        {
          type        = "Service"
          identifiers = ["logs.us-east-1.amazonaws.com"]
        },
      ]
      condition = [
        {
          test     = "ArnLike"
          variable = "kms:EncryptionContext:aws:logs:arn"
          values = [
            "arn:${data.aws_partition.current.partition}:logs:us-east-1:${data.aws_caller_identity.current.account_id}:log-group:*",
          ]
        },
      ]
    },
  ]
}
