# Rendered by Infracrew Forge from PlanSpec plan-invoice-worker-2445eb1625bc. Change the goal, not this file.

terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.42"
    }
  }
}
