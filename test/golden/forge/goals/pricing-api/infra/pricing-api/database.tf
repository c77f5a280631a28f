# Rendered by Infracrew Forge from PlanSpec plan-pricing-api-c2899a34ea3f. Change the goal, not this file.

module "database_security_group" {
  source  = "terraform-aws-modules/security-group/aws"
  version = "5.3.1"

  name        = "pricing-api-database"
  description = "database: mysql from the services that use it, and nothing else"
  vpc_id      = module.network.vpc_id
  ingress_with_source_security_group_id = [
    {
      from_port                = "3306"
      to_port                  = "3306"
      protocol                 = "tcp"
      description              = "From service"
      source_security_group_id = module.service.security_group_id
    },
  ]
}

module "database" {
  source  = "terraform-aws-modules/rds/aws"
  version = "7.2.0"

  identifier = "pricing-api-database"

  engine                     = "mysql"
  engine_version             = "8.4"
  family                     = "mysql8.4"
  major_engine_version       = "8.4"
  instance_class             = "db.t4g.medium"
  ca_cert_identifier         = "rds-ca-rsa2048-g1"
  auto_minor_version_upgrade = true
  engine_lifecycle_support   = "open-source-rds-extended-support-disabled"

  allocated_storage     = 40
  max_allocated_storage = 80
  storage_type          = "gp3"

  db_name  = "pricing_api"
  username = "dbadmin"
  port     = "3306"
  parameters = [
    {
      name  = "require_secure_transport"
      value = "ON"
    },
  ]

  multi_az               = true
  db_subnet_group_name   = module.network.database_subnet_group_name
  vpc_security_group_ids = [module.database_security_group.security_group_id]
  publicly_accessible    = false

  storage_encrypted                      = true
  kms_key_id                             = module.encryption.key_arn
  manage_master_user_password            = true
  master_user_secret_kms_key_id          = module.encryption.key_arn
  backup_retention_period                = 7
  deletion_protection                    = false
  skip_final_snapshot                    = false
  copy_tags_to_snapshot                  = true
  iam_database_authentication_enabled    = true
  enabled_cloudwatch_logs_exports        = ["error", "general", "slowquery"]
  create_cloudwatch_log_group            = true
  cloudwatch_log_group_retention_in_days = 365
  cloudwatch_log_group_kms_key_id        = module.encryption.key_arn

  performance_insights_enabled          = true
  performance_insights_kms_key_id       = module.encryption.key_arn
  performance_insights_retention_period = 7
  create_monitoring_role                = true
  monitoring_interval                   = 60
  monitoring_role_name                  = "pricing-api-database-monitoring"
  monitoring_role_use_name_prefix       = true
}
