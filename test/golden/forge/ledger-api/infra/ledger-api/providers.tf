# Rendered by Infracrew Forge from PlanSpec plan-ledger-api-9e8d7c6b5a4f. Change the goal, not this file.

provider "aws" {
  region = "eu-central-1"

  default_tags {
    tags = {
      "data-class"     = "confidential"
      "infracrew-goal" = "ledger-api@sha256:09dfb4982ddcfec70d4358ef11ae21c880ef0823a01574e3ea540659c50e5cff"
      "managed-by"     = "infracrew"
      team             = "finance"
    }
  }
}
