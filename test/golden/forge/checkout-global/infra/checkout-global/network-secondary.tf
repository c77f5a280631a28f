# Rendered by Infracrew Forge from PlanSpec plan-checkout-global-5b7d9f1a3c2e. Change the goal, not this file.

data "aws_availability_zones" "network_secondary" {
  provider = aws.secondary

  state = "available"

  # Availability Zones only, not Local Zones.
  filter {
    name   = "opt-in-status"
    values = ["opt-in-not-required"]
  }
}

module "network_secondary" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "6.6.0"
  providers = {
    aws = aws.secondary
  }

  name = "checkout-global"
  cidr = "10.41.0.0/16"
  azs  = slice(data.aws_availability_zones.network_secondary.names, 0, 3)

  private_subnets  = ["10.41.0.0/20", "10.41.16.0/20", "10.41.32.0/20"]
  public_subnets   = ["10.41.48.0/20", "10.41.64.0/20", "10.41.80.0/20"]
  database_subnets = ["10.41.96.0/20", "10.41.112.0/20", "10.41.128.0/20"]

  create_database_subnet_group       = true
  create_database_subnet_route_table = true

  enable_nat_gateway      = true
  single_nat_gateway      = false
  one_nat_gateway_per_az  = true
  map_public_ip_on_launch = false
  enable_dns_hostnames    = true
  enable_dns_support      = true

  # The default security group allows nothing; every resource gets its own group.
  manage_default_security_group  = true
  default_security_group_ingress = []
  default_security_group_egress  = []

  enable_flow_log                                 = true
  create_flow_log_cloudwatch_log_group            = true
  create_flow_log_cloudwatch_iam_role             = true
  flow_log_traffic_type                           = "ALL"
  flow_log_max_aggregation_interval               = 60
  flow_log_cloudwatch_log_group_retention_in_days = 90
  flow_log_cloudwatch_log_group_kms_key_id        = module.encryption_secondary.key_arn
}
