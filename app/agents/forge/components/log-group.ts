/** log-group → the CloudWatch log-group module: the PlanSpec's retention, encrypted with the stack key. */
import type { LogGroupComponent } from "../../../contracts/generated/plan-spec.js";
import { attrs, ref } from "../hcl/ast.js";
import { moduleCall } from "../module-call.js";
import { MODULES } from "../modules/index.js";
import type { StackContext } from "../stack/context.js";
import type { RenderedComponent } from "../stack/rendered.js";

export function renderLogGroup(logGroup: LogGroupComponent, ctx: StackContext): RenderedComponent {
  const label = ctx.label(logGroup);
  return {
    body: moduleCall(label, MODULES.cloudwatchLogGroup, [
      ...attrs({
        name: `/infracrew/${ctx.spec.name}/${logGroup.id}`,
        retention_in_days: logGroup.params.retentionDays,
        kms_key_id: ctx.keyArn,
      }),
    ]),
    outputs: [
      {
        name: `${label}_log_group`,
        description: `The name of the ${logGroup.id} log group.`,
        value: ref(`module.${label}.cloudwatch_log_group_name`),
      },
    ],
  };
}
