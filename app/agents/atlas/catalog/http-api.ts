import type { ApiAuthGoal } from "../../../contracts/generated/goal-statement.js";
import type { HttpApiParams, Risk } from "../../../contracts/generated/plan-spec.js";
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
        ...authParams(d),
        logRetentionDays: d.logRetentionDays,
        monthlyRequestsMillions: Number((monthlyRequests(d.ctx) / 1e6).toFixed(2)),
      },
      dependsOn: ["handler"],
      rationale: `An HTTP API (${SLAS.apiGateway.percent} % SLA) costs less than a third of a REST API per request. The stage throttles at ${num(t.rateLimit)} rps (burst ${num(t.burstLimit)}), what ${d.fn!.reservedConcurrency} reserved executions of ${num(d.fn!.durationMs)} ms serve, so a flood is refused at the door instead of billed. ${authWords(d)}`,
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
  risks: (d) => authRisks(d),
};

function authOf(d: Design): ApiAuthGoal {
  return d.ctx.goal.workload.auth ?? { type: "none" };
}

function authParams(d: Design): Pick<HttpApiParams, "auth" | "jwt"> {
  const auth = authOf(d);
  return auth.type === "jwt"
    ? { auth: "jwt", jwt: { issuer: auth.issuer!, audience: auth.audience! } }
    : { auth: auth.type };
}

function authWords(d: Design): string {
  const auth = authOf(d);
  if (auth.type === "iam")
    return "The routes take IAM authorization (workload.auth): only callers that sign with SigV4 as a principal the account allows reach the function.";
  if (auth.type === "jwt")
    return `A JWT authorizer (workload.auth) refuses a request before Lambda runs unless its bearer token was issued by ${auth.issuer!} for ${auth.audience!.join(" or ")}.`;
  const said = d.ctx.goal.workload.auth
    ? "workload.auth is none"
    : "The goal names no authorizer (workload.auth)";
  return `${said}: the routes are public and the function authenticates its callers.`;
}

function authRisks(d: Design): Risk[] {
  const auth = authOf(d);
  if (auth.type === "iam") return [];
  if (auth.type === "jwt")
    return [
      {
        component: "api",
        failure: `The issuer (${auth.issuer!}) cannot be reached for its signing keys, or rotates them`,
        impact: "API Gateway cannot check new tokens: callers get 401 until it can",
        mitigation:
          "API Gateway caches the issuer's keys; the issuer publishes a new key before signing with it",
        residual: "An issuer outage longer than the cache refuses every caller",
        severity: "low",
      },
    ];
  return NO_AUTH_RISKS;
}

const NO_AUTH_RISKS: Risk[] = [
  {
    component: "api",
    failure: "The routes take no authorization (workload.auth is none or not set)",
    impact: "Anyone who finds the URL can call the API and run up requests",
    mitigation:
      "The stage throttles at what the reserved concurrency serves; the function checks its callers",
    residual:
      "A JWT or IAM authorizer on the route (workload.auth) would refuse unsigned calls before Lambda runs",
    severity: "medium",
  },
];
