/**
 * A Kinesis stream's Firehose delivery to an object-storage bucket: objects compressed and encrypted with the stack
 * key under the PlanSpec's prefix, failures under an error prefix, delivery errors logged to a log group encrypted
 * with the key, and a role that may read only this stream and write only under this bucket.
 */
import type { StreamComponent, StreamDelivery } from "../../../contracts/generated/plan-spec.js";
import { logRetention } from "../catalog/retention.js";
import { SCANNER_EXCEPTIONS } from "../catalog/scanner-exceptions.js";
import { attrs, blank, block, directive, ref, template, type Body } from "../hcl/ast.js";
import { moduleCall } from "../module-call.js";
import { MODULES } from "../modules/index.js";
import type { StackContext } from "../stack/context.js";

const LOG_STREAM = "DestinationDelivery";

export function streamDelivery(stream: StreamComponent, delivery: StreamDelivery, ctx: StackContext): Body {
  const label = ctx.label(stream);
  const bucket = ctx.label(ctx.spec.components.find((c) => c.id === delivery.bucket)!);
  const bucketArn = ref(`module.${bucket}.s3_bucket_arn`);
  const name = ctx.awsName(stream, 58);
  const role = ref(`module.${label}_delivery_role.arn`);
  const exceptions = [SCANNER_EXCEPTIONS.firehoseSourceEncrypted, SCANNER_EXCEPTIONS.firehoseSourceKey];
  return [
    ...moduleCall(`${label}_delivery_logs`, MODULES.cloudwatchLogGroup, [
      ...attrs({
        name: `/aws/kinesisfirehose/${name}`,
        retention_in_days: logRetention(undefined),
        kms_key_id: ctx.keyArn,
      }),
    ]),
    blank,
    ...moduleCall(`${label}_delivery_log_stream`, MODULES.cloudwatchLogStream, [
      ...attrs({
        name: LOG_STREAM,
        log_group_name: ref(`module.${label}_delivery_logs.cloudwatch_log_group_name`),
      }),
    ]),
    blank,
    ...moduleCall(`${label}_delivery_role`, MODULES.iamRole, [
      ...attrs({
        name: `${name}-delivery`,
        use_name_prefix: false,
        trust_policy_permissions: {
          firehose: {
            actions: ["sts:AssumeRole"],
            principals: [{ type: "Service", identifiers: ["firehose.amazonaws.com"] }],
            condition: [
              {
                test: "StringEquals",
                variable: "sts:ExternalId",
                values: [ref("data.aws_caller_identity.current.account_id")],
              },
            ],
          },
        },
        create_inline_policy: true,
        inline_policy_permissions: {
          read_stream: {
            actions: [
              "kinesis:DescribeStream",
              "kinesis:GetRecords",
              "kinesis:GetShardIterator",
              "kinesis:ListShards",
            ],
            resources: [ref(`aws_kinesis_stream.${label}.arn`)],
          },
          write_bucket: {
            actions: [
              "s3:AbortMultipartUpload",
              "s3:GetBucketLocation",
              "s3:GetObject",
              "s3:ListBucket",
              "s3:ListBucketMultipartUploads",
              "s3:PutObject",
            ],
            resources: [bucketArn, template(bucketArn, "/*")],
          },
          stack_key: { actions: ["kms:Decrypt", "kms:GenerateDataKey"], resources: [ctx.keyArn] },
          log_errors: {
            actions: ["logs:PutLogEvents"],
            resources: [ref(`module.${label}_delivery_log_stream.cloudwatch_log_stream_arn`)],
          },
        },
      }),
    ]),
    blank,
    block(
      "resource",
      ["aws_kinesis_firehose_delivery_stream", label],
      [
        ...exceptions.map((e) => directive(`checkov:skip=${e.checkov}:${e.reason}`)),
        ...attrs({ name, destination: "extended_s3" }),
        blank,
        block(
          "kinesis_source_configuration",
          [],
          attrs({ kinesis_stream_arn: ref(`aws_kinesis_stream.${label}.arn`), role_arn: role }),
        ),
        blank,
        block(
          "extended_s3_configuration",
          [],
          [
            ...attrs({
              role_arn: role,
              bucket_arn: bucketArn,
              prefix: delivery.prefix,
              error_output_prefix: `${delivery.prefix ?? ""}errors/!{firehose:error-output-type}/`,
              buffering_interval: delivery.bufferSeconds,
              buffering_size: delivery.bufferMb,
              compression_format: "GZIP",
              kms_key_arn: ctx.keyArn,
            }),
            blank,
            block(
              "cloudwatch_logging_options",
              [],
              attrs({
                enabled: true,
                log_group_name: ref(`module.${label}_delivery_logs.cloudwatch_log_group_name`),
                log_stream_name: ref(`module.${label}_delivery_log_stream.cloudwatch_log_stream_name`),
              }),
            ),
          ],
        ),
      ],
    ),
  ];
}
