# Rendered by Infracrew Forge from PlanSpec plan-checkout-api-ad72dc042a11. Change the goal, not this file.

data "aws_availability_zones" "network" {
  state = "available"

  # Availability Zones only, not Local Zones.
  filter {
    name   = "opt-in-status"
    values = ["opt-in-not-required"]
  }
}

module "network" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "6.6.0"

  name = "checkout-api"
  cidr = "10.215.0.0/16"
  azs  = slice(data.aws_availability_zones.network.names, 0, 2)

  private_subnets     = ["10.215.0.0/19", "10.215.32.0/19"]
  public_subnets      = ["10.215.64.0/19", "10.215.96.0/19"]
  database_subnets    = ["10.215.128.0/19", "10.215.160.0/19"]
  elasticache_subnets = ["10.215.192.0/19", "10.215.224.0/19"]

  create_database_subnet_group          = true
  create_database_subnet_route_table    = true
  create_elasticache_subnet_group       = true
  create_elasticache_subnet_route_table = true

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
  flow_log_cloudwatch_log_group_retention_in_days = 365
  flow_log_cloudwatch_log_group_kms_key_id        = module.encryption.key_arn
}

# S3 over the VPC's route tables: free, and no NAT gateway charge per GB.
resource "aws_vpc_endpoint" "network_s3" {
  vpc_id            = module.network.vpc_id
  service_name      = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = concat(module.network.private_route_table_ids, module.network.database_route_table_ids)
}
