# Rendered by Infracrew Forge from PlanSpec plan-brand-site-9ff00130eaee. Change the goal, not this file.

provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = {
      "infracrew-goal" = "brand-site@sha256:704c5824af045908a6f74e0600c6d738fccfb2b0eac0d7c01cde8cd96dde464a"
      "managed-by"     = "infracrew"
      team             = "marketing"
    }
  }
}

# CloudFront takes web ACLs and certificates made in us-east-1 only.
provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"

  default_tags {
    tags = {
      "infracrew-goal" = "brand-site@sha256:704c5824af045908a6f74e0600c6d738fccfb2b0eac0d7c01cde8cd96dde464a"
      "managed-by"     = "infracrew"
      team             = "marketing"
    }
  }
}
