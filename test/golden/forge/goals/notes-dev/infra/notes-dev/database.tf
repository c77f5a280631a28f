# Rendered by Infracrew Forge from PlanSpec plan-notes-dev-b745f312024f. Change the goal, not this file.

module "database_security_group" {
  source  = "terraform-aws-modules/security-group/aws"
  version = "5.3.1"

  name        = "notes-dev-database"
  description = "database: postgres from the services that use it, and nothing else"
  vpc_id      = module.network.vpc_id
  ingress_with_source_security_group_id = [
    {
      from_port                = "5432"
      to_port                  = "5432"
      protocol                 = "tcp"
      description              = "From handler"
      source_security_group_id = module.handler_security_group.security_group_id
    },
  ]
}

module "database" {
  source  = "terraform-aws-modules/rds/aws"
  version = "7.2.0"

  identifier = "notes-dev-database"

  engine                     = "postgres"
  engine_version             = "17"
  family                     = "postgres17"
  major_engine_version       = "17"
  instance_class             = "db.t4g.micro"
  ca_cert_identifier         = "rds-ca-rsa2048-g1"
  auto_minor_version_upgrade = true
  engine_lifecycle_support   = "open-source-rds-extended-support-disabled"

  allocated_storage     = 20
  max_allocated_storage = 40
  storage_type          = "gp3"

  db_name  = "notes_dev"
  username = "dbadmin"
  port     = "5432"
  parameters = [
    {
      name  = "rds.force_ssl"
      value = "1"
    },
  ]

  multi_az               = false
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
  enabled_cloudwatch_logs_exports        = ["postgresql", "upgrade"]
  create_cloudwatch_log_group            = true
  cloudwatch_log_group_retention_in_days = 365
  cloudwatch_log_group_kms_key_id        = module.encryption.key_arn

  performance_insights_enabled    = false
  create_monitoring_role          = true
  monitoring_interval             = 60
  monitoring_role_name            = "notes-dev-database-monitoring"
  monitoring_role_use_name_prefix = true
}
