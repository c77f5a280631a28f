# Rendered by Infracrew Forge from PlanSpec plan-checkout-global-5b7d9f1a3c2e. Change the goal, not this file.

terraform {
  # terraform-aws-modules/rds-aurora/aws 10.2.0 needs Terraform >= 1.11.1.
  required_version = ">= 1.6.0, >= 1.11.1"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.42"
    }
  }
}
