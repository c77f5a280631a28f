import { HOURS_PER_MONTH as H } from "../../pricing/index.js";
import { TRAFFIC } from "../assumptions.js";
import { costLine } from "../cost-line.js";
import { num, price } from "../format.js";
import { SLAS } from "../sla.js";
import { egressCost, responseKb } from "./egress.js";
import { unit, type CatalogEntry } from "./entry.js";
import { wafCost } from "./waf.js";

/** An internet-facing ALB in front of the service, with a WAF when PCI asks for one. */
export const loadBalancer: CatalogEntry = {
  ids: () => ["load-balancer"],
  component(d) {
    const { goal, prod } = d.ctx;
    const waf = d.waf
      ? "; a WAF web ACL with AWS managed rules guards it, as PCI DSS 6.4.2 requires for public web apps"
      : "";
    return {
      id: "load-balancer",
      kind: "load-balancer",
      params: {
        scheme: "internet-facing",
        targetPort: goal.workload.port ?? 8080,
        healthCheckPath: goal.workload.healthCheckPath ?? "/",
        idleTimeoutSeconds: 60,
        deletionProtection: prod,
        waf: d.waf,
      },
      dependsOn: ["network"],
      rationale: `An internet-facing ALB across ${d.azCount} AZs (${SLAS.albRegional.percent} % SLA) spreads requests over the tasks${waf}. It serves HTTPS with an ACM certificate for the API's domain, which the goal does not name yet: attach one before going live.`,
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
        { usd: d.azCount * H * ip, text: `${d.azCount} public IPv4 × ${H} h × ${price(ip)}` },
      ]),
      ...(d.waf ? [wafCost(d, "load-balancer")] : []),
      egressCost(d),
    ];
  },
  link() {
    const sla = SLAS.albRegional;
    return { component: "load-balancer", percent: sla.percent, source: sla.source, basis: sla.basis };
  },
  risks: (d) => [
    {
      component: "load-balancer",
      failure: "The region's load balancing is disrupted, or a WAF rule blocks legitimate traffic",
      impact: "Every caller of the API gets errors",
      mitigation: `An ALB spans ${d.azCount} AZs (99.99 % SLA)${d.waf ? "; WAF rules start in count mode before they block" : ""}`,
      residual: "No second region to fail over to",
      severity: "medium",
    },
  ],
};
