# Rendered by Infracrew Forge from PlanSpec plan-ledger-api-9e8d7c6b5a4f. Change the goal, not this file.

terraform {
  backend "s3" {
    bucket         = "acme-ledger-state"
    key            = "platform/terraform/ledger-api/terraform.tfstate"
    region         = "eu-central-1"
    encrypt        = true
    dynamodb_table = "acme-terraform-locks"
  }
}
