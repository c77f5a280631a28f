# Rendered by Infracrew Forge from PlanSpec plan-pricing-api-c2899a34ea3f. Change the goal, not this file.

terraform {
  backend "s3" {
    bucket       = "acme-terraform-state"
    key          = "infracrew/pricing-api/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    use_lockfile = true
  }
}
