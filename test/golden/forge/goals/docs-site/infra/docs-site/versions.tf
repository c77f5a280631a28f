# Rendered by Infracrew Forge from PlanSpec plan-docs-site-4115eb54cfa4. Change the goal, not this file.

terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.42"
    }
  }
}
