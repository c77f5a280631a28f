/**
 * domain → the ACM module (a certificate for the name, validated by DNS in the PlanSpec's hosted zone; made in
 * us-east-1 for a CloudFront distribution) and a Route 53 alias record pointing the name at its target: an HTTP
 * API's custom domain, a load balancer or a CloudFront distribution.
 */
import type { Component, DomainComponent } from "../../../contracts/generated/plan-spec.js";
import { attr, attrs, blank, block, call, ref, type Body } from "../hcl/ast.js";
import { moduleCall } from "../module-call.js";
import { MODULES } from "../modules/index.js";
import type { StackContext } from "../stack/context.js";
import type { RenderedComponent } from "../stack/rendered.js";
import { US_EAST_1 } from "../stack/us-east-1.js";
import { renderTwoRegionDomain } from "./domain-regions.js";

/** The domain component serving a target (an HTTP API or a load balancer), if any. */
export function domainServing(target: Component, ctx: StackContext): DomainComponent | undefined {
  return ctx.ofKind("domain").find((d) => d.params.targets.includes(target.id));
}

/**
 * Where an alias record for the target points: its DNS name and hosted zone, and whether Route 53 may evaluate the
 * target's health (it cannot for a CloudFront distribution).
 */
function aliasOf(target: Component, ctx: StackContext): { name: string; zone: string; health: boolean } {
  const module = `module.${ctx.label(target)}`;
  switch (target.kind) {
    case "load-balancer":
      return { name: `${module}.dns_name`, zone: `${module}.zone_id`, health: true };
    case "cdn":
      return {
        name: `${module}.cloudfront_distribution_domain_name`,
        zone: `${module}.cloudfront_distribution_hosted_zone_id`,
        health: false,
      };
    default:
      return {
        name: `${module}.domain_name_target_domain_name`,
        zone: `${module}.domain_name_hosted_zone_id`,
        health: true,
      };
  }
}

export function renderDomain(domain: DomainComponent, ctx: StackContext): RenderedComponent {
  if (domain.params.targets.length > 1) return renderTwoRegionDomain(domain, ctx);
  const label = ctx.label(domain);
  const p = domain.params;
  const target = ctx.spec.components.find((c) => c.id === p.targets[0])!;
  const alias = aliasOf(target, ctx);
  const certificate = moduleCall(label, MODULES.acm, [
    ...(target.kind === "cdn" ? [attr("providers", { aws: ref(US_EAST_1) }), blank] : []),
    ...attrs({
      domain_name: p.name,
      zone_id: p.hostedZoneId,
      validation_method: "DNS",
      wait_for_validation: true,
    }),
  ]);
  // A CloudFront distribution answers on IPv6 too (is_ipv6_enabled), so its name gets an AAAA alias beside the A.
  const ipv6 = target.kind === "cdn";
  const record: Body = [
    block(
      "resource",
      ["aws_route53_record", label],
      [
        ...(ipv6 ? [attr("for_each", call("toset", ["A", "AAAA"])), blank] : []),
        ...attrs({ zone_id: p.hostedZoneId, name: p.name, type: ipv6 ? ref("each.value") : "A" }),
        blank,
        block(
          "alias",
          [],
          attrs({
            name: ref(alias.name),
            zone_id: ref(alias.zone),
            evaluate_target_health: alias.health,
          }),
        ),
      ],
    ),
  ];
  return {
    body: [...certificate, blank, ...record],
    outputs: [
      {
        name: `${label}_certificate_arn`,
        description: `The ACM certificate for ${p.name}.`,
        value: ref(`module.${label}.acm_certificate_arn`),
      },
    ],
  };
}
