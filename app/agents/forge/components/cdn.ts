/**
 * cdn → the CloudFront module in front of an S3 bucket: origin access control (the bucket stays private), HTTPS
 * only (HTTP redirects), AWS's managed security headers, compression, and a WAF web ACL made in us-east-1.
 */
import type { CdnComponent } from "../../../contracts/generated/plan-spec.js";
import { attr, attrs, blank, ref, template, type Body } from "../hcl/ast.js";
import { moduleCall } from "../module-call.js";
import { MODULES } from "../modules/index.js";
import type { StackContext } from "../stack/context.js";
import { US_EAST_1 } from "../stack/us-east-1.js";
import type { RenderedComponent } from "../stack/rendered.js";
import { domainServing } from "./domain.js";
import { webAcl } from "./waf.js";

/** The names the distribution answers on and its certificate: the domain's, or CloudFront's own *.cloudfront.net. */
function viewer(cdn: CdnComponent, ctx: StackContext): Body {
  const domain = domainServing(cdn, ctx);
  if (!domain) return [attr("viewer_certificate", { cloudfront_default_certificate: true })];
  return [
    attr("aliases", [domain.params.name]),
    attr("viewer_certificate", {
      acm_certificate_arn: ref(`module.${ctx.label(domain)}.acm_certificate_arn`),
      ssl_support_method: "sni-only",
      minimum_protocol_version: "TLSv1.2_2021",
    }),
  ];
}

export function renderCdn(cdn: CdnComponent, ctx: StackContext): RenderedComponent {
  const label = ctx.label(cdn);
  const waf = cdn.params.waf !== false;
  const origin = ctx.spec.components.find((c) => c.id === cdn.params.origin)!;
  const originLabel = ctx.label(origin);
  const inputs: Body = [
    ...attrs({
      comment: `Infracrew ${ctx.spec.name} ${cdn.id}`,
      enabled: true,
      is_ipv6_enabled: true,
      http_version: "http2and3",
      price_class: cdn.params.priceClass,
      default_root_object: cdn.params.defaultRootObject ?? "index.html",
      web_acl_id: waf ? ref(`aws_wafv2_web_acl.${label}.arn`) : undefined,
    }),
    blank,
    attr("origin_access_control", {
      [originLabel]: {
        description: `CloudFront access to ${origin.id}`,
        origin_type: "s3",
        signing_behavior: "always",
        signing_protocol: "sigv4",
      },
    }),
    attr("origin", {
      [originLabel]: {
        domain_name: ref(`module.${originLabel}.s3_bucket_bucket_regional_domain_name`),
        origin_access_control_key: originLabel,
      },
    }),
    blank,
    attr("default_cache_behavior", {
      target_origin_id: originLabel,
      viewer_protocol_policy: "redirect-to-https",
      allowed_methods: ["GET", "HEAD", "OPTIONS"],
      cached_methods: ["GET", "HEAD"],
      compress: true,
      cache_policy_name: "Managed-CachingOptimized",
      response_headers_policy_name: "Managed-SecurityHeadersPolicy",
    }),
    blank,
    ...viewer(cdn, ctx),
  ];
  return {
    body: [
      ...(waf
        ? [
            ...webAcl({
              label,
              name: ctx.awsName(cdn, 128),
              description: `Infracrew ${ctx.spec.name} - managed rules and a rate limit in front of ${cdn.id}`,
              scope: "CLOUDFRONT",
              provider: US_EAST_1,
            }),
            blank,
          ]
        : []),
      ...moduleCall(label, MODULES.cloudfront, inputs),
    ],
    outputs: [
      {
        name: `${label}_domain_name`,
        description: `The domain name ${cdn.id} serves on (https://<this>/).`,
        value: ref(`module.${label}.cloudfront_distribution_domain_name`),
      },
      {
        name: `${label}_distribution_id`,
        description: `The ID of the ${cdn.id} distribution.`,
        value: ref(`module.${label}.cloudfront_distribution_id`),
      },
    ],
    keyStatements: [
      {
        sid: "CloudFrontDecryptsForThisAccountsDistributions",
        actions: ["kms:Decrypt"],
        resources: ["*"],
        principals: [{ type: "Service", identifiers: ["cloudfront.amazonaws.com"] }],
        condition: [
          {
            test: "ArnLike",
            variable: "AWS:SourceArn",
            values: [
              template(
                "arn:",
                ref("data.aws_partition.current.partition"),
                ":cloudfront::",
                ref("data.aws_caller_identity.current.account_id"),
                ":distribution/*",
              ),
            ],
          },
        ],
      },
    ],
  };
}
