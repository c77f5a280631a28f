import { patternOf } from "./catalog/patterns.js";
import { planCluster } from "./cluster-sizing.js";
import type { Clash } from "./clash.js";
import type { DesignContext } from "./context.js";

/**
 * A kubernetes goal's clashes no design gets around: a Kubernetes version EKS does not create on the design's
 * date, a node group's instance type Atlas has no price for in the region, a group mixing CPU architectures.
 */
export function kubernetesClashes(ctx: DesignContext): Clash[] {
  if (!patternOf(ctx.pattern).nodes) return [];
  const planned = planCluster(ctx);
  return planned.ok ? [] : planned.clashes;
}
