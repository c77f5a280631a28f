import { describe, expect, it } from "vitest";
import { designContext } from "../../../../app/agents/atlas/context.js";
import { designGoal } from "../../../../app/agents/atlas/index.js";
import { summaryClashes } from "../../../../app/agents/atlas/summary-clashes.js";
import type { DesignBlocked, GoalStatement } from "../../../../app/contracts/generated/index.js";
import { readGoal } from "../../../../app/contracts/goal-intake.js";
import { examplePolicy } from "../../../support/atlas-policies.js";
import { listRepoDir, readRepoFile } from "../../../support/repo-files.js";

const now = new Date("2026-11-27T00:00:00Z");
const policy = examplePolicy();

/** The shared checkout API as a small staging API, without data or compliance, so only the summary can block it. */
function baseGoal(): GoalStatement {
  const read = readGoal(readRepoFile("schemas", "examples", "goal-web-api.json"));
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  const { data: _data, compliance: _compliance, ...goal } = read.value.goal;
  return { ...goal, environment: "staging", traffic: { peakRps: 50 }, slo: { availability: 99.5 } };
}

const base = baseGoal();

function goal(summary: string, type: GoalStatement["workload"]["type"] = "web-api"): GoalStatement {
  const workload = type === "static-site" ? { type } : { ...base.workload, type };
  return { ...base, summary, workload };
}

function blocked(g: GoalStatement): DesignBlocked {
  const outcome = designGoal(g, policy, { now });
  if (outcome.kind !== "DesignBlocked") throw new Error(`${g.summary}: designed, not blocked`);
  return outcome.value;
}

type Row = [string, GoalStatement, string, string, string | undefined];

/** Goals as platform teams file them, each an ask the design would not meet: the field, a word of the message, the fix. */
const BLOCKED: Row[] = [
  [
    "an EKS cluster filed as a web-api",
    goal("A shared EKS cluster for the platform team"),
    "workload.type",
    "workload.type kubernetes designs an EKS cluster with managed node groups",
    "kubernetes",
  ],
  [
    "a GPU inference service",
    goal("GPU inference service for the ranking model on A10G"),
    "workload.gpu",
    "runs the tasks on EC2 GPU instances",
    undefined,
  ],
  [
    "a VPN-only tool",
    goal("Internal admin tool, reachable only over the corporate VPN"),
    "workload.exposure",
    "internet-facing",
    "internal",
  ],
  [
    "a nightly job filed as a worker",
    goal("Nightly job that exports the day's orders to S3", "worker"),
    "workload.type",
    "workload.type scheduled-job designs a Fargate task EventBridge Scheduler starts on a schedule",
    "scheduled-job",
  ],
  [
    "a Lambda API",
    goal("Serverless orders API on AWS Lambda"),
    "workload.type",
    "workload.type serverless-api designs an HTTP API in front of a Lambda function",
    "serverless-api",
  ],
  [
    "a Kafka pipeline",
    goal("Kafka pipeline that enriches click events", "worker"),
    "workload.type",
    "workload.type stream-processor designs a stream and a Fargate consumer",
    "stream-processor",
  ],
  [
    "a multi-region API",
    goal("Multi-region orders API, active-active"),
    "regions",
    "regions [primary, secondary] asks for two",
    undefined,
  ],
  [
    "an API on its own domain",
    goal("Storefront API served at shop.example.com"),
    "workload.domain",
    "answers on its AWS host name",
    "shop.example.com",
  ],
  [
    "a PCI API that does not list pci",
    goal("Card payments API under PCI DSS"),
    "compliance",
    "does not list pci",
    "pci",
  ],
  [
    "a FedRAMP API",
    goal("Case files API for a FedRAMP moderate agency"),
    "compliance",
    "no FedRAMP controls",
    undefined,
  ],
  [
    "an intranet static site",
    goal("Intranet handbook for staff", "static-site"),
    "workload.exposure",
    "no private static site",
    undefined,
  ],
];

describe("Atlas blocks a goal whose summary asks for what the design would not give", () => {
  it.each(BLOCKED)("%s", (_name, g, field, words, value) => {
    const b = blocked(g);
    const reason = b.reasons.find((r) => r.code === "summary-ask-unmet");
    expect(reason).toMatchObject({ field });
    expect(reason!.message).toContain(words);
    expect(reason!.message).toContain(field);
    expect(b.suggestions).toContainEqual(
      value === undefined
        ? expect.objectContaining({ field: "summary" })
        : expect.objectContaining({ field, value }),
    );
  });

  it("adding pci to compliance, as suggested, designs the PCI API (with its WAF)", () => {
    const g = { ...goal("Card payments API under PCI DSS"), compliance: ["pci" as const] };
    const outcome = designGoal(g, policy, { now });
    expect(outcome.kind).toBe("PlanSpec");
    const lb =
      outcome.kind === "PlanSpec"
        ? outcome.value.components.find((c) => c.kind === "load-balancer")
        : undefined;
    expect(lb?.kind === "load-balancer" && lb.params.waf).toBe(true);
  });

  it("taking the ask out of the summary, as suggested, designs the goal", () => {
    for (const [, g, , , value] of BLOCKED) {
      if (value !== undefined || g.workload.type === "static-site") continue;
      expect(designGoal({ ...g, summary: "Orders service" }, policy, { now }).kind).toBe("PlanSpec");
    }
  });

  it("lists one reason per ask, with every phrase, next to the other clashes", () => {
    const b = blocked({ ...goal("Nightly EKS batch job on EKS"), region: "us-west-2" });
    expect(b.reasons.map((r) => [r.code, r.field])).toEqual([
      ["region-not-allowed", "region"],
      ["summary-ask-unmet", "workload.type"],
      ["summary-ask-unmet", "workload.type"],
    ]);
    expect(b.reasons[1]!.message).toContain('("Nightly", "batch job")');
    expect(b.reasons[2]!.message).toContain('("EKS")');
  });
});

describe("what the goal already expresses, or denies, is no block", () => {
  it("an internal tool whose goal sets workload.exposure internal raises no summary clash", () => {
    const workload: GoalStatement["workload"] = { ...base.workload, exposure: "internal" };
    const g: GoalStatement = {
      ...goal("Internal admin tool, reachable only over the corporate VPN"),
      workload,
    };
    expect(summaryClashes(designContext(g, policy, now))).toEqual([]);
    expect(summaryClashes(designContext({ ...g, workload: base.workload }, policy, now))).toHaveLength(1);
  });

  it.each([
    [
      "an internal worker: a worker has no public endpoint",
      goal("Internal worker that reconciles the ledger", "worker"),
    ],
    ["a negated ask", goal("Public orders API, not internal-facing, no GPU needed, without Kubernetes")],
    [
      "look-alike words",
      goal("International orders API that calls upstream services; reports in weeks; a clean domain model"),
    ],
    ["a private registry", goal("Pricing API pulled from a private ghcr.io package")],
  ])("%s", (_name, g) => {
    expect(designGoal(g, policy, { now }).kind).toBe("PlanSpec");
  });

  const examples = [
    ...listRepoDir("examples").map((f) => ["examples", f]),
    ...listRepoDir("schemas", "examples").map((f) => ["schemas/examples", f]),
  ].filter(([, f]) =>
    /^(goal-.*|web-api.*|worker|static-site|serverless-api|dev-api-50|scheduled-job)\.(json|ya?ml)$/.test(f!),
  );

  it.each(examples)("%s/%s raises no summary clash", (dir, file) => {
    const read = readGoal(readRepoFile(dir!, file!));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const outcome = designGoal(read.value.goal, policy, { now });
    if (outcome.kind === "DesignBlocked") {
      expect(outcome.value.reasons.map((r) => r.code)).not.toContain("summary-ask-unmet");
      expect(file).toMatch(/tight-budget|minimal/);
    }
  });
});
