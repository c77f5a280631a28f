# Rendered by Infracrew Forge from PlanSpec plan-clickstream-d8eab8f11ad1. Change the goal, not this file.

provider "aws" {
  region = "us-east-1"

  default_tags {
    tags = {
      "cost-center"    = "cc-1234"
      "infracrew-goal" = "clickstream@sha256:be21de232d14cbd7edddc877818db2e4cb0e178dc1604190d701aabe5c6e292a"
      "managed-by"     = "infracrew"
      team             = "platform"
    }
  }
}
