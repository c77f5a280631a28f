# Rendered by Infracrew Forge from PlanSpec plan-nightly-report-321d5e6908b0. Change the goal, not this file.

provider "aws" {
  region = "eu-central-1"

  default_tags {
    tags = {
      "infracrew-goal" = "nightly-report@sha256:eefae0efbc178d18f011142e65e251e09e8ffbd135ab3a46fa7410b3ce3d1e53"
      "managed-by"     = "infracrew"
      team             = "finance"
    }
  }
}
