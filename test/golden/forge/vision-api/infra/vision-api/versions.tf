# Rendered by Infracrew Forge from PlanSpec plan-vision-api-7c1e2a9b3d4f. Change the goal, not this file.

terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.42"
    }
  }
}
