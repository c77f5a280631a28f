# Rendered by Infracrew Forge from PlanSpec plan-platform-eks-7c1e2a9b3d4f. Change the goal, not this file.

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

  name = "platform-eks"
  cidr = "10.70.0.0/16"
  azs  = slice(data.aws_availability_zones.network.names, 0, 3)

  private_subnets = ["10.70.0.0/20", "10.70.16.0/20", "10.70.32.0/20"]
  public_subnets  = ["10.70.48.0/20", "10.70.64.0/20", "10.70.80.0/20"]

  # Where the AWS Load Balancer Controller puts internet-facing and internal load balancers.
  public_subnet_tags = {
    "kubernetes.io/role/elb" = "1"
  }
  private_subnet_tags = {
    "kubernetes.io/role/internal-elb" = "1"
  }

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
