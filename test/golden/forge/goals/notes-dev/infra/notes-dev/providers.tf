# Rendered by Infracrew Forge from PlanSpec plan-notes-dev-b745f312024f. Change the goal, not this file.

provider "aws" {
  region = "us-east-1"

  default_tags {
    tags = {
      "infracrew-goal" = "notes-dev@sha256:dfb06244947eaba166dc8e290ea75f6720806d3120b05ce451873a5f55c2a75e"
      "managed-by"     = "infracrew"
      team             = "notes"
    }
  }
}
