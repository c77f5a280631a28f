/** The provider alias for us-east-1: CloudFront takes web ACLs and ACM certificates made there only. */
import type { StackContext } from "./context.js";

export const US_EAST_1 = "aws.us_east_1";

/** What the stack makes in us-east-1 for CloudFront (web ACLs on a distribution, its certificate); none: no alias. */
export function usEast1Uses(ctx: StackContext): string[] {
  const cdns = ctx.ofKind("cdn");
  const certificate = ctx.ofKind("domain").some((d) => cdns.some((cdn) => d.params.targets.includes(cdn.id)));
  return [
    ...(cdns.some((cdn) => cdn.params.waf !== false) ? ["web ACLs"] : []),
    ...(certificate ? ["certificates"] : []),
  ];
}
