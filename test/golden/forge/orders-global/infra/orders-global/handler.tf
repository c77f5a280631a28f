# Rendered by Infracrew Forge from PlanSpec plan-orders-global-3e8a1c5d7f9b. Change the goal, not this file.

module "handler" {
  #checkov:skip=CKV_AWS_117:The function reaches only AWS APIs (its tables, its key, its logs) and nothing inside a VPC, so it runs outside one.
  #checkov:skip=CKV_AWS_272:The code comes from an ECR image or a package the deploy names; the pipeline that builds it signs it, not the stack.
  #checkov:skip=CKV_AWS_116:The HTTP API invokes the function synchronously and returns its errors to the caller; a dead-letter queue would never receive anything.
  source  = "terraform-aws-modules/lambda/aws"
  version = "8.8.1"

  function_name  = "orders-global-handler"
  description    = "Infracrew orders-global: handler"
  package_type   = "Image"
  image_uri      = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders-api:1.8.2"
  create_package = false

  architectures                  = ["arm64"]
  memory_size                    = 1024
  timeout                        = 10
  reserved_concurrent_executions = 200
  tracing_mode                   = "Active"
  attach_tracing_policy          = true

  environment_variables = {
    ORDERS_TABLE = module.orders.dynamodb_table_id
  }
  kms_key_arn                       = module.encryption.key_arn
  cloudwatch_logs_retention_in_days = 90
  cloudwatch_logs_kms_key_id        = module.encryption.key_arn

  # The function's role reaches only the tables it is linked to, and the stack key that encrypts them.
  attach_policy_statements = true
  policy_statements = {
    table_orders = {
      effect = "Allow"
      actions = [
        "dynamodb:BatchGetItem",
        "dynamodb:BatchWriteItem",
        "dynamodb:ConditionCheckItem",
        "dynamodb:DeleteItem",
        "dynamodb:GetItem",
        "dynamodb:PutItem",
        "dynamodb:Query",
        "dynamodb:UpdateItem",
      ]
      resources = [module.orders.dynamodb_table_arn, "${module.orders.dynamodb_table_arn}/index/*"]
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
