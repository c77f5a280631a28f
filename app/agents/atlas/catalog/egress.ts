import { TRAFFIC } from "../assumptions.js";
import { monthlyRequests, type DesignContext } from "../context.js";
import { costLine, gigabytes, type CostLine } from "../cost-line.js";
import type { Design } from "../design.js";
import { num, price } from "../format.js";
import { unit } from "./entry.js";

/** An API response's size in KB: the goal's traffic.responseKb, else Atlas's assumption. */
export function responseKb(ctx: DesignContext): number {
  return ctx.goal.traffic.responseKb ?? TRAFFIC.apiResponseKb;
}

/** The API's responses leaving the region for the internet: data transfer out, billed per GB. */
export function egressCost(d: Design, component = "load-balancer"): CostLine {
  const perGb = unit(d.ctx, "egress.internet.gb");
  const kb = responseKb(d.ctx);
  const gb = gigabytes(kb * 1000, monthlyRequests(d.ctx));
  const source = d.ctx.goal.traffic.responseKb === undefined ? "assumed" : "traffic.responseKb";
  const where = d.internal
    ? "GB out to callers on the corporate network (over a VPN at internet rates; Direct Connect costs less)"
    : "GB out to the internet";
  return costLine(component, "internet-egress", [
    {
      usd: gb * perGb,
      text: `${num(gb, 1)} ${where} (${num(monthlyRequests(d.ctx) / 1e6, 1)} M responses × ${num(kb)} KB, ${source}) × ${price(perGb)}`,
    },
  ]);
}
