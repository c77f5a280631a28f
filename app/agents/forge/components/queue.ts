/** queue → the SQS module: encrypted with the stack key, with a dead-letter queue after the PlanSpec's receive count. */
import type { QueueComponent } from "../../../contracts/generated/plan-spec.js";
import { attrs, blank, ref } from "../hcl/ast.js";
import { moduleCall } from "../module-call.js";
import { MODULES } from "../modules/index.js";
import type { StackContext } from "../stack/context.js";
import type { RenderedComponent } from "../stack/rendered.js";

/** SQS's longest retention, for dead letters when the PlanSpec does not say: 14 days. */
const MAX_RETENTION_SECONDS = 1_209_600;

export function renderQueue(queue: QueueComponent, ctx: StackContext): RenderedComponent {
  const label = ctx.label(queue);
  const p = queue.params;
  const inputs = [
    ...attrs({
      name: ctx.awsName(queue, 76),
      visibility_timeout_seconds: p.visibilityTimeoutSeconds,
      message_retention_seconds: p.messageRetentionSeconds,
      receive_wait_time_seconds: 20,
    }),
    blank,
    ...attrs({
      kms_master_key_id: ctx.keyArn,
      kms_data_key_reuse_period_seconds: 300,
    }),
    blank,
    ...attrs({
      create_dlq: true,
      redrive_policy: { maxReceiveCount: p.deadLetter.maxReceiveCount },
      dlq_message_retention_seconds: p.deadLetter.messageRetentionSeconds ?? MAX_RETENTION_SECONDS,
      dlq_kms_master_key_id: ctx.keyArn,
      dlq_kms_data_key_reuse_period_seconds: 300,
    }),
  ];
  return {
    body: moduleCall(label, MODULES.sqs, inputs),
    outputs: [
      {
        name: `${label}_queue_url`,
        description: `The URL of the ${queue.id} queue.`,
        value: ref(`module.${label}.queue_url`),
      },
      {
        name: `${label}_dead_letter_queue_url`,
        description: `The URL of ${queue.id}'s dead-letter queue.`,
        value: ref(`module.${label}.dead_letter_queue_url`),
      },
    ],
  };
}
