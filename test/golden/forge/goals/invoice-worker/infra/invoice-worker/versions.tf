# Rendered by Infracrew Forge from PlanSpec plan-invoice-worker-7b9575d9608b. Change the goal, not this file.

terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.42"
    }
  }
}
