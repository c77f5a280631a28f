/**
 * Sizes a stream-processor's stream from the goal's events per second (traffic.peakRps and avgRps) and record size:
 * Kinesis provisioned shards against on-demand, or an MSK Serverless cluster's partitions, with what each costs.
 * Pure: figures in, figures out; the catalog entries write the cost lines from the same figures.
 */
import { HOURS_PER_MONTH as H } from "../pricing/index.js";
import { HEADROOM, TRAFFIC } from "./assumptions.js";

export const STREAM = {
  defaultRecordKb: 1,
  defaultRetentionHours: 24,
  recordReasoning:
    "A clickstream or domain event serialised as JSON is well under 1 KB; Kinesis bills on-demand writes rounded up to 1 KB a record anyway.",
  retentionReasoning:
    "Kinesis and MSK keep 24 hours by default: a consumer down for less than a day loses nothing. data.stream.retentionHours keeps events longer (priced as extended or long-term retention).",
  consumer: {
    rpsPerVcpu: 500,
    defaultCpu: 0.5,
    defaultMemoryMb: 1024,
    reasoning:
      "A stream consumer reads records in batches (up to 10,000 per GetRecords call, or Kafka fetches) and spends about 2 ms of CPU on each (parse, enrich, write in batches): one vCPU handles about 500 events/s at full use.",
  },
  /** Peak ÷ average at or above this: the traffic is spiky, and on-demand follows it without resharding. */
  spikyPeakToAvg: 4,
  /** A consumer logs about one 300-byte line per batch of 100 events. */
  logBytesPerEvent: 3,
  /** Flow-log bytes per event: a consumer reads in batches over a few long-lived connections. */
  flowLogBytesPerEvent: 1,
  logReasoning:
    "A stream consumer logs per batch, not per event: about one 300-byte line per 100 events (3 bytes per event), plus 1 GB of start-up and error logs. Its traffic runs over a few long-lived connections read in batches, so VPC flow logs come to about 1 byte per event (a flow record per connection per 10-minute window) plus 1 GB.",
  kinesis: {
    shardInMb: 1,
    shardInRecords: 1000,
    /** Shared by every reader without enhanced fan-out. */
    shardOutMb: 2,
    putPayloadKb: 25,
    maxShards: 500,
    onDemandMaxInMb: 200,
    onDemandMaxInRecords: 200_000,
    extendedRetentionHours: 168,
  },
  kafka: {
    clusterMaxInMb: 200,
    clusterMaxOutMb: 400,
    partitionInMb: 5,
    partitionOutMb: 10,
    partitionMaxGb: 250,
    maxPartitions: 2400,
  },
  firehose: { recordRoundKb: 5, bufferSeconds: 300, bufferMb: 64 },
  archive: {
    compressedShare: 0.2,
    monthsKept: 12,
    reasoning:
      "Firehose GZIPs the events (JSON compresses to about a fifth); the archive is priced at what it holds after 12 months, with no lifecycle rule.",
  },
} as const;

const KB_PER_MB = 1024;
const KB_PER_GB = 1024 * 1024;

export type KinesisMode = "on-demand" | "provisioned";

/** Unit prices the stream's cost is computed from (shape-prices.ts, in the design's region). */
export interface KinesisPrices {
  readonly shardHour: number;
  readonly putPayloadUnitsPerMillion: number;
  readonly extendedRetentionShardHour: number;
  readonly onDemandStreamHour: number;
  readonly onDemandGbIn: number;
  readonly onDemandGbOut: number;
  readonly onDemandExtendedRetentionGbMonth: number;
  readonly longTermRetentionGbMonth: number;
}

export interface KafkaPrices {
  readonly clusterHour: number;
  readonly partitionHour: number;
  readonly storageGbMonth: number;
  readonly gbIn: number;
  readonly gbOut: number;
}

/** What the goal asks of the stream, with the defaults filled in. */
export interface StreamLoad {
  readonly engine: "kinesis" | "kafka";
  readonly peakRps: number;
  readonly avgRps: number;
  readonly recordKb: number;
  readonly retentionHours: number;
  readonly archive: boolean;
}

/** Volumes a month and rates at peak. */
export interface StreamVolumes {
  readonly eventsPerMonth: number;
  /** MB/s written at peak. */
  readonly peakInMb: number;
  /** Readers of the stream: the consumer, and Firehose when it archives. */
  readonly readers: number;
  readonly gbIn: number;
  /** GB written as on-demand Kinesis bills it (records rounded up to 1 KB). */
  readonly gbInBilled: number;
  readonly gbOut: number;
  /** GB written a day at the average rate: what retention keeps. */
  readonly gbPerDay: number;
}

export interface KinesisOption {
  readonly mode: KinesisMode;
  readonly shards?: number;
  readonly monthlyUsd: number;
}

export interface KinesisChoice {
  readonly mode: KinesisMode;
  /** Provisioned shards (also worked out when on-demand is chosen, for the comparison). */
  readonly shards: number;
  readonly shardsWhy: string;
  readonly onDemandUsd: number;
  readonly provisionedUsd: number;
  /** Undefined when the mode can carry the peak. */
  readonly onDemandOver?: string;
  readonly provisionedOver?: string;
  readonly spiky: boolean;
  readonly why: string;
}

export interface KafkaChoice {
  readonly partitions: number;
  readonly partitionsWhy: string;
  readonly storageGb: number;
  readonly monthlyUsd: number;
  /** What a cluster cannot carry, and the goal field that asks for it. */
  readonly over?: {
    readonly field: "traffic.peakRps" | "data.stream.retentionHours";
    readonly words: string;
  };
}

/** The stream's monthly volumes, from the events a month at the average and the record size. */
export function streamVolumes(load: StreamLoad): StreamVolumes {
  const eventsPerMonth = load.avgRps * TRAFFIC.secondsPerMonth;
  const readers = 1 + (load.archive ? 1 : 0);
  const gbIn = (eventsPerMonth * load.recordKb) / KB_PER_GB;
  return {
    eventsPerMonth,
    peakInMb: (load.peakRps * load.recordKb) / KB_PER_MB,
    readers,
    gbIn,
    gbInBilled: (eventsPerMonth * Math.ceil(load.recordKb)) / KB_PER_GB,
    gbOut: gbIn * readers,
    gbPerDay: (load.avgRps * 86_400 * load.recordKb) / KB_PER_GB,
  };
}

/** GB-months kept beyond 24 h and up to 7 days, and beyond 7 days, at a steady rate. */
export function retainedGb(v: StreamVolumes, retentionHours: number): { extended: number; longTerm: number } {
  const days = retentionHours / 24;
  const week = STREAM.kinesis.extendedRetentionHours / 24;
  return {
    extended: v.gbPerDay * Math.max(0, Math.min(days, week) - 1),
    longTerm: v.gbPerDay * Math.max(0, days - week),
  };
}

/**
 * Provisioned shards for the peak: 1 MB/s or 1,000 records/s in, 2 MB/s out shared by the readers, 30 % spare; and
 * at least one per consumer task at its autoscaling maximum, since a shard is read by one task at a time.
 */
export function provisionedShards(
  load: StreamLoad,
  v: StreamVolumes,
  consumers = 1,
): { shards: number; why: string } {
  const k = STREAM.kinesis;
  const byIn = v.peakInMb / k.shardInMb;
  const byRecords = load.peakRps / k.shardInRecords;
  const byOut = (v.peakInMb * v.readers) / k.shardOutMb;
  const need = Math.max(byIn, byRecords, byOut);
  const forThroughput = Math.max(1, Math.ceil(need / (1 - HEADROOM.standard)));
  const shards = Math.max(forThroughput, consumers);
  const perTask =
    consumers > forThroughput
      ? `; ${consumers}, one per consumer task at the autoscaling maximum (a shard is read by one task)`
      : "";
  const why = `max(${round(v.peakInMb)} MB/s ÷ 1 MB/s in, ${round(load.peakRps)} records/s ÷ 1,000, ${v.readers} reader${v.readers === 1 ? "" : "s"} × ${round(v.peakInMb)} MB/s ÷ 2 MB/s out) = ${round(need)} shards at peak, ÷ (1 − ${HEADROOM.standard}) spare = ${forThroughput}${perTask}`;
  return { shards, why };
}

function round(n: number): string {
  return Number(n.toFixed(2)).toLocaleString("en-US");
}

/** A provisioned stream's month: shard-hours, PUT payload units, and retention past 24 h. */
export function provisionedUsd(load: StreamLoad, v: StreamVolumes, shards: number, p: KinesisPrices): number {
  const units = v.eventsPerMonth * Math.ceil(load.recordKb / STREAM.kinesis.putPayloadKb);
  const kept = retainedGb(v, load.retentionHours);
  return (
    shards * H * p.shardHour +
    (units / 1e6) * p.putPayloadUnitsPerMillion +
    (load.retentionHours > 24 ? shards * H * p.extendedRetentionShardHour : 0) +
    kept.longTerm * p.longTermRetentionGbMonth
  );
}

/** An on-demand stream's month: the stream-hours, GB in (1 KB records) and out, and retention past 24 h. */
export function onDemandUsd(load: StreamLoad, v: StreamVolumes, p: KinesisPrices): number {
  const kept = retainedGb(v, load.retentionHours);
  return (
    H * p.onDemandStreamHour +
    v.gbInBilled * p.onDemandGbIn +
    v.gbOut * p.onDemandGbOut +
    kept.extended * p.onDemandExtendedRetentionGbMonth +
    kept.longTerm * p.longTermRetentionGbMonth
  );
}

/**
 * On-demand or provisioned: on-demand when the traffic is spiky (peak ÷ average ≥ 4: provisioned shards sized for
 * the peak idle most of the month, and a surge past it throttles until someone reshards), else the cheaper at the
 * goal's average; a mode that cannot carry the peak is out.
 */
export function chooseKinesis(load: StreamLoad, p: KinesisPrices, consumers = 1): KinesisChoice {
  const k = STREAM.kinesis;
  const v = streamVolumes(load);
  const { shards, why: shardsWhy } = provisionedShards(load, v, consumers);
  const onDemand = onDemandUsd(load, v, p);
  const provisioned = provisionedUsd(load, v, shards, p);
  const onDemandOver =
    v.peakInMb > k.onDemandMaxInMb || load.peakRps > k.onDemandMaxInRecords
      ? `${round(v.peakInMb)} MB/s and ${round(load.peakRps)} records/s at peak, over an on-demand stream's ${k.onDemandMaxInMb} MB/s or ${k.onDemandMaxInRecords.toLocaleString("en-US")} records/s`
      : undefined;
  const provisionedOver =
    shards > k.maxShards ? `${shards} shards, over the ${k.maxShards} a stream is designed with` : undefined;
  const ratio = load.avgRps > 0 ? load.peakRps / load.avgRps : Infinity;
  const spiky = ratio >= STREAM.spikyPeakToAvg;
  const usd = (n: number) => `$${n.toFixed(2)}`;
  let mode: KinesisMode;
  let why: string;
  if (onDemandOver) {
    mode = "provisioned";
    why = `provisioned: on demand cannot carry ${onDemandOver}`;
  } else if (provisionedOver) {
    mode = "on-demand";
    why = `on demand: provisioned would need ${provisionedOver}`;
  } else if (spiky) {
    mode = "on-demand";
    why = `on demand: the traffic is spiky (peak ÷ average = ${round(ratio)} ≥ ${STREAM.spikyPeakToAvg}), so ${shards} provisioned shards sized for the peak would idle most of the month and a surge past it would throttle until resharded; on demand ${usd(onDemand)} against provisioned ${usd(provisioned)} a month`;
  } else {
    mode = onDemand <= provisioned ? "on-demand" : "provisioned";
    why =
      mode === "on-demand"
        ? `on demand, the cheaper at the average: ${usd(onDemand)} against ${usd(provisioned)} a month for ${shards} provisioned shards`
        : `provisioned, the cheaper at the average: ${shards} shards ${usd(provisioned)} against ${usd(onDemand)} a month on demand (steady traffic, peak ÷ average = ${round(ratio)})`;
  }
  return {
    mode,
    shards,
    shardsWhy,
    onDemandUsd: onDemand,
    provisionedUsd: provisioned,
    ...(onDemandOver ? { onDemandOver } : {}),
    ...(provisionedOver ? { provisionedOver } : {}),
    spiky,
    why,
  };
}

/**
 * MSK Serverless partitions: enough for the peak in (5 MB/s each) and out (10 MB/s each) with 30 % spare, for what
 * retention keeps (250 GB each), and one per consumer task at the autoscaling maximum (a consumer group reads a
 * partition with one member).
 */
export function sizeKafka(load: StreamLoad, maxConsumers: number, p: KafkaPrices): KafkaChoice {
  const k = STREAM.kafka;
  const v = streamVolumes(load);
  const spare = 1 - HEADROOM.standard;
  const storageGb = v.gbPerDay * (load.retentionHours / 24);
  const byIn = Math.ceil(v.peakInMb / k.partitionInMb / spare);
  const byOut = Math.ceil((v.peakInMb * v.readers) / k.partitionOutMb / spare);
  const byStorage = Math.ceil(storageGb / k.partitionMaxGb);
  const partitions = Math.max(1, byIn, byOut, byStorage, maxConsumers);
  const partitionsWhy = `max(${round(byIn)} for ${round(v.peakInMb)} MB/s in at 5 MB/s each, ${round(byOut)} for the reads at 10 MB/s each, ${round(byStorage)} for ${round(storageGb)} GB kept at 250 GB each, ${round(maxConsumers)} for the consumer tasks at their autoscaling maximum) = ${round(partitions)}`;
  const peak = "traffic.peakRps" as const;
  const over =
    v.peakInMb > k.clusterMaxInMb
      ? {
          field: peak,
          words: `${round(v.peakInMb)} MB/s written at peak, over an MSK Serverless cluster's ${k.clusterMaxInMb} MB/s`,
        }
      : v.peakInMb * v.readers > k.clusterMaxOutMb
        ? {
            field: peak,
            words: `${round(v.peakInMb * v.readers)} MB/s read at peak, over an MSK Serverless cluster's ${k.clusterMaxOutMb} MB/s`,
          }
        : partitions > k.maxPartitions
          ? {
              field: byStorage > k.maxPartitions ? ("data.stream.retentionHours" as const) : peak,
              words: `${round(partitions)} partitions (${partitionsWhy}), over an MSK Serverless cluster's ${round(k.maxPartitions)}`,
            }
          : undefined;
  const monthlyUsd =
    H * p.clusterHour +
    partitions * H * p.partitionHour +
    v.gbIn * p.gbIn +
    v.gbOut * p.gbOut +
    storageGb * p.storageGbMonth;
  return { partitions, partitionsWhy, storageGb, monthlyUsd, ...(over ? { over } : {}) };
}
