# Rendered by Infracrew Forge from PlanSpec plan-orders-global-3e8a1c5d7f9b. Change the goal, not this file.

module "orders" {
  source  = "terraform-aws-modules/dynamodb-table/aws"
  version = "5.5.0"

  name         = "orders-global-orders"
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

  # A global table: every replica takes reads and writes; the last writer wins a conflict.
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"
  replica_regions = [
    {
      region_name            = "eu-central-1"
      kms_key_arn            = module.encryption_secondary.key_arn
      point_in_time_recovery = true
      propagate_tags         = true
    },
  ]
}
