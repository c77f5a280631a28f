# Rendered by Infracrew Forge from PlanSpec plan-notes-dev-b745f312024f. Change the goal, not this file.

module "handler_security_group" {
  source  = "terraform-aws-modules/security-group/aws"
  version = "5.3.1"

  name        = "notes-dev-handler"
  description = "handler: to its database and the Secrets Manager endpoint, and nothing else"
  vpc_id      = module.network.vpc_id
  egress_with_source_security_group_id = [
    {
      from_port                = "5432"
      to_port                  = "5432"
      protocol                 = "tcp"
      description              = "To database"
      source_security_group_id = module.database_security_group.security_group_id
    },
  ]
  egress_with_cidr_blocks = [
    {
      from_port   = "443"
      to_port     = "443"
      protocol    = "tcp"
      description = "To the Secrets Manager interface endpoint, inside the VPC"
      cidr_blocks = module.network.vpc_cidr_block
    },
  ]
}

module "handler" {
  #checkov:skip=CKV_AWS_272:The code comes from an ECR image or a package the deploy names; the pipeline that builds it signs it, not the stack.
  #checkov:skip=CKV_AWS_116:The HTTP API invokes the function synchronously and returns its errors to the caller; a dead-letter queue would never receive anything.
  source  = "terraform-aws-modules/lambda/aws"
  version = "8.8.1"

  function_name  = "notes-dev-handler"
  description    = "Infracrew notes-dev: handler"
  runtime        = "python3.13"
  handler        = "app.handler"
  create_package = false
  s3_existing_package = {
    bucket = var.handler_package_bucket
    key    = var.handler_package_key
  }

  architectures                  = ["x86_64"]
  memory_size                    = 1024
  timeout                        = 10
  reserved_concurrent_executions = 10
  tracing_mode                   = "Active"
  attach_tracing_policy          = true

  # In the VPC's private subnets, to reach the database; no NAT.
  vpc_subnet_ids         = module.network.private_subnets
  vpc_security_group_ids = [module.handler_security_group.security_group_id]
  attach_network_policy  = true

  environment_variables = {
    DATABASE_HOST       = module.database.db_instance_address
    DATABASE_PORT       = "5432"
    DATABASE_NAME       = "notes_dev"
    DATABASE_SECRET_ARN = module.database.db_instance_master_user_secret_arn
  }
  kms_key_arn                       = module.encryption.key_arn
  cloudwatch_logs_retention_in_days = 30
  cloudwatch_logs_kms_key_id        = module.encryption.key_arn

  # The function's role reaches only the data it is linked to (its database's secret), and the stack key.
  attach_policy_statements = true
  policy_statements = {
    secret_database = {
      effect    = "Allow"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = [module.database.db_instance_master_user_secret_arn]
    }
    stack_key = {
      effect    = "Allow"
      actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
      resources = [module.encryption.key_arn]
    }
  }

  create_current_version_allowed_triggers = false
  allowed_triggers = {
    api = {
      service    = "apigateway"
      source_arn = "${module.api.api_execution_arn}/*/*"
    }
  }
}
