# Rendered by Infracrew Forge from PlanSpec plan-ledger-api-9e8d7c6b5a4f. Change the goal, not this file.

module "events" {
  source  = "terraform-aws-modules/sqs/aws"
  version = "5.2.1"

  name                       = "ledger-api-events"
  visibility_timeout_seconds = 60
  message_retention_seconds  = 604800
  receive_wait_time_seconds  = 20

  kms_master_key_id                 = module.encryption.key_arn
  kms_data_key_reuse_period_seconds = 300

  create_dlq = true
  redrive_policy = {
    maxReceiveCount = 3
  }
  dlq_message_retention_seconds         = 1209600
  dlq_kms_master_key_id                 = module.encryption.key_arn
  dlq_kms_data_key_reuse_period_seconds = 300
}
