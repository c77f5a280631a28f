# Rendered by Infracrew Forge from PlanSpec plan-nightly-report-321d5e6908b0. Change the goal, not this file.

terraform {
  backend "s3" {
    bucket       = "acme-terraform-state"
    key          = "infracrew/nightly-report/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    use_lockfile = true
  }
}
