/**
 * How Route 53 judges an HTTP API's region: behind a custom domain the API has no URL of its own to probe (the
 * module turns the execute-api endpoint off), so the health check follows a CloudWatch alarm on the share of 5xx
 * answers in that region, and keeps the last status while the API reports nothing.
 */
import type { DomainComponent, HttpApiComponent } from "../../../contracts/generated/plan-spec.js";
import { attrs, ref, type Body, type Value } from "../hcl/ast.js";
import { moduleCall } from "../module-call.js";
import { MODULES } from "../modules/index.js";
import { fitName, type StackContext } from "../stack/context.js";
import { onProvider } from "../stack/regions.js";

/** The region is unhealthy when 5 % or more of its requests end in a 5xx, three minutes running. */
export const API_ERROR_ALARM = { percent: 5, minutes: 3 } as const;

/** The alarm module's label: `<domain>_<role>_errors`. */
export const apiAlarmLabel = (domain: DomainComponent, role: string, ctx: StackContext): string =>
  `${ctx.label(domain)}_${role}_errors`;

function apiMetric(id: string, name: string, api: HttpApiComponent, ctx: StackContext): Value {
  return {
    id,
    metric: [
      {
        namespace: "AWS/ApiGateway",
        metric_name: name,
        period: 60,
        stat: "Sum",
        dimensions: { ApiId: ref(`module.${ctx.label(api)}.api_id`) },
      },
    ],
  };
}

export function apiHealth(
  domain: DomainComponent,
  api: HttpApiComponent,
  role: string,
  here: StackContext,
): { body: Body; healthCheck: Record<string, Value> } {
  const label = apiAlarmLabel(domain, role, here);
  const name = fitName(`${here.spec.name}-${domain.id}-${here.region}-5xx`, 255);
  const body = moduleCall(label, MODULES.cloudwatchMetricAlarm, [
    ...attrs({
      alarm_name: name,
      alarm_description: `${API_ERROR_ALARM.percent} % or more of ${api.id}'s requests end in a 5xx for ${API_ERROR_ALARM.minutes} minutes: Route 53 stops answering with ${here.region}`,
      comparison_operator: "GreaterThanOrEqualToThreshold",
      evaluation_periods: API_ERROR_ALARM.minutes,
      threshold: API_ERROR_ALARM.percent,
      treat_missing_data: "notBreaching",
      metric_query: [
        {
          id: "rate",
          expression: "IF(requests > 0, 100 * errors / requests, 0)",
          label: "5xx share (%)",
          return_data: true,
        },
        apiMetric("errors", "5xx", api, here),
        apiMetric("requests", "Count", api, here),
      ],
    }),
  ]);
  return {
    body: onProvider(body, here.provider),
    healthCheck: {
      type: "CLOUDWATCH_METRIC",
      cloudwatch_alarm_name: ref(`module.${label}.cloudwatch_metric_alarm_id`),
      cloudwatch_alarm_region: here.region,
      insufficient_data_health_status: "LastKnownStatus",
    },
  };
}
