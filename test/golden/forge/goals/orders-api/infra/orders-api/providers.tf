# Rendered by Infracrew Forge from PlanSpec plan-orders-api-41c913a086c6. Change the goal, not this file.

provider "aws" {
  region = "us-east-1"

  default_tags {
    tags = {
      "cost-center"    = "cc-17"
      "infracrew-goal" = "orders-api@sha256:b1136b400318900eaa0c510d5192bbab9ed90d5406bdb1106a1bd40d6fd81875"
      "managed-by"     = "infracrew"
      team             = "orders"
    }
  }
}
