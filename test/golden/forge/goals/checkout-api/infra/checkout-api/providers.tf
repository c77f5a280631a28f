# Rendered by Infracrew Forge from PlanSpec plan-checkout-api-e6f94a9f1a01. Change the goal, not this file.

provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = {
      "cost-center"    = "cc-42"
      "infracrew-goal" = "checkout-api@sha256:4c4ff2e9dae1ea8f33f4259dca6de4fcb645b9f1cf2a7c8f7b86c4c366d7b8d8"
      "managed-by"     = "infracrew"
      team             = "payments"
    }
  }
}
