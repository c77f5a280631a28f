# Rendered by Infracrew Forge from PlanSpec plan-payment-events-6cb8a990fbf0. Change the goal, not this file.

module "stream_security_group" {
  source  = "terraform-aws-modules/security-group/aws"
  version = "5.3.1"

  name        = "payment-events-stream"
  description = "stream: Kafka (IAM, TLS) from the services that use it, and nothing else"
  vpc_id      = module.network.vpc_id
  ingress_with_source_security_group_id = [
    {
      from_port                = "9098"
      to_port                  = "9098"
      protocol                 = "tcp"
      description              = "From consumer"
      source_security_group_id = module.consumer.security_group_id
    },
  ]
}

module "stream" {
  source  = "terraform-aws-modules/msk-kafka-cluster/aws//modules/serverless"
  version = "3.3.0"

  name               = "payment-events-stream"
  subnet_ids         = module.network.private_subnets
  security_group_ids = [module.stream_security_group.security_group_id]
}

data "aws_msk_bootstrap_brokers" "stream" {
  cluster_arn = module.stream.serverless_arn
}
