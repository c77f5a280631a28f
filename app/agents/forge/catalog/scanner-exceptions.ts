/**
 * The scanner findings Forge's output accepts on purpose, each with the reason a reviewer reads above the code.
 * templates/terraform/README.md lists the same exceptions (a test keeps the two equal).
 */
export interface ScannerException {
  /** Trivy check id, e.g. AVD-AWS-0053, and the tfsec id it replaces. */
  readonly trivy?: string;
  readonly tfsec?: string;
  readonly checkov?: string;
  readonly reason: string;
}

export const SCANNER_EXCEPTIONS = {
  publicLoadBalancer: {
    trivy: "AVD-AWS-0053",
    tfsec: "aws-elb-alb-not-public",
    reason:
      "The service is public: the load balancer is its only internet-facing part, open on 80 and 443 only.",
  },
  httpRedirect: {
    checkov: "CKV_AWS_260",
    reason: "Port 80 is open to the internet only to answer with a redirect to HTTPS on 443.",
  },
  taskHttpsEgress: {
    trivy: "AVD-AWS-0104",
    tfsec: "aws-ec2-no-public-egress-sgr",
    reason:
      "Tasks pull their image and call AWS APIs over HTTPS through the NAT gateway; only port 443 is open.",
  },
  functionOutsideVpc: {
    checkov: "CKV_AWS_117",
    reason:
      "The function reaches only AWS APIs (its tables, its key, its logs) and nothing inside a VPC, so it runs outside one.",
  },
  functionCodeSigning: {
    checkov: "CKV_AWS_272",
    reason:
      "The code comes from an ECR image or a package the deploy names; the pipeline that builds it signs it, not the stack.",
  },
  functionSynchronous: {
    checkov: "CKV_AWS_116",
    reason:
      "The HTTP API invokes the function synchronously and returns its errors to the caller; a dead-letter queue would never receive anything.",
  },
  publicHttpApi: {
    checkov: "CKV_AWS_309",
    reason: "The PlanSpec asks for a public API (auth none): its routes take no authorization.",
  },
  firehoseSourceEncrypted: {
    checkov: "CKV_AWS_240",
    reason:
      "Firehose reads from a Kinesis stream encrypted with the stack key; server-side encryption applies only to direct puts, and AWS refuses it with a stream source.",
  },
  firehoseSourceKey: {
    checkov: "CKV_AWS_241",
    reason:
      "The records are encrypted with the stack key in the stream and again in the bucket; Firehose takes no key of its own with a stream source.",
  },
} as const satisfies Record<string, ScannerException>;
