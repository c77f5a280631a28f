# Rendered by Infracrew Forge from PlanSpec plan-invoice-worker-f9a0eca2e6b8. Change the goal, not this file.

module "queue" {
  source  = "terraform-aws-modules/sqs/aws"
  version = "5.2.1"

  name                       = "invoice-worker-queue"
  visibility_timeout_seconds = 300
  message_retention_seconds  = 345600
  receive_wait_time_seconds  = 20

  kms_master_key_id                 = module.encryption.key_arn
  kms_data_key_reuse_period_seconds = 300

  create_dlq = true
  redrive_policy = {
    maxReceiveCount = 5
  }
  dlq_message_retention_seconds         = 1209600
  dlq_kms_master_key_id                 = module.encryption.key_arn
  dlq_kms_data_key_reuse_period_seconds = 300
}
