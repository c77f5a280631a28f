/**
 * domain → the ACM module (a certificate for the name, validated by DNS in the PlanSpec's hosted zone) and a
 * Route 53 alias record pointing the name at its target: an HTTP API's custom domain, or a load balancer.
 */
import type { Component, DomainComponent } from "../../../contracts/generated/plan-spec.js";
import { attrs, blank, block, ref, type Body } from "../hcl/ast.js";
import { moduleCall } from "../module-call.js";
import { MODULES } from "../modules/index.js";
import type { StackContext } from "../stack/context.js";
import type { RenderedComponent } from "../stack/rendered.js";

/** The domain component serving a target (an HTTP API or a load balancer), if any. */
export function domainServing(target: Component, ctx: StackContext): DomainComponent | undefined {
  return ctx.ofKind("domain").find((d) => d.params.targets.includes(target.id));
}

/** Where an alias record for the target points: its DNS name and hosted zone. */
function aliasOf(target: Component, ctx: StackContext): { name: string; zone: string } {
  const module = `module.${ctx.label(target)}`;
  return target.kind === "load-balancer"
    ? { name: `${module}.dns_name`, zone: `${module}.zone_id` }
    : { name: `${module}.domain_name_target_domain_name`, zone: `${module}.domain_name_hosted_zone_id` };
}

export function renderDomain(domain: DomainComponent, ctx: StackContext): RenderedComponent {
  const label = ctx.label(domain);
  const p = domain.params;
  const target = ctx.spec.components.find((c) => c.id === p.targets[0])!;
  const alias = aliasOf(target, ctx);
  const certificate = moduleCall(label, MODULES.acm, [
    ...attrs({
      domain_name: p.name,
      zone_id: p.hostedZoneId,
      validation_method: "DNS",
      wait_for_validation: true,
    }),
  ]);
  const record: Body = [
    block(
      "resource",
      ["aws_route53_record", label],
      [
        ...attrs({ zone_id: p.hostedZoneId, name: p.name, type: "A" }),
        blank,
        block(
          "alias",
          [],
          attrs({
            name: ref(alias.name),
            zone_id: ref(alias.zone),
            evaluate_target_health: true,
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
