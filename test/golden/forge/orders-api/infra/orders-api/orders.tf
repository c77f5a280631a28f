# Rendered by Infracrew Forge from PlanSpec plan-orders-api-7c1e2a9b3d4f. Change the goal, not this file.

module "orders" {
  source  = "terraform-aws-modules/dynamodb-table/aws"
  version = "5.5.0"

  name         = "orders-api-orders"
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
  ttl_enabled                    = true
  ttl_attribute_name             = "expiresAt"

  server_side_encryption_enabled     = true
  server_side_encryption_kms_key_arn = module.encryption.key_arn
}
