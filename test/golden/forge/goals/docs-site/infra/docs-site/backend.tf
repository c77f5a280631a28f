# Rendered by Infracrew Forge from PlanSpec plan-docs-site-f5c1faf6b5c2. Change the goal, not this file.

terraform {
  backend "s3" {
    bucket       = "acme-terraform-state"
    key          = "infracrew/docs-site/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    use_lockfile = true
  }
}
