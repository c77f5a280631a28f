# Rendered by Infracrew Forge from PlanSpec plan-checkout-global-5b7d9f1a3c2e. Change the goal, not this file.

provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = {
      "cost-center"    = "cc-42"
      "infracrew-goal" = "checkout-global@sha256:9a41c0d2b7e85f6a3c1d4e2f0b9a8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b"
      "managed-by"     = "infracrew"
      team             = "payments"
    }
  }
}

# The secondary region: every component with region eu-central-1 is made through this provider.
provider "aws" {
  alias  = "secondary"
  region = "eu-central-1"

  default_tags {
    tags = {
      "cost-center"    = "cc-42"
      "infracrew-goal" = "checkout-global@sha256:9a41c0d2b7e85f6a3c1d4e2f0b9a8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b"
      "managed-by"     = "infracrew"
      team             = "payments"
    }
  }
}
