# Rendered by Infracrew Forge from PlanSpec plan-invoice-worker-f9a0eca2e6b8. Change the goal, not this file.

provider "aws" {
  region = "eu-central-1"

  default_tags {
    tags = {
      "infracrew-goal" = "invoice-worker@sha256:fac39b93f2f3636bde41cee77f133449815f7c38801b1b3514ba7d83c56a2f81"
      "managed-by"     = "infracrew"
      team             = "billing"
    }
  }
}
