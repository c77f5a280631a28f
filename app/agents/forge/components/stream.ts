/**
 * stream → a Kinesis data stream encrypted with the stack key (on-demand or provisioned shards), optionally delivered
 * to a bucket by Firehose (stream-delivery.ts); or an MSK Serverless cluster (IAM authentication and TLS always on)
 * in the private subnets, reachable on 9098 only from the services linked to it.
 */
import type { StreamComponent } from "../../../contracts/generated/plan-spec.js";
import { attrs, blank, block, ref, type Body } from "../hcl/ast.js";
import { moduleCall } from "../module-call.js";
import { MODULES } from "../modules/index.js";
import type { StackContext } from "../stack/context.js";
import type { OutputSpec, RenderedComponent } from "../stack/rendered.js";
import { streamDelivery } from "./stream-delivery.js";

/** MSK Serverless listens for IAM-authenticated clients on 9098, over TLS. */
export const KAFKA_IAM_PORT = 9098;

function kinesis(stream: StreamComponent, ctx: StackContext): { body: Body; outputs: OutputSpec[] } {
  const label = ctx.label(stream);
  const p = stream.params;
  const provisioned = p.mode === "provisioned";
  const body: Body = [
    block(
      "resource",
      ["aws_kinesis_stream", label],
      [
        ...attrs({
          name: ctx.awsName(stream, 128),
          retention_period: p.retentionHours,
          shard_count: provisioned ? p.shards : undefined,
        }),
        blank,
        block("stream_mode_details", [], attrs({ stream_mode: provisioned ? "PROVISIONED" : "ON_DEMAND" })),
        blank,
        ...attrs({ encryption_type: "KMS", kms_key_id: ctx.keyArn }),
      ],
    ),
    ...(p.delivery ? [blank, ...streamDelivery(stream, p.delivery, ctx)] : []),
  ];
  return {
    body,
    outputs: [
      {
        name: `${label}_stream_name`,
        description: `The name of the ${stream.id} Kinesis data stream.`,
        value: ref(`aws_kinesis_stream.${label}.name`),
      },
    ],
  };
}

function kafka(stream: StreamComponent, ctx: StackContext): { body: Body; outputs: OutputSpec[] } {
  const label = ctx.label(stream);
  const network = ctx.label(ctx.ofKind("network")[0]!);
  const clients = ctx.linked(stream, "container-service");
  const body: Body = [
    ...moduleCall(`${label}_security_group`, MODULES.securityGroup, [
      ...attrs({
        name: ctx.awsName(stream, 200),
        description: `${stream.id}: Kafka (IAM, TLS) from the services that use it, and nothing else`,
        vpc_id: ref(`module.${network}.vpc_id`),
        ingress_with_source_security_group_id: clients.map((c) => ({
          from_port: String(KAFKA_IAM_PORT),
          to_port: String(KAFKA_IAM_PORT),
          protocol: "tcp",
          description: `From ${c.id}`,
          source_security_group_id: ref(`module.${ctx.label(c)}.security_group_id`),
        })),
      }),
    ]),
    blank,
    ...moduleCall(label, MODULES.mskServerless, [
      ...attrs({
        name: ctx.awsName(stream, 64),
        subnet_ids: ref(`module.${network}.private_subnets`),
        security_group_ids: [ref(`module.${label}_security_group.security_group_id`)],
      }),
    ]),
    blank,
    block(
      "data",
      ["aws_msk_bootstrap_brokers", label],
      attrs({ cluster_arn: ref(`module.${label}.serverless_arn`) }),
    ),
  ];
  return {
    body,
    outputs: [
      {
        name: `${label}_bootstrap_brokers`,
        description: `The bootstrap brokers of ${stream.id} for IAM-authenticated clients (port ${KAFKA_IAM_PORT}, TLS).`,
        value: ref(`data.aws_msk_bootstrap_brokers.${label}.bootstrap_brokers_sasl_iam`),
      },
    ],
  };
}

export function renderStream(stream: StreamComponent, ctx: StackContext): RenderedComponent {
  return stream.params.engine === "kinesis" ? kinesis(stream, ctx) : kafka(stream, ctx);
}
