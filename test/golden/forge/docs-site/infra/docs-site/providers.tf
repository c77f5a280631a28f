# Rendered by Infracrew Forge from PlanSpec plan-docs-site-0f1e2d3c4b5a. Change the goal, not this file.

provider "aws" {
  region = "us-east-1"

  default_tags {
    tags = {
      "infracrew-goal" = "docs-site@sha256:4c2f7a8299f7c6438764e6d9629960b54c11e0e2f6b490356e59846ba4bf1c8b"
      "managed-by"     = "infracrew"
      team             = "devrel"
    }
  }
}

# CloudFront takes web ACLs made in us-east-1 only.
provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"

  default_tags {
    tags = {
      "infracrew-goal" = "docs-site@sha256:4c2f7a8299f7c6438764e6d9629960b54c11e0e2f6b490356e59846ba4bf1c8b"
      "managed-by"     = "infracrew"
      team             = "devrel"
    }
  }
}
