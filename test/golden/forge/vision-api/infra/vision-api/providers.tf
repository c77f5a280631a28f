# Rendered by Infracrew Forge from PlanSpec plan-vision-api-7c1e2a9b3d4f. Change the goal, not this file.

provider "aws" {
  region = "us-east-1"

  default_tags {
    tags = {
      "cost-center"    = "cc-1234"
      "infracrew-goal" = "vision-api@sha256:5e0c5e0c5e0c5e0c5e0c5e0c5e0c5e0c5e0c5e0c5e0c5e0c5e0c5e0c5e0c5e0c"
      "managed-by"     = "infracrew"
      team             = "platform"
    }
  }
}
