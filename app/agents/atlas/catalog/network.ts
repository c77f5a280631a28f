import type { Risk } from "../../../contracts/generated/plan-spec.js";
import { slaLink } from "../availability.js";
import { HOURS_PER_MONTH as H } from "../../pricing/index.js";
import { EGRESS } from "../assumptions.js";
import { NODE_EGRESS } from "../cluster-assumptions.js";
import { monthlyRequests } from "../context.js";
import { costLine, gigabytes } from "../cost-line.js";
import { num, price } from "../format.js";
import { parallelPercent, SLAS } from "../sla.js";
import { chooseCidr } from "../cidr.js";
import type { Design } from "../design.js";
import { JOB } from "../job-sizing.js";
import { STREAM } from "../stream-sizing.js";
import { unit, type CatalogEntry } from "./entry.js";
import { logParts } from "./log-cost.js";

/** The VPC range: the goal's network.cidr, or a free block of the policy's pool (checked before any design). */
export function cidrFor(d: Design): { cidr: string; words: string } {
  const choice = chooseCidr(d.ctx);
  if (!choice.ok) throw new Error(`internal: no VPC range (${choice.problem}) past the policy check`);
  const reserved = d.ctx.policy.policy.network?.reservedCidrs ?? [];
  const held = d.ctx.takenCidrs.length;
  const clear = [
    reserved.length
      ? `the policy's ${reserved.length} reserved range${reserved.length === 1 ? "" : "s"}`
      : "",
    held ? `the ${held} VPC range${held === 1 ? "" : "s"} the repository's other goals hold` : "",
  ]
    .filter((w) => w !== "")
    .join(" and ");
  const words =
    choice.from === "goal"
      ? `${choice.cidr} (network.cidr)`
      : `${choice.cidr} (a block of the pool ${choice.pool.join(", ")} picked by the stack's name${clear ? `, clear of ${clear}` : ""}; network.cidr sets another)`;
  return { cidr: choice.cidr, words };
}

/** A VPC's params: the design's AZs and NAT gateways, flow logs, and the free S3 gateway endpoint. */
export function vpcParams(d: Design, cidr: string) {
  return {
    cidr,
    azCount: d.azCount,
    natGateways: d.natGateways,
    flowLogs: true,
    flowLogRetentionDays: d.logRetentionDays,
    s3GatewayEndpoint: true,
  };
}

/** A job's runs need egress only while they run: an AZ's failure costs a run, not a serving fleet. */
function jobNetworkRisks(d: Design): Risk[] {
  const perAz = d.natGateways > 1;
  return [
    {
      component: "network",
      failure: perAz ? "An AZ (and its NAT gateway) fails" : "The AZ holding the one NAT gateway fails",
      impact: perAz
        ? "A run placed in that AZ fails; its retry lands in another AZ"
        : "Runs cannot pull their image or call outside APIs: the run and its retries fail",
      mitigation: perAz
        ? "One NAT gateway per AZ; Step Functions retries the run"
        : "The failure alarm fires; rerun once the AZ recovers, or add a NAT gateway per AZ (the alternatives price it)",
      residual: perAz ? "A late run" : "Missed runs until the AZ recovers",
      severity: perAz ? "low" : "medium",
    },
  ];
}

/** The VPC: public and private subnets over the AZs, NAT gateways, flow logs. */
export const network: CatalogEntry = {
  ids: () => ["network"],
  component(d) {
    const perAz = d.natGateways === d.azCount && d.azCount > 1;
    const nat = perAz
      ? `one NAT gateway per AZ (${d.natGateways}), so an AZ's failure never cuts the others' egress`
      : "one shared NAT gateway, enough for this SLO";
    const publicParts = d.ctx.pattern === "web-api" && !d.internal ? "load balancer, NAT" : "NAT";
    const privateLb = d.internal ? "internal load balancer, " : "";
    const privateParts = d.cluster
      ? "EKS nodes, the cluster's API endpoint"
      : `${privateLb}${d.database || d.cache ? "tasks, data" : "tasks"}`;
    const range = cidrFor(d);
    return {
      id: "network",
      kind: "network",
      params: vpcParams(d, range.cidr),
      dependsOn: [],
      rationale: `A VPC on ${range.words} over ${d.azCount} AZs with public subnets (${publicParts}) and private subnets (${privateParts}); ${nat}. An S3 gateway endpoint (free) keeps S3 traffic off the NAT gateway. Flow logs are kept ${d.logRetentionDays} days.`,
    };
  },
  cost(d) {
    const { ctx } = d;
    const flowBytes = d.stream ? STREAM.flowLogBytesPerEvent : EGRESS.flowLogBytesPerRequest;
    const flowGb = gigabytes(flowBytes, monthlyRequests(ctx), EGRESS.flowLogBaselineGb);
    const flowLogs = costLine(
      "network",
      "flow-logs",
      logParts(ctx, "flow logs", flowGb, d.logRetentionDays, true),
    );
    const n = d.natGateways;
    if (n === 0) return [flowLogs];
    const nat = unit(ctx, "nat.hour");
    const ip = unit(ctx, "vpc.public-ipv4.hour");
    const natGbPrice = unit(ctx, "nat.gb-processed");
    // A Kinesis consumer reads the stream through the NAT gateways (no interface endpoint); MSK is in the VPC.
    const streamGb = d.stream?.kinesis ? d.stream.volumes.gbIn : 0;
    const natGb = d.cluster
      ? d.cluster.nodes * NODE_EGRESS.natGbPerNode
      : d.job
        ? d.job.schedule.runsPerMonth * JOB.imagePullGb
        : (d.service?.desiredCount ?? 0) * EGRESS.natGbPerTask + streamGb;
    const through = d.job
      ? ` (${num(d.job.schedule.runsPerMonth)} image pulls × ${JOB.imagePullGb} GB)`
      : streamGb > 0
        ? ` (${d.service!.desiredCount} tasks × ${EGRESS.natGbPerTask} GB + ${num(streamGb, 1)} GB read from Kinesis)`
        : "";
    return [
      costLine("network", "nat-gateway", [
        { usd: n * H * nat, text: `${n} NAT gateway${n === 1 ? "" : "s"} × ${H} h × ${price(nat)}` },
        { usd: n * H * ip, text: `${n} public IPv4 × ${H} h × ${price(ip)}` },
      ]),
      costLine("network", "nat-processing", [
        {
          usd: natGb * natGbPrice,
          text: `${num(natGb, 1)} GB through NAT${through} × ${price(natGbPrice)}`,
        },
      ]),
      flowLogs,
    ];
  },
  link(d) {
    const sla = SLAS.natGateway;
    if (d.topology.nat === "one") {
      return slaLink("network", sla, "one shared NAT gateway: its AZ failing cuts every task's egress");
    }
    if (d.topology.nat !== "per-az") return undefined;
    return {
      component: "network",
      percent: parallelPercent(sla.percent, d.azCount),
      sla: sla.percent,
      source: sla.source,
      basis: `one NAT gateway per AZ (${sla.percent} % each): one failing cuts only its own AZ, which the service survives; 100 × (1 − (1 − ${sla.percent}/100)^${d.azCount})`,
    };
  },
  risks(d) {
    if (d.job) return jobNetworkRisks(d);
    const perAz = d.natGateways > 1;
    const others = d.azCount - 1 === 1 ? "AZ keep" : `${d.azCount - 1} AZs keep`;
    const what = d.cluster ? "Nodes" : "Tasks";
    return [
      {
        component: "network",
        failure: perAz ? "An AZ (and its NAT gateway) fails" : "The AZ holding the one NAT gateway fails",
        impact: perAz
          ? `${what} in that AZ lose egress; the ${what.toLowerCase()} in the other ${others} serving`
          : `Every ${what.toLowerCase().slice(0, -1)} loses egress: image pulls, new ${d.cluster ? "pods" : "tasks"} and calls to outside APIs fail`,
        mitigation: perAz
          ? d.cluster
            ? "One NAT gateway per AZ; pods keep running on the nodes in the remaining AZs"
            : d.ctx.pattern === "web-api"
              ? "One NAT gateway per AZ; the service keeps running in the remaining AZs and the ALB stops routing to the failed one"
              : "One NAT gateway per AZ; the workers in the remaining AZs keep draining the queue"
          : "Running tasks keep serving what needs no egress; a second NAT gateway can be added in minutes",
        residual: perAz
          ? `Reduced capacity until autoscaling replaces the lost ${d.cluster ? "nodes" : "tasks"}`
          : "No outside calls until the AZ recovers or a NAT gateway is added",
        severity: perAz ? "low" : "medium",
      },
    ];
  },
};
