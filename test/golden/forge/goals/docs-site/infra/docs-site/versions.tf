# Rendered by Infracrew Forge from PlanSpec plan-docs-site-85ce7bcc14df. Change the goal, not this file.

terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.42"
    }
  }
}
