import { servicePrice } from "../pricing/index.js";
import { KINESIS, MSK_SERVERLESS } from "../pricing/shape-prices.js";
import type { DesignContext } from "./context.js";
import {
  chooseKinesis,
  sizeKafka,
  STREAM,
  streamVolumes,
  type KafkaChoice,
  type KafkaPrices,
  type KinesisChoice,
  type KinesisPrices,
  type StreamLoad,
  type StreamVolumes,
} from "./stream-sizing.js";

/** A stream-processor's stream as designed: the goal's load, its volumes, and the Kinesis mode or Kafka partitions. */
export interface StreamPlan {
  readonly load: StreamLoad;
  readonly volumes: StreamVolumes;
  readonly recordAssumed: boolean;
  readonly retentionAssumed: boolean;
  readonly kinesis?: KinesisChoice;
  readonly kafka?: KafkaChoice;
}

const KINESIS_KEYS = [
  "shardHour",
  "putPayloadUnitsPerMillion",
  "extendedRetentionShardHour",
  "onDemandStreamHour",
  "onDemandGbIn",
  "onDemandGbOut",
  "onDemandExtendedRetentionGbMonth",
  "longTermRetentionGbMonth",
] as const;

const KAFKA_KEYS = ["clusterHour", "partitionHour", "storageGbMonth", "gbIn", "gbOut"] as const;

function pricesOf<K extends string>(
  table: Parameters<typeof servicePrice<K>>[0],
  region: string,
  keys: readonly K[],
): Record<K, number> | undefined {
  const out = {} as Record<K, number>;
  for (const key of keys) {
    const found = servicePrice(table, region, key);
    if (!found) return undefined;
    out[key] = found.usd;
  }
  return out;
}

/** Kinesis Data Streams' unit prices in a region, or undefined where shape-prices.ts has none. */
export function kinesisPrices(region: string): KinesisPrices | undefined {
  return pricesOf(KINESIS, region, KINESIS_KEYS);
}

/** MSK Serverless's unit prices in a region, or undefined where shape-prices.ts has none. */
export function kafkaPrices(region: string): KafkaPrices | undefined {
  return pricesOf(MSK_SERVERLESS, region, KAFKA_KEYS);
}

/** The goal's stream, with the record size and retention it leaves out filled in. */
export function streamLoad(ctx: DesignContext): StreamLoad {
  const s = ctx.goal.data?.stream;
  if (!s) throw new Error("internal: a stream-processor without data.stream past the intake");
  return {
    engine: s.engine,
    peakRps: ctx.peakRps,
    avgRps: ctx.avgRps,
    recordKb: s.recordKb ?? STREAM.defaultRecordKb,
    retentionHours: s.retentionHours ?? STREAM.defaultRetentionHours,
    archive: s.archive === true,
  };
}

/**
 * Sizes the stream for the design's consumer: provisioned Kinesis shards and Kafka partitions at least its autoscaling
 * maximum (a shard or partition is read by one task at a time).
 */
export function planStream(ctx: DesignContext, consumers: { max: number }): StreamPlan {
  const load = streamLoad(ctx);
  const s = ctx.goal.data!.stream!;
  const base = {
    load,
    volumes: streamVolumes(load),
    recordAssumed: s.recordKb === undefined,
    retentionAssumed: s.retentionHours === undefined,
  };
  if (load.engine === "kinesis") {
    const prices = kinesisPrices(ctx.region);
    if (!prices) throw new Error(`internal: no Kinesis price in ${ctx.region} past the stream check`);
    return { ...base, kinesis: chooseKinesis(load, prices, consumers.max) };
  }
  const prices = kafkaPrices(ctx.region);
  if (!prices) throw new Error(`internal: no MSK Serverless price in ${ctx.region} past the stream check`);
  return { ...base, kafka: sizeKafka(load, consumers.max, prices) };
}
