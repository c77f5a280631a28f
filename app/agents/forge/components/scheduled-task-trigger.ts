/**
 * What starts a scheduled task and tells someone when it fails: an EventBridge Scheduler schedule (encrypted with the
 * stack key) that starts the state machine through a role allowed only that, a dead-letter queue for the starts it
 * could not deliver, and alarms on a failed run or a dead letter, sent to an encrypted SNS topic.
 */
import type { ScheduledTaskComponent } from "../../../contracts/generated/plan-spec.js";
import { attrs, blank, block, ref, type Body, type Value } from "../hcl/ast.js";
import { moduleCall } from "../module-call.js";
import { MODULES } from "../modules/index.js";
import type { StackContext } from "../stack/context.js";
import type { OutputSpec } from "../stack/rendered.js";

/** SQS's longest retention: 14 days to notice and replay an undelivered start. */
const MAX_RETENTION_SECONDS = 1_209_600;

/** How long Scheduler keeps trying to start a run before it goes to the dead-letter queue. */
const MAX_EVENT_AGE_SECONDS = 3600;

interface Trigger {
  readonly body: Body;
  readonly outputs: readonly OutputSpec[];
  readonly keyStatements: readonly Value[];
}

interface Metric {
  readonly namespace: string;
  readonly metric_name: string;
  readonly dimensions: Value;
  readonly statistic: "Sum" | "Maximum";
}

function alarm(label: string, name: string, description: string, metric: Metric, topic: string): Body {
  return moduleCall(label, MODULES.cloudwatchMetricAlarm, [
    ...attrs({
      alarm_name: name,
      alarm_description: description,
      ...metric,
      period: "300",
      evaluation_periods: 1,
      comparison_operator: "GreaterThanOrEqualToThreshold",
      threshold: 1,
      treat_missing_data: "notBreaching",
      alarm_actions: [ref(`module.${topic}.topic_arn`)],
    }),
  ]);
}

export function scheduleTrigger(task: ScheduledTaskComponent, ctx: StackContext): Trigger {
  const label = ctx.label(task);
  const p = task.params;
  const name = ctx.awsName(task, 64);
  const stateMachine = ref(`module.${label}_runner.state_machine_arn`);
  const deadLetters = ref(`module.${label}_dead_letters.queue_arn`);
  const topic = `${label}_alarms`;
  const role = moduleCall(`${label}_scheduler`, MODULES.iamRole, [
    ...attrs({
      name: `${name}-scheduler`,
      use_name_prefix: false,
      trust_policy_permissions: {
        scheduler: {
          actions: ["sts:AssumeRole"],
          principals: [{ type: "Service", identifiers: ["scheduler.amazonaws.com"] }],
          condition: [
            {
              test: "StringEquals",
              variable: "aws:SourceAccount",
              values: [ref("data.aws_caller_identity.current.account_id")],
            },
          ],
        },
      },
      create_inline_policy: true,
      inline_policy_permissions: {
        start: { actions: ["states:StartExecution"], resources: [stateMachine] },
        dead_letters: { actions: ["sqs:SendMessage"], resources: [deadLetters] },
        stack_key: { actions: ["kms:Decrypt", "kms:GenerateDataKey"], resources: [ctx.keyArn] },
      },
    }),
  ]);
  const queue = moduleCall(`${label}_dead_letters`, MODULES.sqs, [
    ...attrs({
      name: `${ctx.awsName(task, 60)}-dead-letters`,
      message_retention_seconds: MAX_RETENTION_SECONDS,
      kms_master_key_id: ctx.keyArn,
      kms_data_key_reuse_period_seconds: 300,
    }),
  ]);
  const schedule = block(
    "resource",
    ["aws_scheduler_schedule", label],
    [
      ...attrs({
        name,
        description: `Starts ${task.id}`,
        schedule_expression: p.schedule,
        schedule_expression_timezone: p.timezone,
        kms_key_arn: ctx.keyArn,
      }),
      blank,
      block("flexible_time_window", [], attrs({ mode: "OFF" })),
      blank,
      block(
        "target",
        [],
        [
          ...attrs({ arn: stateMachine, role_arn: ref(`module.${label}_scheduler.arn`) }),
          blank,
          block("dead_letter_config", [], attrs({ arn: deadLetters })),
          blank,
          block("retry_policy", [], attrs({ maximum_event_age_in_seconds: MAX_EVENT_AGE_SECONDS })),
        ],
      ),
    ],
  );
  const alarms = moduleCall(topic, MODULES.sns, [
    ...attrs({ name: `${ctx.awsName(task, 240)}-alarms`, kms_master_key_id: ctx.keyArn }),
  ]);
  return {
    body: [
      schedule,
      blank,
      ...role,
      blank,
      ...queue,
      blank,
      ...alarms,
      blank,
      ...alarm(
        `${label}_failed`,
        `${name}-failed`,
        `A run of ${task.id} failed, timed out, or was aborted after its retries.`,
        {
          namespace: "AWS/States",
          metric_name: "ExecutionsFailed",
          dimensions: { StateMachineArn: stateMachine },
          statistic: "Sum",
        },
        topic,
      ),
      blank,
      ...alarm(
        `${label}_not_started`,
        `${name}-not-started`,
        `The schedule could not start ${task.id}: the start is in the dead-letter queue.`,
        {
          namespace: "AWS/SQS",
          metric_name: "ApproximateNumberOfMessagesVisible",
          dimensions: { QueueName: ref(`module.${label}_dead_letters.queue_name`) },
          statistic: "Maximum",
        },
        topic,
      ),
    ],
    outputs: [
      {
        name: `${topic}_topic_arn`,
        description: `The SNS topic ${task.id}'s failure alarms go to; subscribe the team to it.`,
        value: ref(`module.${topic}.topic_arn`),
      },
    ],
    keyStatements: [
      {
        sid: "CloudWatchAlarmsPublishToEncryptedTopics",
        actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
        resources: ["*"],
        principals: [{ type: "Service", identifiers: ["cloudwatch.amazonaws.com"] }],
      },
    ],
  };
}
