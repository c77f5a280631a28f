import type { ResolvedHostedZone as HostedZone } from "../../contracts/generated/org-policy.js";
import type { Clash } from "./clash.js";
import type { DesignContext } from "./context.js";

/** The policy's hosted zone a name lies in: the zone itself or a subdomain of it, the longest such zone winning. */
export function hostedZoneFor(name: string, zones: readonly HostedZone[]): HostedZone | undefined {
  return zones
    .filter((z) => name === z.domain || name.endsWith(`.${z.domain}`))
    .reduce<HostedZone | undefined>(
      (best, z) => (best && best.domain.length >= z.domain.length ? best : z),
      undefined,
    );
}

/** The hosted zone of the goal's domain, when it has one and the policy lists a zone it lies in. */
export function domainZone(ctx: DesignContext): HostedZone | undefined {
  const name = ctx.goal.workload.domain;
  return name === undefined ? undefined : hostedZoneFor(name, ctx.policy.policy.dns?.hostedZones ?? []);
}

function outsideZones(name: string, zones: readonly HostedZone[]): Clash {
  const listed = zones.map((z) => z.domain);
  return {
    reason: {
      code: "domain-not-in-zone",
      message: listed.length
        ? `workload.domain ${name} is in none of the hosted zones the policy lists (${listed.join(", ")}), so Atlas cannot validate its certificate or add its record`
        : `workload.domain ${name} needs a Route 53 hosted zone to validate its certificate and hold its record, and the policy lists none (policy.dns.hostedZones)`,
      field: "workload.domain",
    },
    suggestions: listed.length
      ? [
          {
            message: `use a name in ${listed.join(" or ")} (e.g. ${name.split(".")[0]}.${listed[0]})`,
            field: "workload.domain",
            value: `${name.split(".")[0]}.${listed[0]}`,
          },
          {
            message: `add the hosted zone that holds ${name} to policy.dns.hostedZones`,
            field: "policy.dns.hostedZones",
          },
        ]
      : [
          {
            message: `add the Route 53 hosted zone that holds ${name} (its apex and zone id) to policy.dns.hostedZones`,
            field: "policy.dns.hostedZones",
          },
          { message: "remove workload.domain", field: "workload.domain" },
        ],
  };
}

/**
 * An internal API's name belongs in a private hosted zone tied to the VPC. Atlas has none to design with, and a
 * record in a public zone would publish the load balancer's private addresses to everyone who asks.
 */
function internalDomain(name: string): Clash {
  return {
    reason: {
      code: "not-in-catalog",
      message: `workload.domain ${name} is asked of an internal API (workload.exposure internal): its name belongs in a private hosted zone associated with the VPC, which Atlas does not design yet, and a record in the organisation's public zone would publish the load balancer's private addresses`,
      field: "workload.domain",
    },
    suggestions: [
      {
        message:
          "remove workload.domain: callers on the corporate network reach the load balancer's DNS name",
        field: "workload.domain",
      },
      {
        message: "set workload.exposure to public (workload.allowedCidrs can still limit who reaches it)",
        field: "workload.exposure",
        value: "public",
      },
    ],
  };
}

/** What stands between the goal's domain and a certificate and record Atlas can design. */
export function domainClashes(ctx: DesignContext): Clash[] {
  const name = ctx.goal.workload.domain;
  if (name === undefined) return [];
  const clashes: Clash[] = [];
  if (ctx.pattern === "web-api" && ctx.goal.workload.exposure === "internal")
    clashes.push(internalDomain(name));
  if (!domainZone(ctx)) clashes.push(outsideZones(name, ctx.policy.policy.dns?.hostedZones ?? []));
  return clashes;
}
