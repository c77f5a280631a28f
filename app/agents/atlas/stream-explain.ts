import type { Alternative } from "../../contracts/generated/plan-spec.js";
import { formatUsd } from "../../format/money.js";
import { cents, num } from "./format.js";
import { kafkaPrices, kinesisPrices, type StreamPlan } from "./stream-plan.js";
import { chooseKinesis, sizeKafka, STREAM } from "./stream-sizing.js";
import type { Candidate } from "./search.js";

/** The stream's sizing in words, for the capacity explanation: events/s taken as records, MB/s, shards or partitions. */
export function streamCapacityWords(s: StreamPlan): string {
  const v = s.volumes;
  const rate = `${num(s.load.peakRps)} events/s × ${num(s.load.recordKb)} KB = ${num(v.peakInMb)} MB/s written at peak (traffic.peakRps and avgRps are events per second, one record each)`;
  if (s.kafka) {
    return `${rate}; MSK Serverless partitions: ${s.kafka.partitionsWhy}, within a cluster's ${STREAM.kafka.clusterMaxInMb} MB/s in, ${STREAM.kafka.clusterMaxOutMb} MB/s out and ${num(STREAM.kafka.maxPartitions)} partitions.`;
  }
  const k = s.kinesis!;
  return `${rate}; provisioned Kinesis would need ${k.shardsWhy}; the stream is ${k.why}.`;
}

function kinesisModeAlternative(s: StreamPlan): Alternative {
  const k = s.kinesis!;
  const onDemand = k.mode === "on-demand";
  const chosenUsd = onDemand ? k.onDemandUsd : k.provisionedUsd;
  const otherUsd = onDemand ? k.provisionedUsd : k.onDemandUsd;
  const over = onDemand ? k.provisionedOver : k.onDemandOver;
  return {
    decision: "Kinesis capacity mode",
    chosen: onDemand ? "on demand" : `provisioned, ${k.shards} shards`,
    rejected: onDemand ? `provisioned, ${k.shards} shards` : "on demand",
    reason: over
      ? `Rejected: it would need ${over}.`
      : `Rejected: ${k.why}. The stream costs ${formatUsd(cents(chosenUsd))}/month ${onDemand ? "on demand" : "provisioned"} against ${formatUsd(cents(otherUsd))} ${onDemand ? "provisioned" : "on demand"}.`,
    ...(over ? {} : { monthlyUsdDelta: cents(otherUsd - chosenUsd) }),
  };
}

/** The other engine at the same load, priced as Atlas would size it. */
function engineAlternative(chosen: Candidate, s: StreamPlan): Alternative | undefined {
  const region = chosen.design.ctx.region;
  const streamUsd = chosen.lines
    .filter((l) => l.component === "stream" && l.item === "stream")
    .reduce((sum, l) => sum + l.monthlyUsd, 0);
  if (s.kafka) {
    const prices = kinesisPrices(region);
    if (!prices) return undefined;
    const k = chooseKinesis(s.load, prices);
    const usd = k.mode === "on-demand" ? k.onDemandUsd : k.provisionedUsd;
    return {
      decision: "stream engine",
      chosen: "MSK Serverless (Kafka)",
      rejected: `Kinesis Data Streams (${k.mode})`,
      reason: `data.stream.engine asks for Kafka: the producers and consumers speak the Kafka protocol. Kinesis would cost about ${formatUsd(cents(usd))}/month for the stream, without the cluster-hour.`,
      monthlyUsdDelta: cents(usd - streamUsd),
    };
  }
  const prices = kafkaPrices(region);
  if (!prices) return undefined;
  const kafka = sizeKafka({ ...s.load, archive: false }, chosen.design.service?.maxCount ?? 1, prices);
  return {
    decision: "stream engine",
    chosen: "Kinesis Data Streams",
    rejected: "MSK Serverless (Kafka)",
    reason: `data.stream.engine asks for Kinesis; MSK Serverless would cost about ${formatUsd(cents(kafka.monthlyUsd))}/month (${kafka.partitions} partitions, the cluster-hour alone ${formatUsd(cents(730 * prices.clusterHour))}), and Firehose does not read Kafka.`,
    monthlyUsdDelta: cents(kafka.monthlyUsd - streamUsd),
  };
}

/** The stream's options considered and rejected: the Kinesis capacity mode, and the other engine. */
export function streamAlternatives(chosen: Candidate): Alternative[] {
  const s = chosen.design.stream;
  if (!s) return [];
  const engine = engineAlternative(chosen, s);
  return [...(s.kinesis ? [kinesisModeAlternative(s)] : []), ...(engine ? [engine] : [])];
}
