# Rendered by Infracrew Forge from PlanSpec plan-pricing-api-c2899a34ea3f. Change the goal, not this file.

provider "aws" {
  region = "eu-central-1"

  default_tags {
    tags = {
      "infracrew-goal" = "pricing-api@sha256:f4b9f98f4634f105137ca8c518dbf54a481f6fbe8581a873bc6a2a0d6e2dc81e"
      "managed-by"     = "infracrew"
      team             = "storefront"
    }
  }
}
