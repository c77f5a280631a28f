# Rendered by Infracrew Forge from PlanSpec plan-orders-api-41c913a086c6. Change the goal, not this file.

terraform {
  backend "s3" {
    bucket       = "acme-terraform-state"
    key          = "infracrew/orders-api/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    use_lockfile = true
  }
}
