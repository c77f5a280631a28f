/**
 * http-api → the API Gateway v2 module: an HTTP API whose default route invokes its one linked function, with the
 * PlanSpec's authorization (JWT, IAM or none), throttling, and access logs encrypted with the stack key. With a
 * domain in front it serves only on that name: the execute-api endpoint is turned off.
 */
import type { HttpApiComponent } from "../../../contracts/generated/plan-spec.js";
import { logRetention } from "../catalog/retention.js";
import { SCANNER_EXCEPTIONS } from "../catalog/scanner-exceptions.js";
import { attrs, blank, ref, template, type Body, type Value } from "../hcl/ast.js";
import { moduleCall } from "../module-call.js";
import { MODULES } from "../modules/index.js";
import type { StackContext } from "../stack/context.js";
import type { RenderedComponent } from "../stack/rendered.js";
import { domainServing } from "./domain.js";
import { certificateModule } from "./domain-regions.js";

/** API Gateway waits at most 30 s for an HTTP API integration. */
const MAX_INTEGRATION_MS = 30_000;

const JWT_AUTHORIZER = "jwt";

function route(api: HttpApiComponent, integration: Value): Value {
  switch (api.params.auth) {
    case "jwt":
      return { authorization_type: "JWT", authorizer_key: JWT_AUTHORIZER, integration };
    case "iam":
      return { authorization_type: "AWS_IAM", integration };
    case "none":
      return { integration };
  }
}

export function renderHttpApi(api: HttpApiComponent, ctx: StackContext): RenderedComponent {
  const label = ctx.label(api);
  const p = api.params;
  const fn = ctx.linked(api, "function")[0]!;
  const domain = domainServing(api, ctx);
  const integration = {
    uri: ref(`module.${ctx.label(fn)}.lambda_function_arn`),
    payload_format_version: "2.0",
    timeout_milliseconds: Math.min(fn.params.timeoutSeconds * 1000, MAX_INTEGRATION_MS),
  };
  const inputs: Body = [
    ...attrs({
      name: ctx.awsName(api, 128),
      description: `Infracrew ${ctx.spec.name}: ${api.id}`,
      protocol_type: "HTTP",
    }),
    blank,
    ...(domain
      ? attrs({
          domain_name: domain.params.name,
          domain_name_certificate_arn: ref(
            `module.${certificateModule(domain, api, ctx)}.acm_certificate_arn`,
          ),
          create_certificate: false,
          create_domain_records: false,
        })
      : attrs({ create_domain_name: false })),
    ...(p.auth === "jwt" && p.jwt
      ? [
          blank,
          ...attrs({
            authorizers: {
              [JWT_AUTHORIZER]: {
                authorizer_type: "JWT",
                identity_sources: ["$request.header.Authorization"],
                name: "jwt",
                jwt_configuration: { issuer: p.jwt.issuer, audience: p.jwt.audience },
              },
            },
          }),
        ]
      : []),
    blank,
    ...attrs({ routes: { $default: route(api, integration) } }),
    blank,
    ...attrs({
      stage_default_route_settings: {
        detailed_metrics_enabled: true,
        throttling_burst_limit: p.throttle.burstLimit,
        throttling_rate_limit: p.throttle.rateLimit,
      },
      stage_access_log_settings: {
        log_group_retention_in_days: logRetention(p.logRetentionDays),
        log_group_kms_key_id: ctx.keyArn,
      },
    }),
  ];
  return {
    body: moduleCall(
      label,
      MODULES.apigatewayV2,
      inputs,
      p.auth === "none" ? [SCANNER_EXCEPTIONS.publicHttpApi] : [],
    ),
    outputs: [
      {
        name: `${label}_url`,
        description: domain
          ? `The URL of ${api.id}, on its own domain (the execute-api endpoint is off).`
          : `The URL of ${api.id}.`,
        value: domain
          ? template("https://", ref(`module.${label}.domain_name_id`), "/")
          : ref(`module.${label}.api_endpoint`),
      },
    ],
  };
}
