# Rendered by Infracrew Forge from PlanSpec plan-clickstream-d8eab8f11ad1. Change the goal, not this file.

resource "aws_kinesis_stream" "stream" {
  name             = "clickstream-stream"
  retention_period = 48

  stream_mode_details {
    stream_mode = "ON_DEMAND"
  }

  encryption_type = "KMS"
  kms_key_id      = module.encryption.key_arn
}

module "stream_delivery_logs" {
  source  = "terraform-aws-modules/cloudwatch/aws//modules/log-group"
  version = "5.7.2"

  name              = "/aws/kinesisfirehose/clickstream-stream"
  retention_in_days = 365
  kms_key_id        = module.encryption.key_arn
}

module "stream_delivery_log_stream" {
  source  = "terraform-aws-modules/cloudwatch/aws//modules/log-stream"
  version = "5.7.2"

  name           = "DestinationDelivery"
  log_group_name = module.stream_delivery_logs.cloudwatch_log_group_name
}

module "stream_delivery_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role"
  version = "6.5.0"

  name            = "clickstream-stream-delivery"
  use_name_prefix = false
  trust_policy_permissions = {
    firehose = {
      actions = ["sts:AssumeRole"]
      principals = [
        {
          type        = "Service"
          identifiers = ["firehose.amazonaws.com"]
        },
      ]
      condition = [
        {
          test     = "StringEquals"
          variable = "sts:ExternalId"
          values   = [data.aws_caller_identity.current.account_id]
        },
      ]
    }
  }
  create_inline_policy = true
  inline_policy_permissions = {
    read_stream = {
      actions   = ["kinesis:DescribeStream", "kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards"]
      resources = [aws_kinesis_stream.stream.arn]
    }
    write_bucket = {
      actions = [
        "s3:AbortMultipartUpload",
        "s3:GetBucketLocation",
        "s3:GetObject",
        "s3:ListBucket",
        "s3:ListBucketMultipartUploads",
        "s3:PutObject",
      ]
      resources = [module.archive.s3_bucket_arn, "${module.archive.s3_bucket_arn}/*"]
    }
    stack_key = {
      actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
      resources = [module.encryption.key_arn]
    }
    log_errors = {
      actions   = ["logs:PutLogEvents"]
      resources = [module.stream_delivery_log_stream.cloudwatch_log_stream_arn]
    }
  }
}

resource "aws_kinesis_firehose_delivery_stream" "stream" {
  #checkov:skip=CKV_AWS_240:Firehose reads from a Kinesis stream encrypted with the stack key; server-side encryption applies only to direct puts, and AWS refuses it with a stream source.
  #checkov:skip=CKV_AWS_241:The records are encrypted with the stack key in the stream and again in the bucket; Firehose takes no key of its own with a stream source.
  name        = "clickstream-stream"
  destination = "extended_s3"

  kinesis_source_configuration {
    kinesis_stream_arn = aws_kinesis_stream.stream.arn
    role_arn           = module.stream_delivery_role.arn
  }

  extended_s3_configuration {
    role_arn            = module.stream_delivery_role.arn
    bucket_arn          = module.archive.s3_bucket_arn
    prefix              = "raw/"
    error_output_prefix = "raw/errors/!{firehose:error-output-type}/"
    buffering_interval  = 300
    buffering_size      = 64
    compression_format  = "GZIP"
    kms_key_arn         = module.encryption.key_arn

    cloudwatch_logging_options {
      enabled         = true
      log_group_name  = module.stream_delivery_logs.cloudwatch_log_group_name
      log_stream_name = module.stream_delivery_log_stream.cloudwatch_log_stream_name
    }
  }
}
