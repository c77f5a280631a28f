# Rendered by Infracrew Forge from PlanSpec plan-checkout-global-5b7d9f1a3c2e. Change the goal, not this file.

module "db_secondary" {
  source  = "terraform-aws-modules/rds-aurora/aws"
  version = "10.2.0"
  providers = {
    aws = aws.secondary
  }

  name = "checkout-global-db-secondary"

  engine                   = "aurora-postgresql"
  engine_version           = "16.6"
  engine_lifecycle_support = "open-source-rds-extended-support-disabled"
  port                     = "5432"
  cluster_parameter_group = {
    name        = "checkout-global-db-secondary"
    family      = "aurora-postgresql16"
    description = "db-secondary: TLS required"
    parameters = [
      {
        name         = "rds.force_ssl"
        value        = "1"
        apply_method = "pending-reboot"
      },
    ]
  }

  instances = {
    "1" = {
      instance_class                        = "db.r6g.large"
      performance_insights_enabled          = true
      performance_insights_kms_key_id       = module.encryption_secondary.key_arn
      performance_insights_retention_period = 7
    }
  }

  vpc_id               = module.network_secondary.vpc_id
  db_subnet_group_name = module.network_secondary.database_subnet_group_name
  security_group_ingress_rules = {
    app_secondary = {
      from_port                    = 5432
      to_port                      = 5432
      ip_protocol                  = "tcp"
      referenced_security_group_id = module.app_secondary.security_group_id
      description                  = "From app-secondary"
    }
  }

  storage_encrypted                      = true
  kms_key_id                             = module.encryption_secondary.key_arn
  backup_retention_period                = 14
  deletion_protection                    = true
  skip_final_snapshot                    = false
  copy_tags_to_snapshot                  = true
  iam_database_authentication_enabled    = true
  enabled_cloudwatch_logs_exports        = ["postgresql"]
  create_cloudwatch_log_group            = true
  cloudwatch_log_group_retention_in_days = 365
  cloudwatch_log_group_kms_key_id        = module.encryption_secondary.key_arn
  final_snapshot_identifier              = "checkout-global-db-secondary-final"

  # Aurora Global Database.
  global_cluster_identifier   = aws_rds_global_cluster.db_global.id
  is_primary_cluster          = false
  source_region               = "eu-west-1"
  manage_master_user_password = false

  cluster_monitoring_interval = 60
  create_monitoring_role      = true
  iam_role_name               = "checkout-global-db-second-bc96ff"
  iam_role_use_name_prefix    = true

  depends_on = [module.db]
}
