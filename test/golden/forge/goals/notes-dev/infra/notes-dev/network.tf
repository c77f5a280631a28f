# Rendered by Infracrew Forge from PlanSpec plan-notes-dev-b745f312024f. Change the goal, not this file.

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

  name = "notes-dev"
  cidr = "10.59.0.0/16"
  azs  = slice(data.aws_availability_zones.network.names, 0, 2)

  private_subnets  = ["10.59.0.0/19", "10.59.32.0/19"]
  database_subnets = ["10.59.128.0/19", "10.59.160.0/19"]

  create_database_subnet_group       = true
  create_database_subnet_route_table = true

  enable_nat_gateway      = false
  single_nat_gateway      = false
  one_nat_gateway_per_az  = false
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
  flow_log_cloudwatch_log_group_retention_in_days = 30
  flow_log_cloudwatch_log_group_kms_key_id        = module.encryption.key_arn
}

# S3 over the VPC's route tables: free, and no NAT gateway charge per GB.
resource "aws_vpc_endpoint" "network_s3" {
  vpc_id            = module.network.vpc_id
  service_name      = "com.amazonaws.us-east-1.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = concat(module.network.private_route_table_ids, module.network.database_route_table_ids)
}

module "network_endpoints_security_group" {
  source  = "terraform-aws-modules/security-group/aws"
  version = "5.3.1"

  name        = "notes-dev-endpoints"
  description = "Interface endpoints: HTTPS from inside the VPC, and nothing else"
  vpc_id      = module.network.vpc_id
  ingress_with_cidr_blocks = [
    {
      from_port   = "443"
      to_port     = "443"
      protocol    = "tcp"
      description = "HTTPS from the VPC"
      cidr_blocks = module.network.vpc_cidr_block
    },
  ]
}

# Secrets Manager over the private subnets: functions read the database secret without NAT.
resource "aws_vpc_endpoint" "network_secretsmanager" {
  vpc_id              = module.network.vpc_id
  service_name        = "com.amazonaws.us-east-1.secretsmanager"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = module.network.private_subnets
  security_group_ids  = [module.network_endpoints_security_group.security_group_id]
}
