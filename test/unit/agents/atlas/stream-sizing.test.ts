import { describe, expect, it } from "vitest";
import { kafkaPrices, kinesisPrices } from "../../../../app/agents/atlas/stream-plan.js";
import {
  chooseKinesis,
  retainedGb,
  sizeKafka,
  streamVolumes,
  type StreamLoad,
} from "../../../../app/agents/atlas/stream-sizing.js";

const US = kinesisPrices("us-east-1")!;
const MSK = kafkaPrices("us-east-1")!;
const SECONDS = 2_592_000;
const GB = 1024 * 1024;

function load(over: Partial<StreamLoad>): StreamLoad {
  return {
    engine: "kinesis",
    peakRps: 50,
    avgRps: 20,
    recordKb: 1,
    retentionHours: 24,
    archive: false,
    ...over,
  };
}

/** The arithmetic the pricing page gives, written out independently of the sizing code. */
function provisioned(shards: number, l: StreamLoad): number {
  const units = l.avgRps * SECONDS * Math.ceil(l.recordKb / 25);
  return shards * 730 * (0.015 + (l.retentionHours > 24 ? 0.02 : 0)) + (units / 1e6) * 0.014;
}

function onDemand(l: StreamLoad, readers: number): number {
  const gbIn = (l.avgRps * SECONDS * Math.ceil(l.recordKb)) / GB;
  const raw = (l.avgRps * SECONDS * l.recordKb) / GB;
  const perDay = (l.avgRps * 86_400 * l.recordKb) / GB;
  const extended = perDay * Math.max(0, Math.min(l.retentionHours / 24, 7) - 1);
  return 730 * 0.04 + gbIn * 0.08 + raw * readers * 0.04 + extended * 0.1;
}

describe("Kinesis sizing at three rates (us-east-1): shards, both modes' cost, the cheaper at the average", () => {
  it.each([
    ["low: 50 events/s at peak, 20 on average", load({}), 1, 1, "provisioned"],
    [
      "medium: 4,000 at peak, 1,500 on average, 48 h, archived",
      load({ peakRps: 4000, avgRps: 1500, retentionHours: 48, archive: true }),
      6,
      2,
      "provisioned",
    ],
    [
      "high: 100,000 at peak, 60,000 on average",
      load({ peakRps: 100_000, avgRps: 60_000 }),
      143,
      1,
      "provisioned",
    ],
    ["spiky: 2,000 at peak, 200 on average", load({ peakRps: 2000, avgRps: 200 }), 3, 1, "on-demand"],
  ] as const)("%s", (_name, l, shards, readers, mode) => {
    const k = chooseKinesis(l, US);
    expect(k.shards).toBe(shards);
    expect(k.provisionedUsd).toBeCloseTo(provisioned(shards, l), 6);
    expect(k.onDemandUsd).toBeCloseTo(onDemand(l, readers), 6);
    expect(k.mode).toBe(mode);
  });

  it("states the medium figures: 6 shards at $207.73 against $634.82 on demand", () => {
    const k = chooseKinesis(load({ peakRps: 4000, avgRps: 1500, retentionHours: 48, archive: true }), US);
    expect(k.provisionedUsd.toFixed(2)).toBe("207.73");
    expect(k.onDemandUsd.toFixed(2)).toBe("634.82");
    expect(k.shardsWhy).toContain("2 readers × 3.91 MB/s ÷ 2 MB/s out");
    expect(k.why).toMatch(/^provisioned, the cheaper at the average: 6 shards \$207\.73 against \$634\.82/);
  });

  it("keeps a shard per consumer task at the autoscaling maximum, since a shard is read by one task", () => {
    const l = load({ peakRps: 4000, avgRps: 1500, retentionHours: 48, archive: true });
    const k = chooseKinesis(l, US, 12);
    expect(k.shards).toBe(12);
    expect(k.provisionedUsd).toBeCloseTo(provisioned(12, l), 6);
    expect(k.shardsWhy).toMatch(
      /= 6; 12, one per consumer task at the autoscaling maximum \(a shard is read by one task\)$/,
    );
    expect(chooseKinesis(l, US, 23).mode).toBe("on-demand");
  });

  it("sizes shards by records/s for small records and by MB/s for large ones, with a PUT unit per 25 KB", () => {
    expect(chooseKinesis(load({ peakRps: 7000, avgRps: 5000, recordKb: 0.2 }), US).shards).toBe(10);
    const big = load({ peakRps: 700, avgRps: 500, recordKb: 60 });
    expect(chooseKinesis(big, US).shards).toBe(59);
    expect(chooseKinesis(big, US).provisionedUsd).toBeCloseTo(provisioned(59, big), 6);
  });

  it("takes on demand when the spike says so, and provisioned when on demand cannot carry the peak", () => {
    const spiky = chooseKinesis(load({ peakRps: 2000, avgRps: 200 }), US);
    expect(spiky.onDemandUsd).toBeGreaterThan(spiky.provisionedUsd);
    expect(spiky.why).toMatch(/^on demand: the traffic is spiky \(peak ÷ average = 10 ≥ 4\)/);
    const huge = chooseKinesis(load({ peakRps: 300_000, avgRps: 250_000 }), US);
    expect(huge.mode).toBe("provisioned");
    expect(huge.onDemandOver).toMatch(/292\.97 MB\/s .* over an on-demand stream's 200 MB\/s/);
    expect(chooseKinesis(load({ peakRps: 600_000, avgRps: 500_000 }), US).provisionedOver).toBe(
      "858 shards, over the 500 a stream is designed with",
    );
  });

  it("keeps retention past 24 h as extended (to 7 days) and long-term GB-months", () => {
    const v = streamVolumes(load({ avgRps: 1000 }));
    const perDay = (1000 * 86_400) / GB;
    expect(retainedGb(v, 24)).toEqual({ extended: 0, longTerm: 0 });
    expect(retainedGb(v, 72).extended).toBeCloseTo(perDay * 2, 9);
    const year = retainedGb(v, 8760);
    expect(year.extended).toBeCloseTo(perDay * 6, 9);
    expect(year.longTerm).toBeCloseTo(perDay * 358, 9);
  });
});

describe("MSK Serverless sizing (us-east-1): partitions, cost and the cluster's limits", () => {
  const kafka = (over: Partial<StreamLoad>) => load({ engine: "kafka", ...over });

  it.each([
    ["low: 50 events/s, 3 consumer tasks at most", kafka({}), 3, 3],
    [
      "medium: 800 at peak, 120 on average, 2 KB, 7 days",
      kafka({ peakRps: 800, avgRps: 120, recordKb: 2, retentionHours: 168 }),
      10,
      10,
    ],
    ["high: 40,000 at peak (39 MB/s)", kafka({ peakRps: 40_000, avgRps: 20_000 }), 8, 12],
  ] as const)("%s", (_name, l, consumers, partitions) => {
    const k = sizeKafka(l, consumers, MSK);
    expect(k.partitions).toBe(partitions);
    const gbIn = (l.avgRps * SECONDS * l.recordKb) / GB;
    const stored = ((l.avgRps * 86_400 * l.recordKb) / GB) * (l.retentionHours / 24);
    expect(k.storageGb).toBeCloseTo(stored, 9);
    expect(k.monthlyUsd).toBeCloseTo(
      730 * 0.75 + partitions * 730 * 0.0015 + gbIn * 0.1 + gbIn * 0.05 + stored * 0.1,
      6,
    );
    expect(k.over).toBeUndefined();
  });

  it("names the field a cluster cannot hold: the peak's throughput, or what the retention keeps", () => {
    expect(sizeKafka(kafka({ peakRps: 150_000, avgRps: 50_000, recordKb: 2 }), 1, MSK).over).toEqual({
      field: "traffic.peakRps",
      words: "292.97 MB/s written at peak, over an MSK Serverless cluster's 200 MB/s",
    });
    const year = sizeKafka(kafka({ peakRps: 50_000, avgRps: 50_000, retentionHours: 8760 }), 1, MSK).over;
    expect(year?.field).toBe("data.stream.retentionHours");
    expect(year?.words).toMatch(/^6,016 partitions .* over an MSK Serverless cluster's 2,400$/);
  });
});
