# Rendered by Infracrew Forge from PlanSpec plan-notes-dev-b745f312024f. Change the goal, not this file.

terraform {
  # terraform-aws-modules/rds/aws 7.2.0 needs Terraform >= 1.11.1.
  required_version = ">= 1.6.0, >= 1.11.1"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.42"
    }
  }
}
