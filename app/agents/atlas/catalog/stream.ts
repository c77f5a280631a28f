import type { Risk } from "../../../contracts/generated/plan-spec.js";
import { HOURS_PER_MONTH as H, servicePrice } from "../../pricing/index.js";
import { FIREHOSE } from "../../pricing/shape-prices.js";
import { slaLink } from "../availability.js";
import { costLine, type CostLine, type CostPart } from "../cost-line.js";
import type { Design } from "../design.js";
import { num, price } from "../format.js";
import { SLAS } from "../sla.js";
import { kafkaPrices, kinesisPrices, type StreamPlan } from "../stream-plan.js";
import { retainedGb, STREAM } from "../stream-sizing.js";
import type { CatalogEntry } from "./entry.js";

export const STREAM_ID = "stream";
export const ARCHIVE_ID = "archive";
const ARCHIVE_PREFIX = "raw/";

export function streamOf(d: Design): StreamPlan {
  if (!d.stream) throw new Error("internal: a stream entry in a design without a stream");
  return d.stream;
}

/** Retention past 24 h as Kinesis bills it: per shard-hour (provisioned) or per GB-month (on demand), then long-term. */
function retentionParts(d: Design, s: StreamPlan): CostPart[] {
  const p = kinesisPrices(d.ctx.region)!;
  const hours = s.load.retentionHours;
  if (hours <= 24) return [];
  const kept = retainedGb(s.volumes, hours);
  const parts: CostPart[] = [];
  if (s.kinesis!.mode === "provisioned") {
    const shards = s.kinesis!.shards;
    parts.push({
      usd: shards * H * p.extendedRetentionShardHour,
      text: `${shards} shards × ${H} h × ${price(p.extendedRetentionShardHour)} extended retention (${num(hours)} h kept)`,
    });
  } else if (kept.extended > 0) {
    parts.push({
      usd: kept.extended * p.onDemandExtendedRetentionGbMonth,
      text: `${num(kept.extended, 1)} GB-month kept 24 h–${num(Math.min(hours, 168))} h × ${price(p.onDemandExtendedRetentionGbMonth)} extended retention`,
    });
  }
  if (kept.longTerm > 0) {
    parts.push({
      usd: kept.longTerm * p.longTermRetentionGbMonth,
      text: `${num(kept.longTerm, 1)} GB-month kept past 7 days × ${price(p.longTermRetentionGbMonth)} long-term retention`,
    });
  }
  return parts;
}

function kinesisParts(d: Design, s: StreamPlan): CostPart[] {
  const p = kinesisPrices(d.ctx.region)!;
  const k = s.kinesis!;
  const v = s.volumes;
  const millions = v.eventsPerMonth / 1e6;
  if (k.mode === "provisioned") {
    const perRecord = Math.ceil(s.load.recordKb / STREAM.kinesis.putPayloadKb);
    return [
      { usd: k.shards * H * p.shardHour, text: `${k.shards} shards × ${H} h × ${price(p.shardHour)}` },
      {
        usd: millions * perRecord * p.putPayloadUnitsPerMillion,
        text: `${num(millions * perRecord, 1)} M PUT payload units (${num(millions, 1)} M records × ${perRecord}) × ${price(p.putPayloadUnitsPerMillion)}/M`,
      },
      ...retentionParts(d, s),
    ];
  }
  return [
    { usd: H * p.onDemandStreamHour, text: `${H} stream-h × ${price(p.onDemandStreamHour)}` },
    {
      usd: v.gbInBilled * p.onDemandGbIn,
      text: `${num(v.gbInBilled, 1)} GB in (${num(millions, 1)} M records × ${num(Math.ceil(s.load.recordKb))} KB) × ${price(p.onDemandGbIn)}`,
    },
    {
      usd: v.gbOut * p.onDemandGbOut,
      text: `${num(v.gbOut, 1)} GB out (${v.readers} reader${v.readers === 1 ? "" : "s"}) × ${price(p.onDemandGbOut)}`,
    },
    ...retentionParts(d, s),
  ];
}

function kafkaParts(d: Design, s: StreamPlan): CostPart[] {
  const p = kafkaPrices(d.ctx.region)!;
  const k = s.kafka!;
  const v = s.volumes;
  return [
    { usd: H * p.clusterHour, text: `1 cluster × ${H} h × ${price(p.clusterHour)}` },
    {
      usd: k.partitions * H * p.partitionHour,
      text: `${k.partitions} partitions × ${H} h × ${price(p.partitionHour)}`,
    },
    { usd: v.gbIn * p.gbIn, text: `${num(v.gbIn, 1)} GB in × ${price(p.gbIn)}` },
    { usd: v.gbOut * p.gbOut, text: `${num(v.gbOut, 1)} GB out × ${price(p.gbOut)}` },
    {
      usd: k.storageGb * p.storageGbMonth,
      text: `${num(k.storageGb, 1)} GB stored (${num(s.load.retentionHours)} h) × ${price(p.storageGbMonth)}`,
    },
  ];
}

/** GB Firehose bills a month: every record rounded up to 5 KB. */
export function firehoseGb(s: StreamPlan): number {
  const roundKb = STREAM.firehose.recordRoundKb;
  return (s.volumes.eventsPerMonth * Math.ceil(s.load.recordKb / roundKb) * roundKb) / (1024 * 1024);
}

function deliveryCost(d: Design, s: StreamPlan): CostLine {
  const perGb = servicePrice(FIREHOSE, d.ctx.region, "gbIngested");
  if (!perGb) throw new Error(`no Firehose price in ${d.ctx.region}`);
  const gb = firehoseGb(s);
  return costLine(STREAM_ID, "stream-delivery", [
    {
      usd: gb * perGb.usd,
      text: `${num(gb, 1)} GB ingested by Firehose (${num(s.volumes.eventsPerMonth / 1e6, 1)} M records rounded up to ${STREAM.firehose.recordRoundKb} KB) × ${price(perGb.usd)}`,
    },
  ]);
}

function rationale(s: StreamPlan): string {
  const keep = `keeps ${num(s.load.retentionHours)} h, so a consumer down that long loses nothing`;
  if (s.kafka) {
    return `MSK Serverless (Kafka, IAM authentication over TLS) in the private subnets: ${s.kafka.partitionsWhy} partitions; it ${keep}. Serverless sizes brokers itself up to ${STREAM.kafka.clusterMaxInMb} MB/s in and ${STREAM.kafka.clusterMaxOutMb} MB/s out per cluster.`;
  }
  const k = s.kinesis!;
  const capacity =
    k.mode === "provisioned"
      ? `${k.shards} provisioned shards (${k.shardsWhy})`
      : `on demand (it starts at 4 MB/s in and doubles to follow the peak, splitting shards as it grows; a consumer task beyond its shard count waits idle; provisioned would need ${k.shards} shards: ${k.shardsWhy})`;
  const archive = s.load.archive
    ? ` Firehose delivers every record to the ${ARCHIVE_ID} bucket (GZIP, every ${STREAM.firehose.bufferSeconds} s or ${STREAM.firehose.bufferMb} MB).`
    : "";
  return `Kinesis Data Streams, encrypted with the stack key, ${capacity}: chosen ${k.why}. It ${keep}.${archive}`;
}

function streamRisks(d: Design): Risk[] {
  const s = streamOf(d);
  const hours = num(s.load.retentionHours);
  const hot = s.kafka
    ? {
        failure: "A hot partition: most events share one key",
        impact: "One consumer task falls behind while the others idle; that key's events are late",
        mitigation: `${s.kafka.partitions} partitions; producers key by a high-cardinality id (user, session)`,
        residual: "A key that is hot by nature stays on one partition; split it in the producer",
      }
    : {
        failure: "A hot shard: most events share one partition key",
        impact:
          s.kinesis!.mode === "provisioned"
            ? "Writes to that shard throttle past 1 MB/s or 1,000 records/s while the stream as a whole has room"
            : "Writes to that shard throttle until on-demand splits it",
        mitigation: "Producers use a high-cardinality partition key (user, session) and retry throttled puts",
        residual: "A key that is hot by nature stays on one shard; split it in the producer",
      };
  return [
    {
      component: STREAM_ID,
      failure: "The consumer lags: it is down, crashes on a bad record, or cannot keep up",
      impact: "Events are processed late; nothing is lost while they are younger than the retention",
      mitigation:
        "Alarm on the iterator age (Kinesis GetRecords.IteratorAgeMilliseconds) or the consumer group's lag; autoscaling adds tasks on CPU",
      residual: "A poison record blocks its shard or partition until the consumer skips it",
      severity: "medium",
    },
    {
      component: STREAM_ID,
      failure: `The consumer stays behind for longer than the ${hours} h retention`,
      impact: "The oldest events expire unread and are lost to the consumer",
      mitigation: s.load.archive
        ? `Firehose archives every event to S3, from which they can be replayed; retention is ${hours} h`
        : `Retention is ${hours} h; data.stream.retentionHours keeps longer at a price`,
      residual: s.load.archive ? "A replay from the archive is manual" : "Events past the retention are gone",
      severity: s.load.archive ? "low" : "high",
    },
    { component: STREAM_ID, ...hot, severity: "low" },
    ...(s.kafka
      ? [
          {
            component: STREAM_ID,
            failure: "A producer outside this stack tries to connect",
            impact:
              "It cannot: the cluster listens in the private subnets, and its security group admits only the consumer on 9098",
            mitigation:
              "Run the producers in this VPC (or a peered one) and add a rule for their security group; they authenticate with IAM over TLS",
            residual: "Each new producer is a change to the stack's security group",
            severity: "medium" as const,
          },
        ]
      : []),
  ];
}

/** The stream producers write to: a Kinesis data stream (on demand or provisioned) or an MSK Serverless cluster. */
export const stream: CatalogEntry = {
  ids: (d) => (d.stream ? [STREAM_ID] : []),
  component(d) {
    const s = streamOf(d);
    const volumes = {
      monthlyGbIn: Number(s.volumes.gbIn.toFixed(1)),
      monthlyGbOut: Number(s.volumes.gbOut.toFixed(1)),
    };
    if (s.kafka) {
      return {
        id: STREAM_ID,
        kind: "stream",
        params: {
          engine: "kafka",
          retentionHours: s.load.retentionHours,
          partitions: s.kafka.partitions,
          ...volumes,
        },
        dependsOn: ["network"],
        rationale: rationale(s),
      };
    }
    const k = s.kinesis!;
    return {
      id: STREAM_ID,
      kind: "stream",
      params: {
        engine: "kinesis",
        mode: k.mode,
        ...(k.mode === "provisioned" ? { shards: k.shards } : {}),
        retentionHours: s.load.retentionHours,
        ...(s.load.archive
          ? {
              delivery: {
                bucket: ARCHIVE_ID,
                prefix: ARCHIVE_PREFIX,
                bufferSeconds: STREAM.firehose.bufferSeconds,
                bufferMb: STREAM.firehose.bufferMb,
              },
            }
          : {}),
        ...volumes,
      },
      dependsOn: s.load.archive ? [ARCHIVE_ID] : [],
      rationale: rationale(s),
    };
  },
  cost(d) {
    const s = streamOf(d);
    const parts = s.kafka ? kafkaParts(d, s) : kinesisParts(d, s);
    return [costLine(STREAM_ID, "stream", parts), ...(s.load.archive ? [deliveryCost(d, s)] : [])];
  },
  link(d) {
    const s = streamOf(d);
    return s.kafka
      ? slaLink(STREAM_ID, SLAS.msk, `${SLAS.msk.basis}: producers write their events to the cluster`)
      : slaLink(STREAM_ID, SLAS.kinesis, `${SLAS.kinesis.basis}: producers put their events on the stream`);
  },
  risks: streamRisks,
};
