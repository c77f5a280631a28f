import { slaLink } from "../availability.js";
import { HOURS_PER_MONTH as H } from "../../pricing/index.js";
import { TRAFFIC } from "../assumptions.js";
import { costLine } from "../cost-line.js";
import { num, price } from "../format.js";
import { SLAS } from "../sla.js";
import type { Design } from "../design.js";
import { egressCost, responseKb } from "./egress.js";
import { unit, type CatalogEntry } from "./entry.js";
import { wafCost } from "./waf.js";

/** Who may reach the load balancer, in words: the internet, listed ranges, or the VPC and listed ranges. */
export function reachWords(d: Design): string {
  const allowed = d.ctx.goal.workload.allowedCidrs ?? [];
  if (d.internal)
    return `the VPC${allowed.length ? ` and ${allowed.join(", ")} (workload.allowedCidrs)` : " only (add the VPN's ranges to workload.allowedCidrs)"}`;
  return allowed.length ? `${allowed.join(", ")} only (workload.allowedCidrs)` : "the internet";
}

/** The certificate the HTTPS listener serves: the domain's, or one to attach when the goal names no domain. */
function certificateWords(d: Design): string {
  const name = d.ctx.goal.workload.domain;
  return name
    ? `It serves HTTPS with the ACM certificate for ${name} (the domain component) and redirects HTTP to HTTPS.`
    : "It serves HTTPS with an ACM certificate for the API's domain, which the goal does not name yet: attach one before going live.";
}

/** An ALB in front of the service, internet-facing or internal, with a WAF when PCI asks for one. */
export const loadBalancer: CatalogEntry = {
  ids: () => ["load-balancer"],
  component(d) {
    const { goal, prod } = d.ctx;
    const allowed = goal.workload.allowedCidrs;
    const waf = d.waf
      ? "; a WAF web ACL with AWS managed rules guards it, as PCI DSS 6.4.2 requires for public web apps"
      : d.internal && d.ctx.compliance.includes("pci")
        ? "; no WAF, as PCI DSS 6.4.2 asks one only of public-facing web apps"
        : "";
    const kind = d.internal
      ? `An internal ALB in the private subnets of ${d.azCount} AZs`
      : `An internet-facing ALB across ${d.azCount} AZs`;
    return {
      id: "load-balancer",
      kind: "load-balancer",
      params: {
        scheme: d.internal ? "internal" : "internet-facing",
        targetPort: goal.workload.port ?? 8080,
        healthCheckPath: goal.workload.healthCheckPath ?? "/",
        idleTimeoutSeconds: 60,
        deletionProtection: prod,
        waf: d.waf,
        ...(allowed ? { allowedCidrs: [...allowed] } : {}),
      },
      dependsOn: ["network"],
      rationale: `${kind} (${SLAS.albRegional.percent} % SLA) spreads requests over the tasks, reachable from ${reachWords(d)} on 443${waf}. ${certificateWords(d)}`,
    };
  },
  cost(d) {
    const { ctx } = d;
    const hour = unit(ctx, "alb.hour");
    const lcu = unit(ctx, "alb.lcu-hour");
    const ip = unit(ctx, "vpc.public-ipv4.hour");
    const bytes = TRAFFIC.apiRequestBytes + responseKb(ctx) * 1000;
    const lcus = Number(((ctx.avgRps * bytes * 3600) / 1e9).toFixed(2));
    return [
      costLine("load-balancer", "load-balancer", [
        { usd: H * hour, text: `${H} h × ${price(hour)}` },
        { usd: lcus * H * lcu, text: `${num(lcus)} LCU (GB/h processed) × ${H} h × ${price(lcu)}` },
        ...(d.internal
          ? []
          : [{ usd: d.azCount * H * ip, text: `${d.azCount} public IPv4 × ${H} h × ${price(ip)}` }]),
      ]),
      ...(d.waf ? [wafCost(d, "load-balancer")] : []),
      egressCost(d),
    ];
  },
  link() {
    return slaLink("load-balancer", SLAS.albRegional);
  },
  risks: (d) => [
    {
      component: "load-balancer",
      failure: `The region's load balancing is disrupted${d.waf ? ", or a WAF rule blocks legitimate traffic" : ""}${d.internal ? ", or the route from the corporate network (VPN, peering) is down" : ""}`,
      impact: "Every caller of the API gets errors",
      mitigation: `An ALB spans ${d.azCount} AZs (99.99 % SLA)${d.waf ? "; WAF rules start in count mode before they block" : ""}`,
      residual: d.ctx.goal.regions
        ? "Route 53's health check fails the name over to the other region, in minutes"
        : "No second region to fail over to",
      severity: "medium",
    },
  ],
};
