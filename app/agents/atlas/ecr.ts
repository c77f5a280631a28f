/** An image in Amazon ECR (a private registry in an AWS account): `<account>.dkr.ecr.<region>.amazonaws.com/…`. */
export const ECR_IMAGE = /^[0-9]{12}\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?\//;
