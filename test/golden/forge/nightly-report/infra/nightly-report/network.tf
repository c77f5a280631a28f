# Rendered by Infracrew Forge from PlanSpec plan-nightly-report-7c1e2a9b3d4f. Change the goal, not this file.

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

  name = "nightly-report"
  cidr = "10.42.0.0/20"
  azs  = slice(data.aws_availability_zones.network.names, 0, 2)

  private_subnets = ["10.42.0.0/23", "10.42.2.0/23"]
  public_subnets  = ["10.42.4.0/23", "10.42.6.0/23"]

  enable_nat_gateway      = true
  single_nat_gateway      = true
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
  flow_log_cloudwatch_log_group_retention_in_days = 90
  flow_log_cloudwatch_log_group_kms_key_id        = module.encryption.key_arn
}
