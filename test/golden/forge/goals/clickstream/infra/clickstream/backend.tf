# Rendered by Infracrew Forge from PlanSpec plan-clickstream-d8eab8f11ad1. Change the goal, not this file.

terraform {
  backend "s3" {
    bucket       = "acme-terraform-state"
    key          = "infracrew/clickstream/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    use_lockfile = true
  }
}
