/**
 * domain → the ACM module (a certificate for the name, validated by DNS in the PlanSpec's hosted zone) and a
 * Route 53 alias record pointing the name at its target HTTP API's custom domain.
 */
import type { DomainComponent } from "../../../contracts/generated/plan-spec.js";
import { attrs, blank, block, ref, type Body } from "../hcl/ast.js";
import { moduleCall } from "../module-call.js";
import { MODULES } from "../modules/index.js";
import type { StackContext } from "../stack/context.js";
import type { RenderedComponent } from "../stack/rendered.js";

export function renderDomain(domain: DomainComponent, ctx: StackContext): RenderedComponent {
  const label = ctx.label(domain);
  const p = domain.params;
  const target = ctx.spec.components.find((c) => c.id === p.targets[0])!;
  const api = ctx.label(target);
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
            name: ref(`module.${api}.domain_name_target_domain_name`),
            zone_id: ref(`module.${api}.domain_name_hosted_zone_id`),
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
