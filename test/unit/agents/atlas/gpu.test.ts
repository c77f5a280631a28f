import { describe, expect, it } from "vitest";
import { designGoal } from "../../../../app/agents/atlas/index.js";
import { checkPlanSpecForRender, renderStack } from "../../../../app/agents/forge/index.js";
import { gpuInstanceFor } from "../../../../app/agents/forge/catalog/gpu-instances.js";
import { ec2InstanceHourly } from "../../../../app/agents/pricing/shape-prices.js";
import type { DesignBlocked, GoalStatement, PlanSpec } from "../../../../app/contracts/generated/index.js";
import type { ContainerServiceComponent } from "../../../../app/contracts/generated/plan-spec.js";
import { readGoal } from "../../../../app/contracts/goal-intake.js";
import { examplePolicy } from "../../../support/atlas-policies.js";
import { readRepoFile } from "../../../support/repo-files.js";

const NOW = new Date("2026-11-27T00:00:00Z");

function visionApi(): GoalStatement {
  const read = readGoal(readRepoFile("examples", "gpu-api.json"));
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.value.goal;
}

function outcome(goal: GoalStatement) {
  return designGoal(goal, examplePolicy(), { now: NOW });
}

function plan(goal: GoalStatement): PlanSpec {
  const out = outcome(goal);
  if (out.kind !== "PlanSpec") throw new Error(JSON.stringify(out.value.reasons));
  return out.value;
}

function blocked(goal: GoalStatement): DesignBlocked {
  const out = outcome(goal);
  if (out.kind !== "DesignBlocked") throw new Error("designed what should be blocked");
  return out.value;
}

function service(spec: PlanSpec): ContainerServiceComponent {
  return spec.components.find((c): c is ContainerServiceComponent => c.kind === "container-service")!;
}

function withWorkload(goal: GoalStatement, workload: Partial<GoalStatement["workload"]>): GoalStatement {
  return { ...goal, workload: { ...goal.workload, ...workload } };
}

describe("Atlas designs a web-api with workload.gpu as ECS tasks on EC2 GPU instances, one task each", () => {
  const spec = plan(visionApi());

  it("writes container-service.gpu with the instance it priced, which Forge accepts and renders", () => {
    expect(service(spec).params.gpu).toEqual({ type: "nvidia-a10g", count: 1, instanceType: "g5.xlarge" });
    expect(checkPlanSpecForRender(spec)).toEqual([]);
    const tf = renderStack(spec, { policy: examplePolicy() }).files.find((f) =>
      f.path.endsWith("service.tf"),
    )!;
    expect(tf.content).toContain('instance_type = "g5.xlarge"');
    expect(tf.content).toContain("desired_capacity                = 4");
  });

  it("prices instance-hours, detailed monitoring and 100 GB root volumes instead of Fargate", () => {
    expect(
      spec.cost.lines.filter((l) => l.component === "service").map((l) => [l.item, l.monthlyUsd, l.basis]),
    ).toEqual([
      [
        "tasks",
        3287.56,
        "4 × g5.xlarge instances × 730 h × $1.123 (one task each, on demand) + 28 detailed-monitoring metrics × $0.3",
      ],
      ["node-volumes", 35.2, "400 GB gp3 root volumes × $0.088"],
    ]);
    expect(spec.availability.path.find((l) => l.component === "service")).toMatchObject({
      availability: 99.99,
      source: "https://aws.amazon.com/compute/sla/",
    });
    expect(spec.assumptions?.map((a) => a.field)).toContain("workload.gpu.instanceType");
    expect(spec.alternatives.map((a) => a.decision)).not.toContain("compute");
    expect(spec.diagram.mermaid).toContain("GPU tasks on g5.xlarge");
    expect(spec.risks.map((r) => r.failure)).toContain(
      "EC2 has no g5.xlarge capacity left in an AZ when the service scales out (InsufficientInstanceCapacity)",
    );
  });

  it("no longer blocks its own summary's GPU ask; without workload.gpu the same summary still blocks", () => {
    expect(spec.summary).toMatch(/GPU/);
    const { gpu: _gpu, ...cpuOnly } = visionApi().workload;
    expect(blocked({ ...visionApi(), workload: cpuOnly }).reasons.map((r) => [r.code, r.field])).toEqual([
      ["summary-ask-unmet", "workload.gpu"],
    ]);
  });
});

describe("the instance: the smallest of the GPU type's family that holds the task, priced in the region", () => {
  const goal = visionApi();
  it.each<[string, string, number, number, number, string, number]>([
    ["A10G, 4 vCPU / 14 GiB", "nvidia-a10g", 4, 14336, 1, "g5.xlarge", 1.123],
    ["A10G, 4 vCPU / 16 GiB: over 15 GiB, so the 2xlarge", "nvidia-a10g", 4, 16384, 1, "g5.2xlarge", 1.353],
    ["T4, 2 vCPU / 8 GiB", "nvidia-t4", 2, 8192, 1, "g4dn.xlarge", 0.587],
  ])("%s", (_name, type, cpu, memoryMb, count, instanceType, hourly) => {
    const spec = plan(
      withWorkload(goal, { cpu: cpu as 4, memoryMb, gpu: { type: type as "nvidia-t4", count } }),
    );
    expect(service(spec).params.gpu?.instanceType).toBe(instanceType);
    const tasks = service(spec).params.desiredCount;
    expect(spec.cost.lines.find((l) => l.item === "tasks")!.basis).toContain(
      `${tasks} × ${instanceType} instances × 730 h × $${hourly}`,
    );
  });

  // low / medium / high on T4s: the tasks (and so the instances) follow the traffic, as Fargate tasks do.
  it.each<[string, number, number, number, number, number]>([
    ["low", 10, 3, 2, 4, 1722.44],
    ["medium", 40, 12, 5, 4, 1722.44],
    ["high", 120, 40, 15, 5, 2153.05],
  ])("%s: %d rps peak", (_level, peakRps, avgRps, tasksForPeak, desired, tasksUsd) => {
    const t4 = withWorkload(goal, { cpu: 2, memoryMb: 8192, gpu: { type: "nvidia-t4", count: 1 } });
    const spec = plan({ ...t4, traffic: { peakRps, avgRps } });
    expect(spec.capacity.tasksForPeak).toBe(tasksForPeak);
    expect(service(spec).params.desiredCount).toBe(desired);
    expect(spec.cost.lines.find((l) => l.item === "tasks")!.monthlyUsd).toBe(tasksUsd);
  });
});

describe("what GPU capacity still cannot do is blocked, naming the field", () => {
  const goal = visionApi();

  it.each<[string, GoalStatement, string, string]>([
    [
      "L4 (g6) in eu-west-1, where Atlas has no g6 price",
      withWorkload(goal, { gpu: { type: "nvidia-l4", count: 1 } }),
      "region-not-priced",
      "workload.gpu",
    ],
    [
      "four GPUs per task in eu-west-1: g5.12xlarge has no EU price in the table",
      withWorkload(goal, { gpu: { type: "nvidia-a10g", count: 4 } }),
      "region-not-priced",
      "workload.gpu",
    ],
    [
      "sixteen GPUs per task: no g5 holds them",
      withWorkload(goal, { gpu: { type: "nvidia-a10g", count: 16 } }),
      "region-not-priced",
      "workload.gpu",
    ],
    [
      "Graviton: GPU instances are x86_64",
      withWorkload(goal, { architecture: "arm64" }),
      "pattern-mismatch",
      "workload.architecture",
    ],
  ])("%s", (_name, g, code, field) => {
    expect(blocked(g).reasons.map((r) => [r.code, r.field])).toEqual([[code, field]]);
  });

  it("designs the L4 in us-east-1, where g6 is priced", () => {
    const spec = plan({
      ...withWorkload(goal, { gpu: { type: "nvidia-l4", count: 1 } }),
      region: "us-east-1",
    });
    expect(service(spec).params.gpu?.instanceType).toBe("g6.xlarge");
  });

  it.each<["nvidia-a10g" | "nvidia-l4" | "nvidia-t4", 1 | 4 | 8, string, number]>([
    ["nvidia-a10g", 4, "g5.12xlarge", 5.672],
    ["nvidia-l4", 8, "g6.48xlarge", 13.3504],
    ["nvidia-t4", 4, "g4dn.12xlarge", 3.912],
    ["nvidia-t4", 8, "g4dn.metal", 7.824],
  ])(
    "in us-east-1, %s × %d: the smallest instance with that many GPUs, priced",
    (type, count, instance, hourly) => {
      const picked = gpuInstanceFor({ type, count }, 4, 16384);
      expect(picked?.instanceType).toBe(instance);
      expect(ec2InstanceHourly("us-east-1", instance)?.usd).toBe(hourly);
    },
  );

  it("designs four T4s per task in us-east-1 on one g4dn.12xlarge in dev", () => {
    const spec = plan({
      ...withWorkload(goal, { cpu: 4, memoryMb: 16384, gpu: { type: "nvidia-t4", count: 4 } }),
      region: "us-east-1",
      environment: "dev",
      traffic: { peakRps: 5, avgRps: 1 },
      slo: { availability: 99 },
      budget: { monthlyUsd: 5000 },
    });
    expect(service(spec).params.gpu?.instanceType).toBe("g4dn.12xlarge");
    expect(spec.cost.lines.find((l) => l.item === "tasks")!.basis).toMatch(
      /^\d+ × g4dn\.12xlarge instances × 730 h × \$3\.912/,
    );
  });

  it("designs a GPU worker too", () => {
    const read = readGoal(readRepoFile("schemas", "examples", "goal-worker.json"));
    if (!read.ok) throw new Error("goal-worker.json");
    const w = read.value.goal;
    const spec = plan({
      ...w,
      workload: { ...w.workload, gpu: { type: "nvidia-t4", count: 1 } },
      budget: { monthlyUsd: 5000 },
    });
    expect(service(spec).params.gpu?.instanceType).toBe("g4dn.xlarge");
  });
});
