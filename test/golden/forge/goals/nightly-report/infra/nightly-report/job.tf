# Rendered by Infracrew Forge from PlanSpec plan-nightly-report-321d5e6908b0. Change the goal, not this file.

# Tasks pull their image and call AWS APIs over HTTPS through the NAT gateway; only port 443 is open.
#trivy:ignore:AVD-AWS-0104
#tfsec:ignore:aws-ec2-no-public-egress-sgr
module "job" {
  source  = "terraform-aws-modules/ecs/aws//modules/service"
  version = "7.5.0"

  name           = "nightly-report-job"
  cluster_arn    = module.cluster.arn
  create_service = false

  cpu    = 1024
  memory = 2048
  runtime_platform = {
    cpu_architecture        = "X86_64"
    operating_system_family = "LINUX"
  }

  container_definitions = {
    app = {
      image                  = "ghcr.io/example/sales-report:3.1.0"
      essential              = true
      readonlyRootFilesystem = true
      environment = [
        {
          name  = "BUCKET_REPORTS_BUCKET"
          value = module.bucket_reports.s3_bucket_id
        },
      ]
      mountPoints = [
        {
          sourceVolume  = "tmp"
          containerPath = "/tmp"
          readOnly      = false
        },
      ]
      cloudwatch_log_group_retention_in_days = 90
      cloudwatch_log_group_kms_key_id        = module.encryption.key_arn
    }
  }
  volume = {
    tmp = {}
  }

  subnet_ids       = module.network.private_subnets
  assign_public_ip = false
  security_group_egress_rules = {
    https = {
      from_port   = 443
      to_port     = 443
      ip_protocol = "tcp"
      cidr_ipv4   = "0.0.0.0/0"
      description = "Image pulls and AWS APIs over HTTPS, through the NAT gateway"
    }
  }

  # The task role reaches only the queues and buckets this task is linked to.
  tasks_iam_role_statements = [
    {
      actions   = ["s3:ListBucket"]
      resources = [module.bucket_reports.s3_bucket_arn]
    },
    {
      actions   = ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"]
      resources = ["${module.bucket_reports.s3_bucket_arn}/*"]
    },
    {
      actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
      resources = [module.encryption.key_arn]
    },
  ]
}

module "job_runner" {
  source  = "terraform-aws-modules/step-functions/aws"
  version = "5.0.2"

  name = "nightly-report-job"
  type = "STANDARD"
  definition = jsonencode({
    Comment = "Runs job once"
    StartAt = "Run"
    States = {
      Run = {
        Type           = "Task"
        Resource       = "arn:${data.aws_partition.current.partition}:states:::ecs:runTask.sync"
        TimeoutSeconds = 2700
        Parameters = {
          LaunchType     = "FARGATE"
          Cluster        = module.cluster.arn
          TaskDefinition = module.job.task_definition_arn
          NetworkConfiguration = {
            AwsvpcConfiguration = {
              Subnets        = module.network.private_subnets
              SecurityGroups = [module.job.security_group_id]
              AssignPublicIp = "DISABLED"
            }
          }
        }
        Retry = [
          {
            ErrorEquals     = ["States.ALL"]
            IntervalSeconds = 60
            MaxAttempts     = 2
            BackoffRate     = 2
          },
        ]
        End = true
      }
    }
  })

  # The role may run this task definition, pass its two roles, and stop or watch tasks in this cluster.
  service_integrations = {
    ecs_Sync = {
      ecs = [module.job.task_definition_arn]
      ecs_Wildcard = [
        "arn:${data.aws_partition.current.partition}:ecs:eu-central-1:${data.aws_caller_identity.current.account_id}:task/${module.cluster.name}/*",
      ]
      iam_PassRole = [module.job.task_exec_iam_role_arn, module.job.tasks_iam_role_arn]
      events       = true
    }
    xray = {
      xray = true
    }
  }

  logging_configuration = {
    level                  = "ERROR"
    include_execution_data = "false"
  }
  cloudwatch_log_group_retention_in_days = 90
  cloudwatch_log_group_kms_key_id        = module.encryption.key_arn
}

resource "aws_scheduler_schedule" "job" {
  name                         = "nightly-report-job"
  description                  = "Starts job"
  schedule_expression          = "cron(0 2 * * ? *)"
  schedule_expression_timezone = "Europe/Berlin"
  kms_key_arn                  = module.encryption.key_arn

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = module.job_runner.state_machine_arn
    role_arn = module.job_scheduler.arn

    dead_letter_config {
      arn = module.job_dead_letters.queue_arn
    }

    retry_policy {
      maximum_event_age_in_seconds = 3600
    }
  }
}

module "job_scheduler" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role"
  version = "6.5.0"

  name            = "nightly-report-job-scheduler"
  use_name_prefix = false
  trust_policy_permissions = {
    scheduler = {
      actions = ["sts:AssumeRole"]
      principals = [
        {
          type        = "Service"
          identifiers = ["scheduler.amazonaws.com"]
        },
      ]
      condition = [
        {
          test     = "StringEquals"
          variable = "aws:SourceAccount"
          values   = [data.aws_caller_identity.current.account_id]
        },
      ]
    }
  }
  create_inline_policy = true
  inline_policy_permissions = {
    start = {
      actions   = ["states:StartExecution"]
      resources = [module.job_runner.state_machine_arn]
    }
    dead_letters = {
      actions   = ["sqs:SendMessage"]
      resources = [module.job_dead_letters.queue_arn]
    }
    stack_key = {
      actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
      resources = [module.encryption.key_arn]
    }
  }
}

module "job_dead_letters" {
  source  = "terraform-aws-modules/sqs/aws"
  version = "5.2.1"

  name                              = "nightly-report-job-dead-letters"
  message_retention_seconds         = 1209600
  kms_master_key_id                 = module.encryption.key_arn
  kms_data_key_reuse_period_seconds = 300
}

module "job_alarms" {
  source  = "terraform-aws-modules/sns/aws"
  version = "7.1.0"

  name              = "nightly-report-job-alarms"
  kms_master_key_id = module.encryption.key_arn
}

module "job_failed" {
  source  = "terraform-aws-modules/cloudwatch/aws//modules/metric-alarm"
  version = "5.7.2"

  alarm_name        = "nightly-report-job-failed"
  alarm_description = "A run of job failed, timed out, or was aborted after its retries."
  namespace         = "AWS/States"
  metric_name       = "ExecutionsFailed"
  dimensions = {
    StateMachineArn = module.job_runner.state_machine_arn
  }
  statistic           = "Sum"
  period              = "300"
  evaluation_periods  = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  treat_missing_data  = "notBreaching"
  alarm_actions       = [module.job_alarms.topic_arn]
}

module "job_not_started" {
  source  = "terraform-aws-modules/cloudwatch/aws//modules/metric-alarm"
  version = "5.7.2"

  alarm_name        = "nightly-report-job-not-started"
  alarm_description = "The schedule could not start job: the start is in the dead-letter queue."
  namespace         = "AWS/SQS"
  metric_name       = "ApproximateNumberOfMessagesVisible"
  dimensions = {
    QueueName = module.job_dead_letters.queue_name
  }
  statistic           = "Maximum"
  period              = "300"
  evaluation_periods  = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  treat_missing_data  = "notBreaching"
  alarm_actions       = [module.job_alarms.topic_arn]
}
