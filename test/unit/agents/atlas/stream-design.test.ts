import { describe, expect, it } from "vitest";
import { designGoal } from "../../../../app/agents/atlas/index.js";
import { checkPlanSpecForRender, renderStack } from "../../../../app/agents/forge/index.js";
import { estimateCost } from "../../../../app/agents/sentinel/cost/estimate.js";
import { parseTerraformPlan } from "../../../../app/agents/sentinel/parsers/index.js";
import type { DesignBlocked, GoalStatement, PlanSpec } from "../../../../app/contracts/generated/index.js";
import type { StreamComponent } from "../../../../app/contracts/generated/plan-spec.js";
import { readGoal } from "../../../../app/contracts/goal-intake.js";
import { examplePolicy } from "../../../support/atlas-policies.js";
import { readRepoFile } from "../../../support/repo-files.js";
import { parsedValue } from "../../../support/sentinel-fixtures.js";
import { testPlan, type TestPlan } from "../../../support/sentinel-plan.js";

const NOW = new Date("2026-11-27T00:00:00Z");

function goalFile(...parts: string[]): GoalStatement {
  const read = readGoal(readRepoFile(...parts));
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.value.goal;
}

const clickstream = goalFile("examples", "stream-processor.json");
const payments = goalFile("schemas", "examples", "goal-stream-kafka.json");

function plan(goal: GoalStatement): PlanSpec {
  const out = designGoal(goal, examplePolicy(), { now: NOW });
  if (out.kind !== "PlanSpec") throw new Error(JSON.stringify(out.value.reasons));
  return out.value;
}

function blocked(goal: GoalStatement): DesignBlocked {
  const out = designGoal(goal, examplePolicy(), { now: NOW });
  if (out.kind !== "DesignBlocked") throw new Error("designed what should be blocked");
  return out.value;
}

function streamOf(spec: PlanSpec): StreamComponent {
  return spec.components.find((c): c is StreamComponent => c.kind === "stream")!;
}

function lineOf(spec: PlanSpec, component: string, item: string) {
  const found = spec.cost.lines.find((l) => l.component === component && l.item === item);
  if (!found) throw new Error(`no ${component} ${item} line`);
  return found;
}

function withStream(goal: GoalStatement, stream: Partial<NonNullable<GoalStatement["data"]>["stream"]>) {
  return { ...goal, data: { ...goal.data, stream: { ...goal.data!.stream!, ...stream } } };
}

function sentinel(plan: TestPlan) {
  return estimateCost(parsedValue(parseTerraformPlan(JSON.stringify(testPlan(plan)), { file: "plan.json" })));
}

describe("Atlas designs the clickstream example: Kinesis, a Fargate consumer, Firehose to S3", () => {
  const spec = plan(clickstream);

  it("writes components Forge accepts and renders: the stream, its archive, the consumer linked to it", () => {
    expect(spec.pattern).toBe("stream-processor");
    expect(spec.components.map((c) => [c.id, c.kind])).toEqual([
      ["network", "network"],
      ["logs", "log-group"],
      ["archive", "object-storage"],
      ["stream", "stream"],
      ["consumer", "container-service"],
    ]);
    expect(streamOf(spec).params).toMatchObject({
      engine: "kinesis",
      mode: "on-demand",
      retentionHours: 48,
      delivery: { bucket: "archive" },
    });
    expect(checkPlanSpecForRender(spec)).toEqual([]);
    const files = renderStack(spec, { policy: examplePolicy() }).files;
    const tf = files.map((f) => f.content).join("\n");
    expect(tf).toContain('resource "aws_kinesis_stream" "stream"');
    expect(tf).toContain('resource "aws_kinesis_firehose_delivery_stream" "stream"');
    expect(tf).toContain("STREAM_STREAM");
  });

  it("puts the stream on the producers' path at Kinesis's SLA and the consumer off it, bounded by the retention", () => {
    expect(spec.availability.path).toEqual([
      expect.objectContaining({
        component: "stream",
        availability: 99.9,
        source: "https://aws.amazon.com/kinesis/sla/",
      }),
    ]);
    expect(spec.availability.composite).toBe(99.9);
    const b = spec.availability.backlog!;
    expect(b.consumer.map((l) => l.component)).toEqual(["consumer", "network"]);
    expect(b.retentionMinutes).toBe(48 * 60);
    expect(b.boundMinutes).toBeLessThanOrEqual(b.objectiveMinutes);
    expect(b.explanation).toMatch(
      /^A producer's event succeeds once the stream has it; the consumer processes it/,
    );
  });

  it("prices every line from the dated tables, and the lines add up to the total", () => {
    expect(lineOf(spec, "stream", "stream").basis).toBe(
      "730 stream-h × $0.04 + 3,707.9 GB in (3,888 M records × 1 KB) × $0.08 + 7,415.8 GB out (2 readers) × $0.04 + 123.6 GB-month kept 24 h–48 h × $0.1 extended retention",
    );
    expect(lineOf(spec, "stream", "stream").monthlyUsd).toBe(634.82);
    const firehoseGb = (1500 * 2_592_000 * 5) / (1024 * 1024);
    expect(lineOf(spec, "stream", "stream-delivery").monthlyUsd).toBeCloseTo(firehoseGb * 0.029, 2);
    expect(lineOf(spec, "network", "nat-processing").basis).toMatch(/\+ 3,707\.9 GB read from Kinesis\)/);
    const sum = spec.cost.lines.reduce((s, l) => s + l.monthlyUsd, 0);
    expect(spec.cost.monthlyUsd).toBeCloseTo(sum, 2);
    expect(spec.cost.monthlyUsd).toBeLessThan(0.8 * 2500);
  });

  it("weighs both Kinesis modes and the other engine, each with its monthly figure", () => {
    const mode = spec.alternatives.find((a) => a.decision === "Kinesis capacity mode")!;
    expect(mode.rejected).toBe("provisioned, 24 shards");
    expect(mode.reason).toMatch(
      /the cheaper at the average: \$634\.82 against \$667\.63 a month for 24 provisioned shards/,
    );
    expect(mode.monthlyUsdDelta).toBe(32.81);
    expect(spec.alternatives.find((a) => a.decision === "stream engine")?.rejected).toBe(
      "MSK Serverless (Kafka)",
    );
    expect(spec.risks.filter((r) => r.component === "stream").map((r) => r.failure)).toEqual([
      "The consumer lags: it is down, crashes on a bad record, or cannot keep up",
      "The consumer stays behind for longer than the 48 h retention",
      "A hot shard: most events share one partition key",
    ]);
    expect(spec.assumptions?.map((a) => a.field)).toEqual(
      expect.arrayContaining(["traffic.peakRps", "workload.perTaskRps", "data.stream.archive.storageGb"]),
    );
    expect(spec.diagram.mermaid).toContain("stream -->|GetRecords via NAT| consumer");
  });

  it("agrees with Sentinel's estimate of the rendered on-demand stream's hours", () => {
    const result = sentinel({
      region: "us-east-1",
      changes: [
        {
          address: "aws_kinesis_stream.stream",
          after: { stream_mode_details: [{ stream_mode: "ON_DEMAND" }] },
        },
      ],
    });
    expect(result.lines[0]!.monthlyUsd).toBeCloseTo(730 * 0.04, 6);
    expect(lineOf(spec, "stream", "stream").basis.startsWith(`730 stream-h × $0.04 +`)).toBe(true);
  });
});

describe("steady traffic (peak ÷ average = 1.14) designs provisioned shards, one per consumer task at most", () => {
  const spec = plan({
    ...clickstream,
    traffic: { peakRps: 4000, avgRps: 3500 },
    budget: { monthlyUsd: 5000 },
  });

  it("keeps a shard for each consumer task at its maximum, and agrees with Sentinel's shard-hours", () => {
    const consumer = spec.components.find((c) => c.kind === "container-service")!;
    const maxCount = consumer.kind === "container-service" ? consumer.params.maxCount : 0;
    expect(streamOf(spec).params).toMatchObject({ mode: "provisioned", shards: maxCount });
    expect(checkPlanSpecForRender(spec)).toEqual([]);
    expect(spec.assumptions?.map((a) => a.field)).toContain("stream.shardHeadroom");
    const result = sentinel({
      region: "us-east-1",
      changes: [
        {
          address: "aws_kinesis_stream.stream",
          after: {
            shard_count: streamOf(spec).params.shards,
            retention_period: 48,
            stream_mode_details: [{ stream_mode: "PROVISIONED" }],
          },
        },
      ],
    });
    const atlasHourly = maxCount * 730 * 0.015 + maxCount * 730 * 0.02;
    expect(result.lines[0]!.monthlyUsd).toBeCloseTo(atlasHourly, 6);
    const puts = (3500 * 2_592_000 * 0.014) / 1e6;
    expect(lineOf(spec, "stream", "stream").monthlyUsd).toBeCloseTo(atlasHourly + puts, 2);
  });
});

describe("Atlas designs the payment-events goal: MSK Serverless and a consumer group", () => {
  const spec = plan(payments);

  it("writes a Kafka stream in the network, partitions for the consumer's maximum, and Forge renders it", () => {
    const consumer = spec.components.find((c) => c.kind === "container-service")!;
    expect(streamOf(spec).params).toEqual({
      engine: "kafka",
      retentionHours: 168,
      partitions: 10,
      monthlyGbIn: 593.3,
      monthlyGbOut: 593.3,
    });
    expect(consumer.kind === "container-service" && consumer.params.maxCount).toBe(10);
    expect(checkPlanSpecForRender(spec)).toEqual([]);
    const tf = renderStack(spec, { policy: examplePolicy() })
      .files.map((f) => f.content)
      .join("\n");
    expect(tf).toContain("terraform-aws-modules/msk-kafka-cluster/aws//modules/serverless");
    expect(spec.risks.map((r) => r.failure)).toContain("A producer outside this stack tries to connect");
    expect(spec.availability.path[0]).toMatchObject({
      component: "stream",
      source: "https://aws.amazon.com/msk/sla/",
    });
  });

  it("prices the cluster, partitions, GB and storage from eu-west-1's row, as Sentinel does the cluster-hours", () => {
    expect(spec.region).toBe("eu-west-1");
    expect(lineOf(spec, "stream", "stream").basis).toBe(
      "1 cluster × 730 h × $0.75 + 10 partitions × 730 h × $0.0015 + 593.3 GB in × $0.1 + 593.3 GB out × $0.05 + 138.4 GB stored (168 h) × $0.1",
    );
    const result = sentinel({
      region: "eu-west-1",
      changes: [{ address: "aws_msk_serverless_cluster.stream", after: {} }],
    });
    expect(result.lines[0]!.monthlyUsd).toBeCloseTo(730 * 0.75, 6);
    expect(lineOf(spec, "stream", "stream").monthlyUsd).toBeGreaterThan(result.lines[0]!.monthlyUsd);
  });
});

describe("DesignBlocked stays honest for stream goals the catalog cannot meet", () => {
  it("a Kafka peak over one MSK Serverless cluster names traffic.peakRps and offers Kinesis", () => {
    const goal = withStream({ ...payments, traffic: { peakRps: 150_000, avgRps: 50_000 } }, {});
    const b = blocked(goal);
    expect(b.reasons).toEqual([
      expect.objectContaining({
        code: "pattern-mismatch",
        field: "traffic.peakRps",
        message:
          "one MSK Serverless cluster cannot hold it: 292.97 MB/s written at peak, over an MSK Serverless cluster's 200 MB/s",
      }),
    ]);
    expect(b.suggestions).toContainEqual(
      expect.objectContaining({ field: "data.stream.engine", value: "kinesis" }),
    );
  });

  it("a year of Kafka retention beyond a cluster's partitions names data.stream.retentionHours", () => {
    const goal = withStream(
      { ...payments, traffic: { peakRps: 50_000, avgRps: 50_000 } },
      { retentionHours: 8760, recordKb: 1 },
    );
    expect(blocked(goal).reasons.map((r) => [r.code, r.field])).toEqual([
      ["pattern-mismatch", "data.stream.retentionHours"],
    ]);
  });

  it("a Kinesis peak neither mode carries names traffic.peakRps", () => {
    const goal = { ...clickstream, traffic: { peakRps: 600_000, avgRps: 500_000 } };
    const r = blocked(goal).reasons[0]!;
    expect(r.field).toBe("traffic.peakRps");
    expect(r.message).toMatch(
      /^one Kinesis stream cannot carry the peak: on demand, .*; provisioned, 858 shards/,
    );
  });

  it("a budget below the least stream design names budget.monthlyUsd with the figure", () => {
    const b = blocked({ ...clickstream, budget: { monthlyUsd: 1000 } });
    expect(b.reasons[0]).toMatchObject({ code: "budget-too-small", field: "budget.monthlyUsd" });
    expect(b.reasons[0]!.figures?.cheapestMonthlyUsd).toBeGreaterThan(800);
  });

  it("a database for the consumer is not designed yet: it names data.relational", () => {
    const goal = {
      ...clickstream,
      data: { ...clickstream.data, relational: { engine: "postgres" as const, storageGb: 20 } },
    };
    expect(blocked(goal).reasons.map((r) => [r.code, r.field])).toEqual([
      ["not-in-catalog", "data.relational"],
    ]);
  });
});

describe("a stream goal in the EU is priced from the EU rows", () => {
  it("eu-central-1 prices the stream and Firehose at Frankfurt's figures", () => {
    const spec = plan({ ...clickstream, region: "eu-central-1", budget: { monthlyUsd: 3000 } });
    expect(lineOf(spec, "stream", "stream").basis).toMatch(
      /^730 stream-h × \$0\.048 \+ .* GB in .* × \$0\.096 \+ .* GB out \(2 readers\) × \$0\.048 \+ .* × \$0\.12 extended retention$/,
    );
    expect(lineOf(spec, "stream", "stream-delivery").basis).toMatch(/× \$0\.036$/);
  });
});
