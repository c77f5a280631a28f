# Rendered by Infracrew Forge from PlanSpec plan-admin-console-c09b2de3f05f. Change the goal, not this file.

provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = {
      "infracrew-goal" = "admin-console@sha256:5a811273a0e09c4516d0dc366f05085a0a7668e2ba936472e0324af063083fd0"
      "managed-by"     = "infracrew"
      team             = "support-tools"
    }
  }
}
