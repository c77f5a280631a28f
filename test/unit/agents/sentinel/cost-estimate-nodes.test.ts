import { describe, expect, it } from "vitest";
import { designGoal } from "../../../../app/agents/atlas/index.js";
import { estimateCost } from "../../../../app/agents/sentinel/cost/estimate.js";
import { parseTerraformPlan } from "../../../../app/agents/sentinel/parsers/index.js";
import type { KubernetesClusterComponent } from "../../../../app/contracts/generated/plan-spec.js";
import { readGoal } from "../../../../app/contracts/goal-intake.js";
import { examplePolicy } from "../../../support/atlas-policies.js";
import { readRepoFile } from "../../../support/repo-files.js";
import { parsedValue } from "../../../support/sentinel-fixtures.js";
import { testPlan, type TestChange } from "../../../support/sentinel-plan.js";

const MODULE = 'module.cluster.module.eks_managed_node_group["general"]';

function designedCluster() {
  const read = readGoal(readRepoFile("examples", "kubernetes.json"));
  if (!read.ok) throw new Error("examples/kubernetes.json");
  const out = designGoal(read.value.goal, examplePolicy(), { now: new Date("2026-11-27T00:00:00Z") });
  if (out.kind !== "PlanSpec") throw new Error("blocked");
  return out.value;
}

/** Each node group as terraform-aws-modules/eks plans it: the group and the launch template it starts from. */
function groupChanges(cluster: KubernetesClusterComponent): TestChange[] {
  return cluster.params.nodeGroups.flatMap((g) => {
    const module = MODULE.replace("general", g.name);
    return [
      {
        address: `${module}.aws_launch_template.this[0]`,
        after: {
          block_device_mappings: [
            { device_name: "/dev/xvda", ebs: [{ volume_size: g.diskGb ?? 20, volume_type: "gp3" }] },
          ],
        },
      },
      {
        address: `${module}.aws_eks_node_group.this[0]`,
        after: { instance_types: g.instanceTypes, scaling_config: [{ desired_size: g.desired }] },
      },
    ];
  });
}

describe("Sentinel prices EKS nodes with the root volumes of their launch template", () => {
  it("agrees with Atlas's nodes and node volumes for the Kubernetes example", () => {
    const spec = designedCluster();
    const cluster = spec.components.find(
      (c): c is KubernetesClusterComponent => c.kind === "kubernetes-cluster",
    )!;
    const plan = testPlan({ region: spec.region, changes: groupChanges(cluster) });
    const result = estimateCost(parsedValue(parseTerraformPlan(JSON.stringify(plan), { file: "plan.json" })));
    expect(result.unpriced).toEqual([]);
    const first = cluster.params.nodeGroups[0]!;
    expect(result.lines[0]!.basis).toMatch(
      new RegExp(
        `^${first.desired} × ${first.instanceTypes[0]!.replace(".", "\\.")} × 730 h × \\$[\\d.]+ \\(the first instance type, on demand\\) \\+ ${first.desired} × ${first.diskGb ?? 20} GB gp3 × \\$[\\d.]+$`,
      ),
    );
    const atlas = spec.cost.lines
      .filter((l) => l.item === "nodes" || l.item === "node-volumes")
      .reduce((sum, l) => sum + l.monthlyUsd, 0);
    const sentinel = result.lines.reduce((sum, l) => sum + l.monthlyUsd, 0);
    expect(sentinel).toBeCloseTo(atlas, 1);
  });

  it("prices no volume when the group runs EKS's own launch template (none in the plan)", () => {
    const plan = testPlan({
      region: "us-east-1",
      changes: [
        {
          address: `${MODULE}.aws_eks_node_group.this[0]`,
          after: { instance_types: ["m7g.xlarge"], scaling_config: [{ desired_size: 3 }] },
        },
      ],
    });
    const result = estimateCost(parsedValue(parseTerraformPlan(JSON.stringify(plan), { file: "plan.json" })));
    expect(result.lines.map((l) => l.basis)).toEqual([
      "3 × m7g.xlarge × 730 h × $0.1632 (the first instance type, on demand)",
    ]);
  });
});
