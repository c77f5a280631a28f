import { describe, expect, it } from "vitest";
import { checkInterfaces, MODULE_LIST, renderStack, RESOURCE_LIST } from "../../../app/agents/forge/index.js";
import type { PlanSpec } from "../../../app/contracts/generated/index.js";
import { formatProblem } from "../../../app/contracts/problem.js";
import { loadPlanSpec, loadPolicy, parseStack } from "../../support/forge-stacks.js";

function withPublicEndpoint(): PlanSpec {
  const spec = structuredClone(loadPlanSpec("schemas/examples/plan-spec-platform-eks.json"));
  for (const c of spec.components) {
    if (c.kind === "kubernetes-cluster") c.params.publicAccessCidrs = ["203.0.113.0/24"];
  }
  return spec;
}

describe("the Kubernetes renderer", () => {
  it("opens the API endpoint only to the PlanSpec's ranges", async () => {
    const stack = renderStack(withPublicEndpoint(), { policy: loadPolicy(undefined) });
    const cluster = stack.files.find((f) => f.path.endsWith("/cluster.tf"))!.content;
    expect(cluster).toContain("endpoint_public_access       = true");
    expect(cluster).toContain('endpoint_public_access_cidrs = ["203.0.113.0/24"]');
    const parsed = await parseStack(stack);
    expect(
      checkInterfaces(parsed, { modules: MODULE_LIST, resources: RESOURCE_LIST }).map(formatProblem),
    ).toEqual([]);
  });

  it("keeps it private without them", () => {
    const spec = loadPlanSpec("schemas/examples/plan-spec-platform-eks.json");
    const cluster = renderStack(spec, { policy: loadPolicy(undefined) }).files.find((f) =>
      f.path.endsWith("/cluster.tf"),
    )!.content;
    expect(cluster).toContain("endpoint_public_access  = false");
    expect(cluster).not.toContain("endpoint_public_access_cidrs");
  });
});
