/**
 * load-balancer → the ALB module: HTTPS on 443 with its domain's certificate, or one given as a variable when no
 * domain serves it, port 80 redirecting to 443, invalid headers dropped, and a target group for the container service behind it.
 */
import type { LoadBalancerComponent } from "../../../contracts/generated/plan-spec.js";
import { SCANNER_EXCEPTIONS } from "../catalog/scanner-exceptions.js";
import { attr, attrs, blank, call, ref, type Body, type Expr, type Value } from "../hcl/ast.js";
import { moduleCall } from "../module-call.js";
import { MODULES } from "../modules/index.js";
import type { StackContext } from "../stack/context.js";
import type { RenderedComponent, VariableSpec } from "../stack/rendered.js";
import { domainServing } from "./domain.js";
import { certificateModule } from "./domain-regions.js";
import { webAcl } from "./waf.js";

/** AWS's TLS 1.3 policy that still accepts TLS 1.2 clients; Trivy, tfsec and Checkov all accept it. */
export const ALB_SSL_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

/** The variable holding the certificate for a load balancer: `acm_certificate_arn` when the stack has one. */
export function certificateVariable(lb: LoadBalancerComponent, ctx: StackContext): string {
  return ctx.spec.components.filter((c) => c.kind === "load-balancer").length === 1
    ? "acm_certificate_arn"
    : `${ctx.label(lb)}_acm_certificate_arn`;
}

export function renderLoadBalancer(lb: LoadBalancerComponent, ctx: StackContext): RenderedComponent {
  const label = ctx.label(lb);
  const network = ctx.label(ctx.ofKind("network")[0]!);
  const service = ctx.linked(lb, "container-service")[0]!;
  const target = ctx.label(service);
  const internetFacing = lb.params.scheme === "internet-facing";
  const vpcCidr = ref(`module.${network}.vpc_cidr_block`);
  const allowed = lb.params.allowedCidrs ?? [];
  // Who may connect: the internet (or only the allowed ranges) when internet-facing; the VPC and the allowed ranges
  // when internal. One source keeps the rule names http and https.
  const sources: { key: string; cidr: Expr | string; what: string }[] = internetFacing
    ? allowed.length > 0
      ? allowed.map((cidr, i) => ({ key: `_${i + 1}`, cidr, what: ` from ${cidr}` }))
      : [{ key: "", cidr: "0.0.0.0/0", what: "" }]
    : [
        { key: allowed.length > 0 ? "_vpc" : "", cidr: vpcCidr, what: " from the VPC" },
        ...allowed.map((cidr, i) => ({ key: `_${i + 1}`, cidr, what: ` from ${cidr}` })),
      ];
  const certificate = certificateVariable(lb, ctx);
  const domain = domainServing(lb, ctx);
  const port = lb.params.targetPort;
  const waf = lb.params.waf === true;

  const ingress = (
    from: number,
    source: Expr | string,
    description: string,
  ): { readonly [key: string]: Value } => ({
    from_port: from,
    to_port: from,
    ip_protocol: "tcp",
    cidr_ipv4: source,
    description,
  });
  const ingressRules = Object.fromEntries(
    sources.flatMap((src) => [
      [`http${src.key}`, ingress(80, src.cidr, `HTTP${src.what}, answered with a redirect to HTTPS`)],
      [`https${src.key}`, ingress(443, src.cidr, `HTTPS${src.what}`)],
    ]),
  );
  const inputs: Body = [
    ...attrs({
      name: ctx.awsName(lb, 32),
      load_balancer_type: "application",
      internal: !internetFacing,
      vpc_id: ref(`module.${network}.vpc_id`),
      subnets: ref(`module.${network}.${internetFacing ? "public_subnets" : "private_subnets"}`),
    }),
    blank,
    ...attrs({
      enable_deletion_protection: lb.params.deletionProtection ?? ctx.spec.environment === "prod",
      drop_invalid_header_fields: true,
      desync_mitigation_mode: "defensive",
      idle_timeout: lb.params.idleTimeoutSeconds,
    }),
    blank,
    attr("security_group_ingress_rules", ingressRules),
    attr("security_group_egress_rules", {
      targets: {
        from_port: port,
        to_port: port,
        ip_protocol: "tcp",
        cidr_ipv4: vpcCidr,
        description: `To the ${service.id} tasks`,
      },
    }),
    blank,
    attr("listeners", {
      http: {
        port: 80,
        protocol: "HTTP",
        redirect: { port: "443", protocol: "HTTPS", status_code: "HTTP_301" },
      },
      https: {
        port: 443,
        protocol: "HTTPS",
        ssl_policy: ALB_SSL_POLICY,
        certificate_arn: domain
          ? ref(`module.${certificateModule(domain, lb, ctx)}.acm_certificate_arn`)
          : ref(`var.${certificate}`),
        forward: { target_group_key: target },
      },
    }),
    blank,
    attr("target_groups", {
      [target]: {
        protocol: "HTTP",
        port,
        target_type: "ip",
        deregistration_delay: 30,
        create_attachment: false,
        health_check: {
          enabled: true,
          path: lb.params.healthCheckPath,
          protocol: "HTTP",
          matcher: "200-399",
          interval: 15,
          timeout: 5,
          healthy_threshold: 2,
          unhealthy_threshold: 3,
        },
      },
    }),
    ...(waf
      ? [blank, ...attrs({ associate_web_acl: true, web_acl_arn: ref(`aws_wafv2_web_acl.${label}.arn`) })]
      : []),
  ];
  const openToAll = sources.some((src) => src.cidr === "0.0.0.0/0");
  const exceptions = [
    ...(internetFacing ? [SCANNER_EXCEPTIONS.publicLoadBalancer] : []),
    ...(openToAll ? [SCANNER_EXCEPTIONS.httpRedirect] : []),
  ];
  const variable: VariableSpec = {
    name: certificate,
    description: `ARN of the ACM certificate ${lb.id} serves on HTTPS 443, in ${ctx.region}. The goal names no domain (workload.domain), so the certificate is an input.`,
    type: "string",
    validation: {
      condition: call(
        "can",
        call(
          "regex",
          "^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[0-9a-f-]+$",
          ref(`var.${certificate}`),
        ),
      ),
      message: `${certificate} must be the ARN of an ACM certificate.`,
    },
  };
  return {
    body: [
      ...(waf
        ? [
            ...webAcl({
              label,
              name: ctx.awsName(lb, 128),
              description: `Infracrew ${ctx.spec.name} - managed rules and a rate limit in front of ${lb.id}`,
              scope: "REGIONAL",
            }),
            blank,
          ]
        : []),
      ...moduleCall(label, MODULES.alb, inputs, exceptions),
    ],
    outputs: [
      {
        name: `${label}_dns_name`,
        description: domain
          ? `The DNS name of ${lb.id}, which ${domain.params.name}'s alias record points to.`
          : `The DNS name of ${lb.id}: point the domain's record here.`,
        value: ref(`module.${label}.dns_name`),
      },
      {
        name: `${label}_zone_id`,
        description: `The hosted zone of ${lb.id}, for a Route 53 alias record.`,
        value: ref(`module.${label}.zone_id`),
      },
    ],
    variables: domain ? [] : [variable],
  };
}
