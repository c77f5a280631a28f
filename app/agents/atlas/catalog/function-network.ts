import { slaLink } from "../availability.js";
import { HOURS_PER_MONTH as H } from "../../pricing/index.js";
import { EGRESS } from "../assumptions.js";
import { monthlyRequests } from "../context.js";
import { costLine, gigabytes } from "../cost-line.js";
import { num, price } from "../format.js";
import { SLAS } from "../sla.js";
import { unit, type CatalogEntry } from "./entry.js";
import { logParts } from "./log-cost.js";
import { cidrFor, vpcParams } from "./network.js";

/** GB a month through the Secrets Manager endpoint: the secret, read when an execution environment starts. */
const ENDPOINT_GB = 1;

/**
 * The VPC a serverless API's function joins to reach its database: private and database subnets over two AZs,
 * no NAT gateway, a Secrets Manager interface endpoint for the database secret, and gateway endpoints for its
 * buckets (S3) and table (DynamoDB).
 */
export const functionNetwork: CatalogEntry = {
  ids: (d) => (d.fn && d.database ? ["network"] : []),
  component(d) {
    const range = cidrFor(d);
    const table = d.ctx.goal.data?.keyValue !== undefined;
    return {
      id: "network",
      kind: "network",
      params: {
        ...vpcParams(d, range.cidr),
        ...(table ? { dynamodbGatewayEndpoint: true } : {}),
        secretsManagerEndpoint: true,
      },
      dependsOn: [],
      rationale: `A VPC on ${range.words} over ${d.azCount} AZs with private subnets (the function) and database subnets, and no NAT gateway: the function reaches only the database${table ? ", " : " and "}the database secret (through a Secrets Manager interface endpoint in each AZ)${table ? " and its DynamoDB table and buckets (through free gateway endpoints on the route tables)" : ""}. The interface endpoint costs less than one NAT gateway and keeps the secret off the internet.${table ? "" : " An S3 gateway endpoint (free) is there for buckets."} Flow logs are kept ${d.logRetentionDays} days.`,
    };
  },
  cost(d) {
    const { ctx } = d;
    const flowGb = gigabytes(EGRESS.flowLogBytesPerRequest, monthlyRequests(ctx), EGRESS.flowLogBaselineGb);
    const hour = unit(ctx, "vpc.interface-endpoint.hour");
    const gb = unit(ctx, "vpc.interface-endpoint.gb");
    return [
      costLine("network", "vpc-endpoint", [
        {
          usd: d.azCount * H * hour,
          text: `Secrets Manager interface endpoint in ${d.azCount} AZs × ${H} h × ${price(hour)}`,
        },
        {
          usd: ENDPOINT_GB * gb,
          text: `${num(ENDPOINT_GB)} GB processed (secret reads at cold starts, assumed) × ${price(gb)}`,
        },
      ]),
      costLine("network", "flow-logs", logParts(ctx, "flow logs", flowGb, d.logRetentionDays, true)),
    ];
  },
  link: (d) =>
    d.database
      ? [
          slaLink(
            "network",
            SLAS.privateLink,
            "the Secrets Manager interface endpoint: a new execution environment reads the database secret through it",
          ),
          slaLink(
            "secrets-manager",
            SLAS.secretsManager,
            "Secrets Manager, which keeps the database's master secret: a new execution environment reads it at start",
          ),
        ]
      : undefined,
  risks: () => [
    {
      component: "network",
      failure: "The Secrets Manager endpoint or Secrets Manager fails",
      impact: "New execution environments cannot read the database secret; warm ones keep serving",
      mitigation:
        "The endpoint has a network interface in each AZ; the function caches the secret for its lifetime",
      residual: "A burst that needs new environments fails until it recovers",
      severity: "low",
    },
  ],
};
