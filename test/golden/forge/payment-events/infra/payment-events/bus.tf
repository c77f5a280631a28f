# Rendered by Infracrew Forge from PlanSpec plan-payment-events-7c1e2a9b3d4f. Change the goal, not this file.

module "bus_security_group" {
  source  = "terraform-aws-modules/security-group/aws"
  version = "5.3.1"

  name        = "payment-events-bus"
  description = "bus: Kafka (IAM, TLS) from the services that use it, and nothing else"
  vpc_id      = module.network.vpc_id
  ingress_with_source_security_group_id = [
    {
      from_port                = "9098"
      to_port                  = "9098"
      protocol                 = "tcp"
      description              = "From settler"
      source_security_group_id = module.settler.security_group_id
    },
  ]
}

module "bus" {
  source  = "terraform-aws-modules/msk-kafka-cluster/aws//modules/serverless"
  version = "3.3.0"

  name               = "payment-events-bus"
  subnet_ids         = module.network.private_subnets
  security_group_ids = [module.bus_security_group.security_group_id]
}

data "aws_msk_bootstrap_brokers" "bus" {
  cluster_arn = module.bus.serverless_arn
}
