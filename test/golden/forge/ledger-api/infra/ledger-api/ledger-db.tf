# Rendered by Infracrew Forge from PlanSpec plan-ledger-api-9e8d7c6b5a4f. Change the goal, not this file.

module "ledger_db" {
  source  = "terraform-aws-modules/rds-aurora/aws"
  version = "10.2.0"

  name = "ledger-api-ledger-db"

  engine                   = "aurora-mysql"
  engine_version           = "8.0.mysql_aurora.3.08.0"
  engine_lifecycle_support = "open-source-rds-extended-support-disabled"
  master_username          = "dbadmin"
  database_name            = "ledger_api"
  port                     = "3306"
  cluster_parameter_group = {
    name        = "ledger-api-ledger-db"
    family      = "aurora-mysql8.0"
    description = "ledger-db: TLS required"
    parameters = [
      {
        name         = "require_secure_transport"
        value        = "ON"
        apply_method = "pending-reboot"
      },
    ]
  }

  instances = {
    "1" = {
      instance_class                        = "db.r6g.large"
      performance_insights_enabled          = true
      performance_insights_kms_key_id       = module.encryption.key_arn
      performance_insights_retention_period = 7
    }
    "2" = {
      instance_class                        = "db.r6g.large"
      performance_insights_enabled          = true
      performance_insights_kms_key_id       = module.encryption.key_arn
      performance_insights_retention_period = 7
    }
  }

  vpc_id               = module.network.vpc_id
  db_subnet_group_name = module.network.database_subnet_group_name
  security_group_ingress_rules = {
    api = {
      from_port                    = 3306
      to_port                      = 3306
      ip_protocol                  = "tcp"
      referenced_security_group_id = module.api.security_group_id
      description                  = "From api"
    }
  }

  storage_encrypted                      = true
  kms_key_id                             = module.encryption.key_arn
  manage_master_user_password            = true
  master_user_secret_kms_key_id          = module.encryption.key_arn
  backup_retention_period                = 7
  deletion_protection                    = true
  skip_final_snapshot                    = false
  copy_tags_to_snapshot                  = true
  iam_database_authentication_enabled    = true
  enabled_cloudwatch_logs_exports        = ["audit", "error", "general", "slowquery"]
  create_cloudwatch_log_group            = true
  cloudwatch_log_group_retention_in_days = 365
  cloudwatch_log_group_kms_key_id        = module.encryption.key_arn
  final_snapshot_identifier              = "ledger-api-ledger-db-final"

  cluster_monitoring_interval = 60
  create_monitoring_role      = true
  iam_role_name               = "ledger-api-ledger-db-monitoring"
  iam_role_use_name_prefix    = true
}
