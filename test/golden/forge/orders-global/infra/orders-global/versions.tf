# Rendered by Infracrew Forge from PlanSpec plan-orders-global-3e8a1c5d7f9b. Change the goal, not this file.

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
