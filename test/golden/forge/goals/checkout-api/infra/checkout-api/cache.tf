# Rendered by Infracrew Forge from PlanSpec plan-checkout-api-ad72dc042a11. Change the goal, not this file.

module "cache" {
  source  = "terraform-aws-modules/elasticache/aws"
  version = "1.10.3"

  replication_group_id = "checkout-api-cache"
  description          = "checkout-api cache"

  engine                     = "redis"
  engine_version             = "7.1"
  node_type                  = "cache.m6g.large"
  num_cache_clusters         = 2
  port                       = 6379
  automatic_failover_enabled = true
  multi_az_enabled           = true
  auto_minor_version_upgrade = true

  at_rest_encryption_enabled = true
  kms_key_arn                = module.encryption.key_arn
  transit_encryption_enabled = true
  snapshot_retention_limit   = 7

  vpc_id              = module.network.vpc_id
  create_subnet_group = false
  subnet_group_name   = module.network.elasticache_subnet_group_name
  security_group_rules = {
    from_service = {
      type                         = "ingress"
      from_port                    = 6379
      to_port                      = 6379
      ip_protocol                  = "tcp"
      referenced_security_group_id = module.service.security_group_id
      description                  = "From service"
    }
  }

  log_delivery_configuration = {
    "slow-log" = {
      destination_type                       = "cloudwatch-logs"
      log_format                             = "json"
      cloudwatch_log_group_retention_in_days = 365
      cloudwatch_log_group_kms_key_id        = module.encryption.key_arn
    }
  }
}
