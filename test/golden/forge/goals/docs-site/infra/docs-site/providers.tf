# Rendered by Infracrew Forge from PlanSpec plan-docs-site-f5c1faf6b5c2. Change the goal, not this file.

provider "aws" {
  region = "us-east-1"

  default_tags {
    tags = {
      "infracrew-goal" = "docs-site@sha256:2d1e6978fc9e688c402dfb227b566bb00311adc0e61516de6111c625de254c2e"
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
      "infracrew-goal" = "docs-site@sha256:2d1e6978fc9e688c402dfb227b566bb00311adc0e61516de6111c625de254c2e"
      "managed-by"     = "infracrew"
      team             = "devrel"
    }
  }
}
