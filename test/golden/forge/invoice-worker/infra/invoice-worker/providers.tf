# Rendered by Infracrew Forge from PlanSpec plan-invoice-worker-4b1f0c2d9e8a. Change the goal, not this file.

provider "aws" {
  region = "eu-central-1"

  default_tags {
    tags = {
      "infracrew-goal" = "invoice-worker@sha256:9f2c1d0e8b7a6f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6"
      "managed-by"     = "infracrew"
      team             = "billing"
    }
  }
}
