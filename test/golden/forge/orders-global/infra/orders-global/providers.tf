# Rendered by Infracrew Forge from PlanSpec plan-orders-global-3e8a1c5d7f9b. Change the goal, not this file.

provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = {
      "cost-center"    = "cc-1234"
      "infracrew-goal" = "orders-global@sha256:4c2e8a6f1b3d5e7a9c0b2d4f6e8a1c3b5d7f9e0a2c4b6d8f1e3a5c7b9d0f2e4a"
      "managed-by"     = "infracrew"
      team             = "platform"
    }
  }
}

# The secondary region: every component with region eu-central-1 is made through this provider.
provider "aws" {
  alias  = "secondary"
  region = "eu-central-1"

  default_tags {
    tags = {
      "cost-center"    = "cc-1234"
      "infracrew-goal" = "orders-global@sha256:4c2e8a6f1b3d5e7a9c0b2d4f6e8a1c3b5d7f9e0a2c4b6d8f1e3a5c7b9d0f2e4a"
      "managed-by"     = "infracrew"
      team             = "platform"
    }
  }
}
