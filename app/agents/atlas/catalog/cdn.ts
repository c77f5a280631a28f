import { slaLink } from "../availability.js";
import { CLOUDFRONT_FREE_TIER } from "../../pricing/index.js";
import { TRAFFIC } from "../assumptions.js";
import { monthlyRequests } from "../context.js";
import { costLine, gigabytes } from "../cost-line.js";
import type { Design } from "../design.js";
import { num, price } from "../format.js";
import { SLAS } from "../sla.js";
import { unit, type CatalogEntry } from "./entry.js";
import { wafCost } from "./waf.js";

const FREE = CLOUDFRONT_FREE_TIER;

/** Edges in North America and Europe serve a region there at the cheapest rates; elsewhere, add the nearer ones. */
export function priceClassFor(region: string): "PriceClass_100" | "PriceClass_200" {
  return /^(us|ca|eu)-/.test(region) ? "PriceClass_100" : "PriceClass_200";
}

function gbOut(d: Design): number {
  return gigabytes(TRAFFIC.siteBytesPerRequest, monthlyRequests(d.ctx));
}

/** CloudFront in front of the site bucket. */
export const cdn: CatalogEntry = {
  ids: () => ["cdn"],
  component(d) {
    const requests = monthlyRequests(d.ctx);
    const priceClass = priceClassFor(d.ctx.region);
    const edges =
      priceClass === "PriceClass_100"
        ? "PriceClass_100 (North America and Europe edges) keeps the cheapest rates"
        : "PriceClass_200 adds the edges near the region";
    return {
      id: "cdn",
      kind: "cdn",
      params: {
        origin: "site",
        priceClass,
        defaultRootObject: "index.html",
        monthlyGbOut: gbOut(d),
        monthlyRequestsMillions: Number((requests / 1e6).toFixed(1)),
        waf: d.waf,
      },
      dependsOn: ["site"],
      rationale: `CloudFront (${SLAS.cloudfront.percent} % SLA) serves the site over HTTPS from the edge and scales without sizing; ${edges}. ${d.waf ? "A WAF web ACL (AWS managed rules and a per-IP rate limit) guards it." : "No WAF web ACL: the budget does not carry one, so a request flood is billed until CloudFront's own DDoS protection (AWS Shield Standard) stops it."} About ${num(requests / 1e6, 1)} M requests and ${num(gbOut(d), 1)} GB a month at the ${num(d.ctx.avgRps)} rps average.${d.ctx.goal.workload.domain ? ` It answers on ${d.ctx.goal.workload.domain} with the domain component's certificate.` : ""}`,
    };
  },
  cost(d) {
    const out = unit(d.ctx, "cloudfront.gb-out");
    const https = unit(d.ctx, "cloudfront.https.per-10k");
    const requests = monthlyRequests(d.ctx);
    const freeGb = Math.min(gbOut(d), FREE.gbOut);
    const freeRequests = Math.min(requests, FREE.requests);
    return [
      costLine("cdn", "cdn", [
        { usd: gbOut(d) * out, text: `${num(gbOut(d), 1)} GB out × ${price(out)}` },
        {
          usd: (requests / 1e4) * https,
          text: `${num(requests / 1e6, 1)} M HTTPS requests × ${price(https)}/10k`,
        },
      ]),
      ...(d.waf ? [wafCost(d, "cdn")] : []),
      costLine("cdn", "cdn-free-tier", [
        {
          usd: -(freeGb * out + (freeRequests / 1e4) * https),
          text: `CloudFront's always-free allowance, once per account: −(${num(freeGb, 1)} GB × ${price(out)} + ${num(freeRequests / 1e6, 1)} M requests × ${price(https)}/10k)`,
        },
      ]),
    ];
  },
  link() {
    return slaLink(
      "cdn",
      SLAS.cloudfront,
      "CloudFront serves every request; the S3 origin sits behind its cache",
    );
  },
  risks: () => [
    {
      component: "cdn",
      failure: "A CloudFront disruption or a bad cache behaviour",
      impact: "Visitors cannot load the site",
      mitigation:
        "CloudFront's 99.9 % SLA; a bad publish is rolled back from the versioned bucket and invalidated",
      residual: "No second CDN",
      severity: "medium",
    },
  ],
};
