# Rendered by Infracrew Forge from PlanSpec plan-checkout-global-5b7d9f1a3c2e. Change the goal, not this file.

# The global database: written in eu-west-1, replicated to eu-central-1.
resource "aws_rds_global_cluster" "db_global" {
  global_cluster_identifier = "checkout-global-db-global"
  engine                    = "aurora-postgresql"
  engine_version            = "16.6"
  engine_lifecycle_support  = "open-source-rds-extended-support-disabled"
  database_name             = "checkout_global"
  storage_encrypted         = true
  deletion_protection       = true
}

# RDS does not manage the password of a global database: a random one, never written to the state.
ephemeral "aws_secretsmanager_random_password" "db_master" {
  password_length     = 32
  exclude_punctuation = true
}

resource "aws_secretsmanager_secret" "db_master" {
  name_prefix             = "checkout-global-db-master-"
  description             = "db's master user credentials, replicated to eu-central-1 for db-secondary"
  kms_key_id              = module.encryption.key_arn
  recovery_window_in_days = 30

  replica {
    region     = "eu-central-1"
    kms_key_id = module.encryption_secondary.key_arn
  }
}

resource "aws_secretsmanager_secret_version" "db_master" {
  secret_id = aws_secretsmanager_secret.db_master.id
  secret_string_wo = jsonencode({
    username = "dbadmin"
    password = ephemeral.aws_secretsmanager_random_password.db_master.random_password
  })
  secret_string_wo_version = 1
}

module "db" {
  source  = "terraform-aws-modules/rds-aurora/aws"
  version = "10.2.0"

  name = "checkout-global-db"

  engine                   = "aurora-postgresql"
  engine_version           = "16.6"
  engine_lifecycle_support = "open-source-rds-extended-support-disabled"
  master_username          = "dbadmin"
  database_name            = "checkout_global"
  port                     = "5432"
  cluster_parameter_group = {
    name        = "checkout-global-db"
    family      = "aurora-postgresql16"
    description = "db: TLS required"
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
    app = {
      from_port                    = 5432
      to_port                      = 5432
      ip_protocol                  = "tcp"
      referenced_security_group_id = module.app.security_group_id
      description                  = "From app"
    }
  }

  storage_encrypted                      = true
  kms_key_id                             = module.encryption.key_arn
  backup_retention_period                = 14
  deletion_protection                    = true
  skip_final_snapshot                    = false
  copy_tags_to_snapshot                  = true
  iam_database_authentication_enabled    = true
  enabled_cloudwatch_logs_exports        = ["postgresql"]
  create_cloudwatch_log_group            = true
  cloudwatch_log_group_retention_in_days = 365
  cloudwatch_log_group_kms_key_id        = module.encryption.key_arn
  final_snapshot_identifier              = "checkout-global-db-final"

  # Aurora Global Database.
  global_cluster_identifier   = aws_rds_global_cluster.db_global.id
  is_primary_cluster          = true
  manage_master_user_password = false
  master_password_wo          = ephemeral.aws_secretsmanager_random_password.db_master.random_password
  master_password_wo_version  = 1

  cluster_monitoring_interval = 60
  create_monitoring_role      = true
  iam_role_name               = "checkout-global-db-monitoring"
  iam_role_use_name_prefix    = true
}
