import type { Design } from "./design.js";
import type { StreamPlan } from "./stream-plan.js";

/** A stream-processor's flowchart: producers write to the stream, the consumer reads it, Firehose archives it. */
export function streamDiagram(d: Design, s: StreamPlan): string[] {
  const c = d.service!;
  const stream = s.kafka
    ? `stream["stream: MSK Serverless (Kafka), ${s.kafka.partitions} partitions, ${s.load.retentionHours} h"]`
    : `stream["stream: Kinesis ${s.kinesis!.mode === "provisioned" ? `${s.kinesis!.shards} shards` : "on demand"}, ${s.load.retentionHours} h"]`;
  const lines = [
    "flowchart LR",
    '  producers(["Producers"])',
    '  internet(["Internet: image registry"])',
    `  subgraph region["AWS ${d.ctx.region}"]`,
    `    ${stream}`,
    ...(s.load.archive ? ['    firehose["Firehose: GZIP every 5 min"]', '    archive[("archive: S3")]'] : []),
    `    subgraph vpc["network: VPC over ${d.azCount} AZs"]`,
    `      consumer["consumer: Fargate, ${c.minCount}–${c.maxCount} tasks of ${c.plan.cpu} vCPU"]`,
    `      nat["NAT gateway${d.natGateways > 1 ? `s (${d.natGateways})` : ""}"]`,
    "    end",
    `    logs["logs: CloudWatch Logs, ${d.logRetentionDays} days"]`,
    "  end",
    `  producers -->|${s.kafka ? "produce, IAM over TLS" : "PutRecords"}| stream`,
    s.kafka ? "  stream -->|consumer group| consumer" : "  stream -->|GetRecords via NAT| consumer",
    ...(s.load.archive ? ["  stream --> firehose", "  firehose --> archive"] : []),
    "  consumer -->|image pull| nat",
    "  nat --> internet",
    "  consumer -.->|logs| logs",
  ];
  return lines;
}
