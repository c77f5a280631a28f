import { describe, expect, it } from "vitest";
import { designGoal } from "../../../app/agents/atlas/index.js";
import { renderStack } from "../../../app/agents/forge/index.js";
import type { PlanSpec } from "../../../app/contracts/generated/index.js";
import { defaultPolicy } from "../../../app/contracts/policy-intake.js";
import { COST_GOALS } from "../../support/cost-goals.js";
import { ATLAS_NOW, FORGE_STACKS, loadPolicy, parseStack } from "../../support/forge-stacks.js";
import { billingProblems, renderedBlocks } from "../../support/rendered-billing.js";

async function blocksOf(spec: PlanSpec, policy = defaultPolicy()) {
  const parsed = await parseStack(renderStack(spec, { policy }));
  return renderedBlocks(parsed.map((f) => f.body));
}

function designed(goal: (typeof COST_GOALS)[number]): PlanSpec {
  const outcome = designGoal(goal, defaultPolicy(), { now: ATLAS_NOW });
  if (outcome.kind !== "PlanSpec") throw new Error(`${goal.name}: ${JSON.stringify(outcome.value.reasons)}`);
  return outcome.value;
}

describe("every resource Forge renders that AWS bills has a cost line in the PlanSpec", () => {
  it.each(COST_GOALS.map((g) => [g.name, g] as const))(
    "%s (Atlas design, parsed HCL)",
    async (_name, goal) => {
      const spec = designed(goal);
      expect(billingProblems(await blocksOf(spec), spec.cost)).toEqual([]);
    },
  );

  it.each(FORGE_STACKS.filter((s) => s.name.endsWith("(Atlas)")).map((s) => [s.name, s] as const))(
    "%s (golden stack)",
    async (_name, stack) => {
      const spec = stack.spec();
      expect(billingProblems(await blocksOf(spec, loadPolicy(stack.policy)), spec.cost)).toEqual([]);
    },
  );

  it("covers NAT gateways, flow logs, WAF on an ALB and a CDN, a cache, Aurora or RDS, a queue, buckets and a scheduled job", async () => {
    const keys = new Set<string>();
    const items = new Set<string>();
    for (const goal of COST_GOALS) {
      const spec = designed(goal);
      for (const block of await blocksOf(spec)) keys.add(`${block.key} ${block.label}`);
      for (const line of spec.cost.lines) items.add(`${line.component} ${line.item}`);
    }
    expect([...items]).toEqual(
      expect.arrayContaining([
        "network nat-gateway",
        "network nat-processing",
        "network flow-logs",
        "load-balancer waf",
        "load-balancer internet-egress",
        "cdn waf",
        "cdn cdn-free-tier",
        "cache cache",
        "database database",
        "queue queue",
        "bucket-frames object-storage",
        "encryption kms-key",
        "cluster container-insights",
        "job tasks",
        "job workflow",
        "job workflow-free-tier",
        "job schedule",
        "job schedule-free-tier",
        "job alarms",
      ]),
    );
    expect([...keys]).toContain("resource aws_wafv2_web_acl load_balancer");
  });

  it("fails on a block the table does not know, a billed block without its line, and a line for nothing", async () => {
    const spec = designed(COST_GOALS[0]!);
    const blocks = await blocksOf(spec);
    const unknown = [...blocks, { key: "resource aws_instance", label: "bastion", inputs: {} }];
    expect(billingProblems(unknown, spec.cost)).toEqual([
      'resource aws_instance "bastion": not in the billing table (neither billed nor free)',
    ]);
    const withoutNat = { ...spec.cost, lines: spec.cost.lines.filter((l) => l.item !== "nat-gateway") };
    expect(billingProblems(blocks, withoutNat)).toEqual([
      'module terraform-aws-modules/vpc/aws "network": aws_nat_gateway (hours) and its aws_eip has no network nat-gateway cost line',
    ]);
    const extra = {
      ...spec.cost,
      lines: [...spec.cost.lines, { ...spec.cost.lines[0]!, component: "bastion" }],
    };
    expect(billingProblems(blocks, extra)).toEqual([
      `bastion ${spec.cost.lines[0]!.item}: a cost line for nothing the stack renders`,
    ]);
  });

  it("covers a Kinesis stream with its Firehose archive and an MSK Serverless cluster, and misses a dropped line", async () => {
    const stacks = FORGE_STACKS.filter((s) => /^(clickstream|payment-events) \(Atlas\)$/.test(s.name));
    expect(stacks).toHaveLength(2);
    const keys = new Set<string>();
    for (const stack of stacks) {
      const spec = stack.spec();
      const blocks = await blocksOf(spec, loadPolicy(stack.policy));
      for (const block of blocks) keys.add(block.key);
      const withoutStream = { ...spec.cost, lines: spec.cost.lines.filter((l) => l.item !== "stream") };
      expect(billingProblems(blocks, withoutStream).join("\n")).toMatch(/has no stream stream cost line/);
    }
    expect([...keys]).toEqual(
      expect.arrayContaining([
        "resource aws_kinesis_stream",
        "resource aws_kinesis_firehose_delivery_stream",
        "module terraform-aws-modules/msk-kafka-cluster/aws//modules/serverless",
      ]),
    );
  });

  it("checks the WAF line against the rules the web ACL renders", async () => {
    const spec = designed(COST_GOALS.find((g) => g.name === "card-api")!);
    const blocks = await blocksOf(spec);
    const lines = spec.cost.lines.map((l) =>
      l.item === "waf" ? { ...l, basis: l.basis.replace(/\d+ rules/, "3 rules") } : l,
    );
    expect(billingProblems(blocks, { ...spec.cost, lines })).toEqual([
      expect.stringContaining("load-balancer waf: the basis does not price aws_wafv2_web_acl"),
    ]);
  });
});
