# Rendered by Infracrew Forge from PlanSpec plan-payment-events-6cb8a990fbf0. Change the goal, not this file.

terraform {
  backend "s3" {
    bucket       = "acme-terraform-state"
    key          = "infracrew/payment-events/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    use_lockfile = true
  }
}
