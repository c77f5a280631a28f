# Rendered by Infracrew Forge from PlanSpec plan-checkout-api-1a2b3c4d5e6f. Change the goal, not this file.

provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = {
      "cost-center"    = "cc-42"
      "infracrew-goal" = "checkout-api@sha256:3f14faf4e771d0962bcea7fa4a640de30c8722a355ba38633209a4d139d233b6"
      "managed-by"     = "infracrew"
      team             = "payments"
    }
  }
}
