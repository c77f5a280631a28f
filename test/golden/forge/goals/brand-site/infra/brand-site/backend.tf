# Rendered by Infracrew Forge from PlanSpec plan-brand-site-9ff00130eaee. Change the goal, not this file.

# The OrgPolicy (.github/infracrew.yml) names no state bucket, so `terraform init` is given it:
#   terraform init -backend-config="bucket=<bucket>" -backend-config="region=<region>"
# The Infracrew workflows pass the repository variables INFRACREW_STATE_BUCKET and
# INFRACREW_STATE_REGION. Set terraform.backend in the policy to write them here instead.
terraform {
  backend "s3" {
    key          = "infracrew/brand-site/terraform.tfstate"
    encrypt      = true
    use_lockfile = true
  }
}
