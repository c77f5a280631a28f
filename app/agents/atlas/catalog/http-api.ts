import { slaLink } from "../availability.js";
import { servicePrice } from "../../pricing/index.js";
import { API_GATEWAY_HTTP } from "../../pricing/shape-prices.js";
import { LOGS } from "../assumptions.js";
import { monthlyRequests } from "../context.js";
import { costLine, gigabytes } from "../cost-line.js";
import type { Design } from "../design.js";
import { num, price } from "../format.js";
import { SLAS } from "../sla.js";
import type { CatalogEntry } from "./entry.js";
import { egressCost } from "./egress.js";
import { logParts } from "./log-cost.js";

/** API Gateway's default account limits per region: steady requests per second and the burst. */
const ACCOUNT_RATE = 10_000;
const ACCOUNT_BURST = 5_000;
/** HTTP APIs bill the first 300 million requests a month at the first-tier price. */
const FIRST_TIER_REQUESTS = 300_000_000;

/** The steady rate the function can serve at its reserved concurrency: the stage throttles above it. */
export function throttleOf(d: Design): { rateLimit: number; burstLimit: number } {
  const fn = d.fn!;
  const rateLimit = Math.min(ACCOUNT_RATE, Math.floor((fn.reservedConcurrency * 1000) / fn.durationMs));
  return { rateLimit, burstLimit: Math.min(ACCOUNT_BURST, rateLimit) };
}

function requestPrice(d: Design): number {
  const found = servicePrice(API_GATEWAY_HTTP, d.ctx.region, "requestsPerMillion");
  if (!found) throw new Error(`no HTTP API price in ${d.ctx.region}`);
  return found.usd;
}

function accessLogGb(d: Design): number {
  return gigabytes(LOGS.bytesPerRequest, monthlyRequests(d.ctx));
}

/** The front door: an API Gateway HTTP API whose default route invokes the function. */
export const httpApi: CatalogEntry = {
  ids: (d) => (d.fn ? ["api"] : []),
  component(d) {
    const t = throttleOf(d);
    return {
      id: "api",
      kind: "http-api",
      params: {
        throttle: t,
        auth: "none",
        logRetentionDays: d.logRetentionDays,
        monthlyRequestsMillions: Number((monthlyRequests(d.ctx) / 1e6).toFixed(2)),
      },
      dependsOn: ["handler"],
      rationale: `An HTTP API (${SLAS.apiGateway.percent} % SLA) costs less than a third of a REST API per request. The stage throttles at ${num(t.rateLimit)} rps (burst ${num(t.burstLimit)}), what ${d.fn!.reservedConcurrency} reserved executions of ${num(d.fn!.durationMs)} ms serve, so a flood is refused at the door instead of billed. The goal names no authorizer: the routes are public and the function authenticates its callers.`,
    };
  },
  cost(d) {
    const requests = monthlyRequests(d.ctx);
    const perMillion = requestPrice(d);
    const tier =
      requests > FIRST_TIER_REQUESTS ? " (all at the first tier's price; AWS bills less past 300 M)" : "";
    return [
      costLine("api", "http-api", [
        {
          usd: (requests / 1e6) * perMillion,
          text: `${num(requests / 1e6, 2)} M requests × ${price(perMillion)} per M${tier}`,
        },
      ]),
      costLine("api", "logs", logParts(d.ctx, "access logs", accessLogGb(d), d.logRetentionDays)),
      egressCost(d, "api"),
    ];
  },
  link: () => slaLink("api", SLAS.apiGateway, "every request enters through the HTTP API"),
  risks: () => [
    {
      component: "api",
      failure: "The routes take no authorization (the goal names no authorizer)",
      impact: "Anyone who finds the URL can call the API and run up requests",
      mitigation:
        "The stage throttles at what the reserved concurrency serves; the function checks its callers",
      residual: "A JWT or IAM authorizer on the route would refuse unsigned calls before Lambda runs",
      severity: "medium",
    },
  ],
};
