# Rendered by Infracrew Forge from PlanSpec plan-platform-eks-3d9f23950c11. Change the goal, not this file.

provider "aws" {
  region = "eu-central-1"

  default_tags {
    tags = {
      "cost-center"    = "cc-1234"
      "infracrew-goal" = "platform-eks@sha256:366a14de3c30135f1cf83b76f6d66b681e4f61f3f3cbce8d8003edf3273d8401"
      "managed-by"     = "infracrew"
      team             = "platform"
    }
  }
}
