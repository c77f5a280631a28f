import { servicePrice } from "../../pricing/index.js";
import { ROUTE53 } from "../../pricing/shape-prices.js";
import { slaLink } from "../availability.js";
import { costLine } from "../cost-line.js";
import type { Design } from "../design.js";
import { domainZone } from "../domain-check.js";
import { price } from "../format.js";
import { SLAS } from "../sla.js";
import type { CatalogEntry } from "./entry.js";

const ACM_PRICING = "https://aws.amazon.com/certificate-manager/pricing/";

/** The front door a name points at, in words, and where its certificate must be made when not in the stack's region. */
export interface DomainTarget {
  readonly entry: CatalogEntry;
  readonly words: string;
  readonly certificateRegion?: string;
  /** The target answers on IPv6 too (CloudFront), so the name gets an AAAA alias beside the A. */
  readonly ipv6?: boolean;
}

function named(d: Design): { name: string; zone: string; zoneId: string } | undefined {
  const name = d.ctx.goal.workload.domain;
  const zone = domainZone(d.ctx);
  return name && zone ? { name, zone: zone.domain, zoneId: zone.zoneId } : undefined;
}

function route53(d: Design, key: "hostedZoneMonth" | "queriesPerMillion"): number {
  const found = servicePrice(ROUTE53, d.ctx.region, key);
  if (!found) throw new Error(`no Route 53 price for ${key} in ${d.ctx.region}`);
  return found.usd;
}

/**
 * workload.domain on a pattern's front door (its load balancer, CDN or HTTP API): an ACM certificate validated by
 * DNS in the policy's hosted zone for the name, and an alias record to the target. domainClashes has made sure the
 * zone exists before any design is made.
 */
export function domainOn(target: DomainTarget): CatalogEntry {
  const targetId = (d: Design): string => target.entry.ids(d)[0]!;
  return {
    ids: (d) => (named(d) ? ["domain"] : []),
    component(d) {
      const { name, zone, zoneId } = named(d)!;
      const where = target.certificateRegion
        ? ` It is made in ${target.certificateRegion}, the one region ${target.words} takes certificates from.`
        : "";
      return {
        id: "domain",
        kind: "domain",
        params: { name, hostedZoneId: zoneId, targets: [targetId(d)] },
        dependsOn: [targetId(d)],
        rationale: `${name} lies in the organisation's hosted zone ${zone} (${zoneId}, policy.dns.hostedZones). An ACM certificate for the name is validated by a DNS record in that zone and renewed by ACM while the record stays.${where} ${target.ipv6 ? "Alias A and AAAA records point" : "An alias A record points"} the name at ${target.words}; Route 53 answers it under a ${SLAS.route53.percent} % SLA.`,
      };
    },
    cost(d) {
      const { name, zone } = named(d)!;
      return [
        costLine("domain", "dns", [
          { usd: 0, text: `the ACM public certificate for ${name}: free (${ACM_PRICING})` },
          {
            usd: 0,
            text: `alias queries for ${name} to ${target.words}: free, as Route 53 bills no alias queries to AWS resources`,
          },
          {
            usd: 0,
            text: `the validation record: a few standard queries from ACM at issue and renewal × ${price(route53(d, "queriesPerMillion"))}/M, under a cent`,
          },
          {
            usd: 0,
            text: `the hosted zone ${zone} (${price(route53(d, "hostedZoneMonth"))}/month) is the organisation's and billed with it, not to this stack`,
          },
        ]),
      ];
    },
    link(d) {
      return named(d) ? slaLink("domain", SLAS.route53) : undefined;
    },
    risks(d) {
      const { name, zone } = named(d)!;
      return [
        {
          component: "domain",
          failure: `ACM cannot validate the certificate for ${name}: ${zone} is not the zone the name is delegated to, or a CAA record does not allow Amazon`,
          impact: "The first apply waits for validation and fails; the name serves nothing until it passes",
          mitigation: `The validation record is written in ${zone} by the same apply, and ACM renews the certificate while it stays`,
          residual: "Delegation and CAA records belong to whoever owns the zone",
          severity: "medium",
        },
        {
          component: "domain",
          failure: `Resolvers have not seen the new record for ${name} yet (DNS propagation)`,
          impact: "For minutes after the first apply some visitors get no answer for the name",
          mitigation:
            "An alias record answers with the target's addresses at once; look the name up before announcing it",
          residual:
            "A resolver that cached the name's absence keeps it until the zone's negative-caching TTL ends",
          severity: "low",
        },
      ];
    },
  };
}
