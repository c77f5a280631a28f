import { describe, expect, it } from "vitest";
import { designContext } from "../../../../app/agents/atlas/context.js";
import { summaryClashes } from "../../../../app/agents/atlas/summary-clashes.js";
import type { GoalStatement } from "../../../../app/contracts/generated/index.js";
import { readGoal } from "../../../../app/contracts/goal-intake.js";
import { examplePolicy } from "../../../support/atlas-policies.js";
import { readRepoFile } from "../../../support/repo-files.js";

const read = readGoal(readRepoFile("examples", "stream-processor.json"));
if (!read.ok) throw new Error(JSON.stringify(read.problems));
const kinesis = read.value.goal;
const kafka: GoalStatement = { ...kinesis, data: { stream: { engine: "kafka", retentionHours: 48 } } };

function clashes(goal: GoalStatement, summary: string) {
  return summaryClashes(
    designContext({ ...goal, summary }, examplePolicy(), new Date("2026-11-27T00:00:00Z")),
  );
}

describe("a stream ask in the summary of a stream-processor goal", () => {
  it.each([
    [kinesis, "Kinesis pipeline for the shop's click events"],
    [kinesis, "Clickstream ingestion, archived by Firehose"],
    [kafka, "Kafka consumer group for payment events"],
    [kafka, "Event streaming on MSK"],
  ])("is met: %#", (goal, summary) => {
    expect(clashes(goal, summary)).toEqual([]);
  });

  it.each([
    [kinesis, "Kafka pipeline that enriches click events", "kafka"],
    [kafka, "Kinesis data stream of payments", "kinesis"],
  ])("naming the other engine is a clash on data.stream.engine: %#", (goal, summary, engine) => {
    const [c, ...rest] = clashes(goal, summary);
    expect(rest).toEqual([]);
    expect(c!.reason).toMatchObject({ code: "summary-ask-unmet", field: "data.stream.engine" });
    expect(c!.suggestions).toEqual([
      { message: `set data.stream.engine to ${engine}`, field: "data.stream.engine", value: engine },
    ]);
  });

  it("asking for Flink says the catalog has no Flink design, with no fix but the summary", () => {
    const [c] = clashes(kinesis, "Flink job over the click events");
    expect(c!.reason.message).toMatch(/it has no Managed Service for Apache Flink design$/);
    expect(c!.suggestions[0]!.field).toBe("summary");
  });

  it("on a web-api, names workload.type stream-processor as the fix", () => {
    const web: GoalStatement = {
      ...kinesis,
      workload: { type: "web-api", image: "ghcr.io/acme/api:1.0.0" },
      data: {},
    };
    const [c] = clashes(web, "Orders API that also feeds a Kinesis stream");
    expect(c!.reason.field).toBe("workload.type");
    expect(c!.suggestions).toEqual([
      { message: "set workload.type to stream-processor", field: "workload.type", value: "stream-processor" },
    ]);
  });
});
