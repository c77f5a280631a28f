# Rendered by Infracrew Forge from PlanSpec plan-notes-dev-b745f312024f. Change the goal, not this file.

terraform {
  backend "s3" {
    bucket       = "acme-terraform-state"
    key          = "infracrew/notes-dev/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    use_lockfile = true
  }
}
