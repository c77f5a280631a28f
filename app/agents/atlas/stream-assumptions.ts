import type { Assumption } from "../../contracts/generated/plan-spec.js";
import type { Design } from "./design.js";
import { num } from "./format.js";
import type { StreamPlan } from "./stream-plan.js";
import { STREAM } from "./stream-sizing.js";

/** What a stream design assumed on the person's behalf: the event size, the retention, the archive and the logs. */
export function streamAssumptions(d: Design, s: StreamPlan): Assumption[] {
  const out: Assumption[] = [
    {
      field: "traffic.peakRps",
      value: `${num(s.load.peakRps)} events/s at peak, ${num(s.load.avgRps)} on average, one record each`,
      why: "For a stream-processor, traffic.peakRps and avgRps are the events producers write per second; each is one record on the stream.",
    },
  ];
  if (s.recordAssumed)
    out.push({
      field: "data.stream.recordKb",
      value: `${num(s.load.recordKb)} KB`,
      why: STREAM.recordReasoning,
    });
  if (s.retentionAssumed)
    out.push({
      field: "data.stream.retentionHours",
      value: `${num(s.load.retentionHours)} h`,
      why: STREAM.retentionReasoning,
    });
  if (s.kinesis && s.kinesis.mode === "provisioned")
    out.push({
      field: "stream.shardHeadroom",
      value: "30 % spare shard capacity at peak",
      why: "Provisioned shards throttle at 1 MB/s or 1,000 records/s in each; 30 % spare absorbs an uneven spread of partition keys and short bursts.",
    });
  if (s.load.archive)
    out.push({
      field: "data.stream.archive.storageGb",
      value: `${num(s.volumes.gbIn * STREAM.archive.compressedShare * STREAM.archive.monthsKept, 1)} GB`,
      why: STREAM.archive.reasoning,
    });
  out.push({
    field: "network.flowLogBytesPerEvent",
    value: `${STREAM.flowLogBytesPerEvent} byte per event, plus 1 GB a month`,
    why: STREAM.logReasoning,
  });
  if (d.ctx.goal.slo.processingLatencyMinutes === undefined)
    out.push({
      field: "slo.processingLatencyMinutes",
      value: "the SLO's monthly error budget",
      why: "How late an event may be processed while the consumer is down; the consumer is sized so the backlog clears within it and within the stream's retention.",
    });
  return out;
}
