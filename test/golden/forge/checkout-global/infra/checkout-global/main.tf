# Rendered by Infracrew Forge from PlanSpec plan-checkout-global-5b7d9f1a3c2e. Change the goal, not this file.

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

module "encryption" {
  source  = "terraform-aws-modules/kms/aws"
  version = "4.2.0"

  description             = "Infracrew checkout-global: encryption at rest for its data stores and logs"
  aliases                 = ["infracrew/checkout-global"]
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

module "cluster" {
  source  = "terraform-aws-modules/ecs/aws//modules/cluster"
  version = "7.5.0"

  name = "checkout-global"

  configuration = {
    execute_command_configuration = {
      kms_key_id = module.encryption.key_arn
      logging    = "OVERRIDE"
      log_configuration = {
        cloud_watch_encryption_enabled = true
      }
    }
  }
  setting = [
    {
      name  = "containerInsights"
      value = "enabled"
    },
  ]

  cloudwatch_log_group_retention_in_days = 365
  cloudwatch_log_group_kms_key_id        = module.encryption.key_arn
}

module "encryption_secondary" {
  source  = "terraform-aws-modules/kms/aws"
  version = "4.2.0"
  providers = {
    aws = aws.secondary
  }

  description             = "Infracrew checkout-global: encryption at rest for its data stores and logs in eu-central-1"
  aliases                 = ["infracrew/checkout-global"]
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

module "cluster_secondary" {
  source  = "terraform-aws-modules/ecs/aws//modules/cluster"
  version = "7.5.0"
  providers = {
    aws = aws.secondary
  }

  name = "checkout-global"

  configuration = {
    execute_command_configuration = {
      kms_key_id = module.encryption_secondary.key_arn
      logging    = "OVERRIDE"
      log_configuration = {
        cloud_watch_encryption_enabled = true
      }
    }
  }
  setting = [
    {
      name  = "containerInsights"
      value = "enabled"
    },
  ]

  cloudwatch_log_group_retention_in_days = 365
  cloudwatch_log_group_kms_key_id        = module.encryption_secondary.key_arn
}
