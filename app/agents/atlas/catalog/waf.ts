import { WEB_ACL_RULE_COUNT } from "../../forge/catalog/waf-rules.js";
import { monthlyRequests } from "../context.js";
import { costLine, type CostLine } from "../cost-line.js";
import type { Design } from "../design.js";
import { num, price } from "../format.js";
import { unit } from "./entry.js";

/** A WAF web ACL's cost: the ACL, its rules (managed rule groups and the rate limit) and the requests it inspects. */
export function wafCost(d: Design, component: string): CostLine {
  const acl = unit(d.ctx, "waf.web-acl-month");
  const rule = unit(d.ctx, "waf.rule-month");
  const perMillion = unit(d.ctx, "waf.requests.per-million");
  const millions = Number((monthlyRequests(d.ctx) / 1e6).toFixed(1));
  return costLine(component, "waf", [
    { usd: acl, text: `1 web ACL × ${price(acl)}` },
    { usd: WEB_ACL_RULE_COUNT * rule, text: `${WEB_ACL_RULE_COUNT} rules × ${price(rule)}` },
    { usd: millions * perMillion, text: `${num(millions, 1)} M requests inspected × ${price(perMillion)}` },
  ]);
}
