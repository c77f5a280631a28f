# Rendered by Infracrew Forge from PlanSpec plan-nightly-report-7c1e2a9b3d4f. Change the goal, not this file.

provider "aws" {
  region = "eu-central-1"

  default_tags {
    tags = {
      "cost-center"    = "cc-1234"
      "infracrew-goal" = "nightly-report@sha256:5e0c5e0c5e0c5e0c5e0c5e0c5e0c5e0c5e0c5e0c5e0c5e0c5e0c5e0c5e0c5e0c"
      "managed-by"     = "infracrew"
      team             = "platform"
    }
  }
}
