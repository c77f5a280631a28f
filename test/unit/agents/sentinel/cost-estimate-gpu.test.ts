import { describe, expect, it } from "vitest";
import { designGoal } from "../../../../app/agents/atlas/index.js";
import { estimateCost } from "../../../../app/agents/sentinel/cost/estimate.js";
import { parseTerraformPlan } from "../../../../app/agents/sentinel/parsers/index.js";
import type { ContainerServiceComponent } from "../../../../app/contracts/generated/plan-spec.js";
import { readGoal } from "../../../../app/contracts/goal-intake.js";
import { examplePolicy } from "../../../support/atlas-policies.js";
import { readRepoFile } from "../../../support/repo-files.js";
import { parsedValue } from "../../../support/sentinel-fixtures.js";
import { testPlan, type TestPlan } from "../../../support/sentinel-plan.js";

function estimate(plan: TestPlan) {
  return estimateCost(parsedValue(parseTerraformPlan(JSON.stringify(testPlan(plan)), { file: "plan.json" })));
}

/** The GPU service's capacity as terraform-aws-modules/autoscaling plans it (ignore_desired_capacity_changes). */
function gpuCapacity(
  region: string,
  instanceType: string,
  desired: number,
  template = "this[0]",
  extras: Record<string, unknown> = {},
): TestPlan {
  return {
    region,
    changes: [
      {
        address: `module.service_instances.aws_launch_template.${template}`,
        after: { instance_type: instanceType, ...extras },
      },
      {
        address: "module.service_instances.aws_autoscaling_group.idc[0]",
        after: { desired_capacity: desired },
      },
    ],
  };
}

describe("Sentinel prices a GPU service's Auto Scaling group by its launch template's instance type", () => {
  it("prices the desired instances on demand, and agrees with Atlas's instance-hours for the GPU example", () => {
    const read = readGoal(readRepoFile("examples", "gpu-api.json"));
    if (!read.ok) throw new Error("examples/gpu-api.json");
    const out = designGoal(read.value.goal, examplePolicy(), { now: new Date("2026-11-27T00:00:00Z") });
    if (out.kind !== "PlanSpec") throw new Error("blocked");
    const svc = out.value.components.find(
      (c): c is ContainerServiceComponent => c.kind === "container-service",
    )!;
    const result = estimate(
      gpuCapacity(out.value.region, svc.params.gpu!.instanceType!, svc.params.desiredCount),
    );
    const asg = result.lines.find((l) => l.address.includes("aws_autoscaling_group"))!;
    expect(asg.basis).toBe("4 × g5.xlarge × 730 h × $1.123");
    const atlasInstances = 4 * 730 * 1.123;
    expect(asg.monthlyUsd).toBeCloseTo(atlasInstances, 2);
    expect(out.value.cost.lines.find((l) => l.item === "tasks")!.basis).toMatch(
      /^4 × g5\.xlarge instances × 730 h × \$1\.123/,
    );
  });

  it("adds the template's root volumes and detailed monitoring, and then agrees with Atlas's whole GPU lines", () => {
    const read = readGoal(readRepoFile("examples", "gpu-api.json"));
    if (!read.ok) throw new Error("examples/gpu-api.json");
    const out = designGoal(read.value.goal, examplePolicy(), { now: new Date("2026-11-27T00:00:00Z") });
    if (out.kind !== "PlanSpec") throw new Error("blocked");
    const result = estimate(
      gpuCapacity(out.value.region, "g5.xlarge", 4, "this[0]", {
        block_device_mappings: [
          { device_name: "/dev/xvda", ebs: [{ volume_size: 100, volume_type: "gp3" }] },
        ],
        monitoring: [{ enabled: true }],
      }),
    );
    const asg = result.lines.find((l) => l.address.includes("aws_autoscaling_group"))!;
    expect(asg.basis).toBe(
      "4 × g5.xlarge × 730 h × $1.123 + 4 × 100 GB gp3 × $0.088 + 28 detailed-monitoring metrics × $0.3",
    );
    const atlas = out.value.cost.lines
      .filter((l) => l.item === "tasks" || l.item === "node-volumes")
      .reduce((sum, l) => sum + l.monthlyUsd, 0);
    expect(asg.monthlyUsd).toBeCloseTo(atlas, 1);
  });

  it.each([
    [
      "a gp2 volume",
      [{ device_name: "/dev/xvda", ebs: [{ volume_size: 100, volume_type: "gp2" }] }],
      "gp2 volumes are not priced offline (gp3 only)",
    ],
    [
      "a volume of unknown size",
      [{ device_name: "/dev/xvda", ebs: [{ volume_type: "gp3" }] }],
      "the size of /dev/xvda is not in the plan",
    ],
  ])("leaves the group unpriced, saying why, for %s", (_what, mappings, why) => {
    const result = estimate(
      gpuCapacity("us-east-1", "g5.xlarge", 2, "this[0]", { block_device_mappings: mappings }),
    );
    expect(result.unpriced.map((u) => u.why)).toEqual([`its launch template: ${why}`]);
  });

  it("leaves it unpriced, saying why, when the launch template is not in the plan", () => {
    const result = estimate(gpuCapacity("us-east-1", "g6.xlarge", 2, "other"));
    expect(result.unpriced.map((u) => u.why)).toContain(
      "its launch template's instance_type is not in the plan",
    );
  });
});
