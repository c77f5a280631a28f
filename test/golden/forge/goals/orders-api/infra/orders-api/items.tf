# Rendered by Infracrew Forge from PlanSpec plan-orders-api-41c913a086c6. Change the goal, not this file.

module "items" {
  source  = "terraform-aws-modules/dynamodb-table/aws"
  version = "5.5.0"

  name         = "orders-api-items"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"
  range_key    = "sk"
  attributes = [
    {
      name = "pk"
      type = "S"
    },
    {
      name = "sk"
      type = "S"
    },
  ]

  point_in_time_recovery_enabled = true
  deletion_protection_enabled    = true

  server_side_encryption_enabled     = true
  server_side_encryption_kms_key_arn = module.encryption.key_arn
}
