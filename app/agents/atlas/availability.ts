import type { DesignContext } from "./context.js";
import { parallelPercent, SLAS, type SlaKey } from "./sla.js";
import type { Topology } from "./topology.js";

export interface Link {
  readonly component: string;
  readonly percent: number;
  readonly source: string;
  readonly basis: string;
}

function link(component: string, key: SlaKey, basis?: string): Link {
  const sla = SLAS[key];
  return { component, percent: sla.percent, source: sla.source, basis: basis ?? sla.basis };
}

/** The links a request (or a job) passes through in series, for a topology. */
export function availabilityPath(
  ctx: DesignContext,
  topology: Topology,
  azCount: number,
  serviceId: string,
): Link[] {
  if (ctx.pattern === "static-site")
    return [
      link("cdn", "cloudfront", "CloudFront serves every request; the S3 origin sits behind its cache"),
    ];
  const links: Link[] = [];
  if (ctx.pattern === "web-api") links.push(link("load-balancer", "albRegional"));
  if (ctx.pattern === "worker") links.push(link("queue", "sqs"));
  links.push(topology.spread ? link(serviceId, "fargateMultiAz") : link(serviceId, "fargateSingleTask"));
  if (topology.nat === "one") {
    links.push(
      link("network", "natGateway", "one shared NAT gateway: its AZ failing cuts every task's egress"),
    );
  } else if (topology.nat === "per-az") {
    const nat = SLAS.natGateway;
    links.push({
      component: "network",
      percent: parallelPercent(nat.percent, azCount),
      source: nat.source,
      basis: `one NAT gateway per AZ (${nat.percent} % each): one failing cuts only its own AZ, which the service survives; 100 × (1 − (1 − ${nat.percent}/100)^${azCount})`,
    });
  }
  if (topology.db === "rds-single") links.push(link("database", "rdsSingleAz"));
  if (topology.db === "rds-multi") links.push(link("database", "rdsMultiAz"));
  if (topology.db === "aurora") links.push(link("database", "auroraMultiAz"));
  if (topology.cache === "single") links.push(link("cache", "elasticacheSingleNode"));
  if (topology.cache === "multi") links.push(link("cache", "elasticacheMultiAz"));
  return links;
}

/** The serial composition of the links, in percent. */
export function compose(links: readonly Link[]): number {
  return 100 * links.reduce((product, l) => product * (l.percent / 100), 1);
}
