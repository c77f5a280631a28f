# Rendered by Infracrew Forge from PlanSpec plan-clickstream-d8eab8f11ad1. Change the goal, not this file.

terraform {
  # S3 native state locking (the backend's use_lockfile) needs Terraform >= 1.11.0.
  required_version = ">= 1.6.0, >= 1.11.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.42"
    }
  }
}
