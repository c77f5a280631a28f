# Rendered by Infracrew Forge from PlanSpec plan-orders-global-3e8a1c5d7f9b. Change the goal, not this file.

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

module "encryption" {
  source  = "terraform-aws-modules/kms/aws"
  version = "4.2.0"

  description             = "Infracrew orders-global: encryption at rest for its data stores and logs"
  aliases                 = ["infracrew/orders-global"]
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
          identifiers = ["logs.eu-west-1.amazonaws.com"]
        },
      ]
      condition = [
        {
          test     = "ArnLike"
          variable = "kms:EncryptionContext:aws:logs:arn"
          values = [
            "arn:${data.aws_partition.current.partition}:logs:eu-west-1:${data.aws_caller_identity.current.account_id}:log-group:*",
          ]
        },
      ]
    },
  ]
}

module "encryption_secondary" {
  source  = "terraform-aws-modules/kms/aws"
  version = "4.2.0"
  providers = {
    aws = aws.secondary
  }

  description             = "Infracrew orders-global: encryption at rest for its data stores and logs in eu-central-1"
  aliases                 = ["infracrew/orders-global"]
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
          identifiers = ["logs.eu-central-1.amazonaws.com"]
        },
      ]
      condition = [
        {
          test     = "ArnLike"
          variable = "kms:EncryptionContext:aws:logs:arn"
          values = [
            "arn:${data.aws_partition.current.partition}:logs:eu-central-1:${data.aws_caller_identity.current.account_id}:log-group:*",
          ]
        },
      ]
    },
  ]
}
