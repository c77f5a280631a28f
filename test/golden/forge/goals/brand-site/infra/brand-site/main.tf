# Rendered by Infracrew Forge from PlanSpec plan-brand-site-9ff00130eaee. Change the goal, not this file.

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

module "encryption" {
  source  = "terraform-aws-modules/kms/aws"
  version = "4.2.0"

  description             = "Infracrew brand-site: encryption at rest for its data stores and logs"
  aliases                 = ["infracrew/brand-site"]
  enable_key_rotation     = true
  deletion_window_in_days = 30

  # Services that encrypt with the key on this account's behalf.
  key_statements = [
    {
      sid       = "CloudFrontDecryptsForThisAccountsDistributions"
      actions   = ["kms:Decrypt"]
      resources = ["*"]
      principals = [
        {
          type        = "Service"
          identifiers = ["cloudfront.amazonaws.com"]
        },
      ]
      condition = [
        {
          test     = "ArnLike"
          variable = "AWS:SourceArn"
          values = [
            "arn:${data.aws_partition.current.partition}:cloudfront::${data.aws_caller_identity.current.account_id}:distribution/*",
          ]
        },
      ]
    },
  ]
}
