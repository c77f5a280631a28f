# Rendered by Infracrew Forge from PlanSpec plan-docs-site-0f1e2d3c4b5a. Change the goal, not this file.

terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.42"
    }
  }
}
