# Rendered by Infracrew Forge from PlanSpec plan-payment-events-6cb8a990fbf0. Change the goal, not this file.

provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = {
      "cost-center"    = "cc-2001"
      "infracrew-goal" = "payment-events@sha256:c556e35752996e6280298531384eeaa13e57051a8faa7f19ff4a665af0a5c984"
      "managed-by"     = "infracrew"
      team             = "payments"
    }
  }
}
