# Rendered by Infracrew Forge from PlanSpec plan-vision-api-15bb9a798ef1. Change the goal, not this file.

provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = {
      "cost-center"    = "cc-42"
      "infracrew-goal" = "vision-api@sha256:dd9b407022f4f8e271becc1b8386b7226ccc89dc32b65a142209f60588036872"
      "managed-by"     = "infracrew"
      team             = "catalogue"
    }
  }
}
