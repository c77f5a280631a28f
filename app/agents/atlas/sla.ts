/** An availability commitment as AWS publishes it, with the page it comes from. */
export interface Sla {
  /** Monthly uptime, percent. */
  readonly percent: number;
  readonly source: string;
  /** What the figure covers, in the SLA's terms. */
  readonly basis: string;
}

/**
 * AWS service level agreements, read 2026-11-27. Each figure is the Monthly Uptime Percentage below which AWS
 * owes a service credit. A request path composes them as independent serial links.
 */
export const SLAS = {
  albRegional: {
    percent: 99.99,
    source: "https://aws.amazon.com/elasticloadbalancing/sla/",
    basis: "Elastic Load Balancing (ALB) in two or more AZs",
  },
  fargateMultiAz: {
    percent: 99.99,
    source: "https://aws.amazon.com/compute/sla/",
    basis: "Compute SLA, region level: ECS on Fargate with tasks in two or more AZs",
  },
  fargateSingleTask: {
    percent: 99.5,
    source: "https://aws.amazon.com/compute/sla/",
    basis: "Compute SLA, instance level: a single task in one AZ",
  },
  rdsMultiAz: {
    percent: 99.95,
    source: "https://aws.amazon.com/rds/sla/",
    basis: "RDS Multi-AZ DB instance",
  },
  rdsSingleAz: {
    percent: 99.5,
    source: "https://aws.amazon.com/rds/sla/",
    basis: "RDS Single-AZ DB instance",
  },
  auroraMultiAz: {
    percent: 99.99,
    source: "https://aws.amazon.com/rds/aurora/sla/",
    basis: "Aurora Multi-AZ DB cluster (writer and a reader in another AZ)",
  },
  elasticacheMultiAz: {
    percent: 99.99,
    source: "https://aws.amazon.com/elasticache/sla/",
    basis: "ElastiCache Multi-AZ replication group with automatic failover",
  },
  elasticacheSingleNode: {
    percent: 99.9,
    source: "https://aws.amazon.com/elasticache/sla/",
    basis: "ElastiCache single node (no replica); best known figure",
  },
  natGateway: {
    percent: 99.9,
    source: "https://aws.amazon.com/vpc/sla/",
    basis: "one NAT gateway (an AZ-scoped resource)",
  },
  s3Standard: {
    percent: 99.9,
    source: "https://aws.amazon.com/s3/sla/",
    basis: "S3 Standard",
  },
  cloudfront: {
    percent: 99.9,
    source: "https://aws.amazon.com/cloudfront/sla/",
    basis: "CloudFront distribution",
  },
  route53: {
    percent: 100,
    source: "https://aws.amazon.com/route53/sla/",
    basis: "Route 53 answering DNS queries for the hosted zone's records",
  },
  sqs: {
    percent: 99.9,
    source: "https://aws.amazon.com/messaging/sla/",
    basis: "Amazon SQS",
  },
  kinesis: {
    percent: 99.9,
    source: "https://aws.amazon.com/kinesis/sla/",
    basis: "Amazon Kinesis Data Streams",
  },
  msk: {
    percent: 99.9,
    source: "https://aws.amazon.com/msk/sla/",
    basis: "Amazon MSK (multi-AZ clusters; a Serverless cluster spans the AZs of its subnets)",
  },
  eksControlPlane: {
    percent: 99.95,
    source: "https://aws.amazon.com/eks/sla/",
    basis: "Amazon EKS cluster control plane (the Kubernetes API endpoint)",
  },
  ec2MultiAz: {
    percent: 99.99,
    source: "https://aws.amazon.com/compute/sla/",
    basis: "Compute SLA, region level: EC2 instances in two or more AZs",
  },
  ec2SingleInstance: {
    percent: 99.5,
    source: "https://aws.amazon.com/compute/sla/",
    basis: "Compute SLA, instance level: a single EC2 instance",
  },
  apiGateway: {
    percent: 99.95,
    source: "https://aws.amazon.com/api-gateway/sla/",
    basis: "Amazon API Gateway, per region",
  },
  lambda: {
    percent: 99.95,
    source: "https://aws.amazon.com/lambda/sla/",
    basis: "AWS Lambda, per region",
  },
  dynamodb: {
    percent: 99.99,
    source: "https://aws.amazon.com/dynamodb/sla/",
    basis: "Amazon DynamoDB Standard table (a global table's is 99.999 %)",
  },
  privateLink: {
    percent: 99.99,
    source: "https://aws.amazon.com/privatelink/sla/",
    basis: "AWS PrivateLink interface endpoint in two or more AZs",
  },
  secretsManager: {
    percent: 99.99,
    source: "https://aws.amazon.com/secrets-manager/sla/",
    basis: "AWS Secrets Manager, per region",
  },
  eventBridge: {
    percent: 99.99,
    source: "https://aws.amazon.com/eventbridge/sla/",
    basis: "Amazon EventBridge, of which Scheduler is part; best known figure",
  },
  stepFunctions: {
    percent: 99.9,
    source: "https://aws.amazon.com/step-functions/sla/",
    basis: "AWS Step Functions (Standard workflows)",
  },
} as const satisfies Record<string, Sla>;

/**
 * Availability of `count` AZ-independent copies of a link where the service survives while any one is up:
 * 1 − (1 − a)^count. Used for one NAT gateway per AZ, where an AZ's NAT failing only affects that AZ.
 */
export function parallelPercent(percent: number, count: number): number {
  return 100 * (1 - Math.pow(1 - percent / 100, count));
}

/** The availability tiers a goal is usually written in, highest first; DesignBlocked suggests one of them. */
export const SLO_TIERS = [99.99, 99.95, 99.9, 99.5, 99, 95, 90] as const;
