/**
 * A domain over two regions: a certificate in each target's region (validated by DNS in the hosted zone), a Route 53
 * health check per target on the domain's health check path, and one alias record per target: failover records
 * (PRIMARY, SECONDARY) for active-passive, latency records for active-active, each answering only while healthy.
 */
import type { Component, DomainComponent } from "../../../contracts/generated/plan-spec.js";
import { attr, attrs, blank, block, comment, ref, type Body, type Expr } from "../hcl/ast.js";
import { moduleCall } from "../module-call.js";
import { MODULES } from "../modules/index.js";
import type { StackContext } from "../stack/context.js";
import { componentRegion, onProvider } from "../stack/regions.js";
import type { OutputSpec, RenderedComponent } from "../stack/rendered.js";
import { apiHealth } from "./api-health-alarm.js";

const ROLES = ["primary", "secondary"] as const;

/** Route 53 checks every 30 s from each checker region and calls a target unhealthy after 3 failures in a row. */
export const HEALTH_CHECK = { request_interval: 30, failure_threshold: 3 } as const;

/** The ACM module call holding the certificate a target serves: the domain's own, or `<domain>_secondary`. */
export function certificateModule(domain: DomainComponent, target: Component, ctx: StackContext): string {
  return domain.params.targets.indexOf(target.id) === 1
    ? `${ctx.label(domain)}_secondary`
    : ctx.label(domain);
}

/** Where the alias points: a load balancer's DNS name, or an HTTP API's regional custom domain. */
function targetOf(target: Component, ctx: StackContext): { name: Expr; zone: Expr } {
  const module = `module.${ctx.label(target)}`;
  return target.kind === "load-balancer"
    ? { name: ref(`${module}.dns_name`), zone: ref(`${module}.zone_id`) }
    : {
        name: ref(`${module}.domain_name_target_domain_name`),
        zone: ref(`${module}.domain_name_hosted_zone_id`),
      };
}

export function renderTwoRegionDomain(domain: DomainComponent, ctx: StackContext): RenderedComponent {
  const p = domain.params;
  const label = ctx.label(domain);
  const activeActive = ctx.spec.multiRegion?.mode === "active-active";
  const targets = p.targets.map((id) => ctx.spec.components.find((c) => c.id === id)!);
  const body: Body = targets.flatMap((target, j) => {
    const role = ROLES[j]!;
    const region = componentRegion(ctx.spec, target);
    const here = ctx.inRegion(region);
    const to = targetOf(target, ctx);
    const api = target.kind === "http-api" ? apiHealth(domain, target, role, here) : undefined;
    // ACM asks for the same validation record for one name in every region: the primary's certificate writes it,
    // and the secondary's waits on it.
    const certificate = onProvider(
      moduleCall(certificateModule(domain, target, ctx), MODULES.acm, [
        ...attrs({
          domain_name: p.name,
          zone_id: p.hostedZoneId,
          validation_method: "DNS",
          wait_for_validation: true,
        }),
        ...(j > 0
          ? attrs({
              create_route53_records: false,
              validation_record_fqdns: ref(`module.${label}.validation_route53_record_fqdns`),
            })
          : []),
      ]),
      here.provider,
    );
    const routing = activeActive
      ? block("latency_routing_policy", [], [attr("region", region)])
      : block("failover_routing_policy", [], [attr("type", role.toUpperCase())]);
    return [
      ...(j > 0 ? [blank] : []),
      comment(`The ${role} region, ${region}: its certificate, its health check and its record.`),
      ...certificate,
      blank,
      ...(api ? [...api.body, blank] : []),
      block(
        "resource",
        ["aws_route53_health_check", `${label}_${role}`],
        [
          ...attrs(
            api?.healthCheck ?? {
              fqdn: to.name,
              port: 443,
              type: "HTTPS",
              resource_path: p.healthCheckPath ?? "/",
              ...HEALTH_CHECK,
            },
          ),
          blank,
          attr("tags", { Name: `${p.name} ${region}` }),
        ],
      ),
      blank,
      block(
        "resource",
        ["aws_route53_record", `${label}_${role}`],
        [
          ...attrs({
            zone_id: p.hostedZoneId,
            name: p.name,
            type: "A",
            set_identifier: region,
            health_check_id: ref(`aws_route53_health_check.${label}_${role}.id`),
          }),
          blank,
          routing,
          blank,
          block(
            "alias",
            [],
            attrs({
              name: to.name,
              zone_id: to.zone,
              evaluate_target_health: target.kind === "load-balancer",
            }),
          ),
        ],
      ),
    ];
  });
  const outputs: OutputSpec[] = targets.map((target) => {
    const module = certificateModule(domain, target, ctx);
    return {
      name: `${module}_certificate_arn`,
      description: `The ACM certificate for ${p.name} in ${componentRegion(ctx.spec, target)}, which ${target.id} serves.`,
      value: ref(`module.${module}.acm_certificate_arn`),
    };
  });
  return { body, outputs };
}
