/**
 * A domain with two targets: one front door per region of a two-region PlanSpec (the primary's first), each a load
 * balancer or an HTTP API that Route 53 can health-check, routed by multiRegion.mode.
 */
import type { PlanSpec } from "../../contracts/generated/index.js";
import type { DomainComponent } from "../../contracts/generated/plan-spec.js";
import type { Problem } from "../../contracts/problem.js";
import { componentRegion } from "./stack/regions.js";

export function checkTwoTargets(spec: PlanSpec, c: DomainComponent, i: number, out: Problem[]): void {
  const path = `components[${i}].params.targets`;
  if (!spec.regions) {
    out.push({
      path,
      message: "two targets are one per region of a two-region PlanSpec; set regions or name one target",
    });
    return;
  }
  if (!spec.multiRegion)
    out.push({
      path: "multiRegion.mode",
      message: `${c.id} serves two regions: say how (active-passive fails over, active-active answers by latency)`,
    });
  c.params.targets.forEach((id, j) => {
    const target = spec.components.find((o) => o.id === id);
    if (!target) return;
    if (target.kind === "cdn") {
      out.push({
        path: `${path}[${j}]`,
        message: `a CloudFront distribution is global already; two targets are a load balancer or an HTTP API per region (got "${id}")`,
      });
      return;
    }
    if (target.kind === "load-balancer" && target.params.allowedCidrs?.length)
      out.push({
        path: `${path}[${j}]`,
        message: `Route 53's health checkers connect from the internet, and "${id}" admits only its allowedCidrs: its health check would always fail; leave allowedCidrs out of a load balancer the domain fails over between`,
      });
    const region = componentRegion(spec, target);
    if (region !== spec.regions![j])
      out.push({
        path: `${path}[${j}]`,
        message: `must run in ${spec.regions![j]}, the ${j === 0 ? "primary" : "secondary"} region (the primary's target first) ("${id}" runs in ${region})`,
      });
  });
}
