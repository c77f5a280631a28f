# Rendered by Infracrew Forge from PlanSpec plan-checkout-api-ad72dc042a11. Change the goal, not this file.

provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = {
      "cost-center"    = "cc-42"
      "infracrew-goal" = "checkout-api@sha256:fff5e7bb35cee6bc90e2dc7301800cafdbd1a0f3cfbe360c2974738c3d5296c7"
      "managed-by"     = "infracrew"
      team             = "payments"
    }
  }
}
