/**
 * What a service linked to a stream gets: the stream's name (Kinesis) or bootstrap brokers (Kafka) in its
 * environment, IAM actions on that stream only, and for Kafka a rule to reach the cluster on 9098.
 */
import type { StreamComponent } from "../../../contracts/generated/plan-spec.js";
import { call, ref, template } from "../hcl/ast.js";
import type { StackContext } from "../stack/context.js";
import type { ServiceLinks } from "./container-links.js";
import { envPrefix } from "./data-store-refs.js";
import { KAFKA_IAM_PORT } from "./stream.js";

const KINESIS_ACTIONS = [
  "kinesis:DescribeStream",
  "kinesis:DescribeStreamSummary",
  "kinesis:GetRecords",
  "kinesis:GetShardIterator",
  "kinesis:ListShards",
  "kinesis:PutRecord",
  "kinesis:PutRecords",
];

const KAFKA_ACTIONS = {
  cluster: ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster"],
  topic: [
    "kafka-cluster:CreateTopic",
    "kafka-cluster:DescribeTopic",
    "kafka-cluster:ReadData",
    "kafka-cluster:WriteData",
  ],
  group: ["kafka-cluster:AlterGroup", "kafka-cluster:DescribeGroup"],
};

export function streamLinks(links: ServiceLinks, stream: StreamComponent, ctx: StackContext): void {
  const label = ctx.label(stream);
  const prefix = envPrefix(stream.id);
  if (stream.params.engine === "kinesis") {
    links.environment.push({ name: `${prefix}_STREAM`, value: ref(`aws_kinesis_stream.${label}.name`) });
    links.taskStatements.push({
      actions: KINESIS_ACTIONS,
      resources: [ref(`aws_kinesis_stream.${label}.arn`)],
    });
    return;
  }
  const cluster = ref(`module.${label}.serverless_arn`);
  const under = (kind: string) => template(call("replace", cluster, ":cluster/", `:${kind}/`), "/*");
  links.environment.push({
    name: `${prefix}_BOOTSTRAP_BROKERS`,
    value: ref(`data.aws_msk_bootstrap_brokers.${label}.bootstrap_brokers_sasl_iam`),
  });
  links.taskStatements.push(
    { actions: KAFKA_ACTIONS.cluster, resources: [cluster] },
    { actions: KAFKA_ACTIONS.topic, resources: [under("topic")] },
    { actions: KAFKA_ACTIONS.group, resources: [under("group")] },
  );
  links.egress[label] = {
    from_port: KAFKA_IAM_PORT,
    to_port: KAFKA_IAM_PORT,
    ip_protocol: "tcp",
    referenced_security_group_id: ref(`module.${label}_security_group.security_group_id`),
    description: `To the ${stream.id} Kafka cluster`,
  };
}
