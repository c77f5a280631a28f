# Rendered by Infracrew Forge from PlanSpec plan-ledger-api-9e8d7c6b5a4f. Change the goal, not this file.

terraform {
  # terraform-aws-modules/rds-aurora/aws 10.2.0 needs Terraform >= 1.11.1.
  required_version = "~> 1.12, >= 1.11.1"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.42"
    }
  }
}
