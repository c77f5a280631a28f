import { renderStack, type RenderedStack } from "../../app/agents/forge/index.js";
import type { PlanSpec } from "../../app/contracts/generated/index.js";
import type { ResolvedOrgPolicy } from "../../app/contracts/generated/org-policy.js";
import { defaultPolicy, readPolicy } from "../../app/contracts/policy-intake.js";
import { validateArtifact } from "../../app/contracts/validator.js";
import { parseHcl } from "./hcl.js";
import { readRepoFile } from "./repo-files.js";

/** The PlanSpecs Forge's golden stacks are rendered from, with the policy each is rendered under. */
export const FORGE_STACKS = [
  {
    name: "checkout-api",
    spec: "test/fixtures/forge/plan-spec-checkout-api.json",
    policy: "schemas/examples/infracrew.yml",
  },
  {
    name: "ledger-api",
    spec: "test/fixtures/forge/plan-spec-ledger-api.json",
    policy: "test/fixtures/forge/infracrew-lock-table.yml",
  },
  { name: "docs-site", spec: "test/fixtures/forge/plan-spec-docs-site.json", policy: undefined },
  { name: "invoice-worker", spec: "schemas/examples/plan-spec-invoice-worker.json", policy: undefined },
] as const;

export function loadPlanSpec(file: string): PlanSpec {
  const checked = validateArtifact("PlanSpec", JSON.parse(readRepoFile(file)));
  if (!checked.ok) throw new Error(`${file} is not a valid PlanSpec: ${JSON.stringify(checked.problems)}`);
  return checked.value;
}

export function loadPolicy(file: string | undefined): ResolvedOrgPolicy {
  if (file === undefined) return defaultPolicy();
  const policy = readPolicy(readRepoFile(file));
  if (!policy.ok) throw new Error(`${file} is not a valid policy`);
  return policy.value;
}

export function renderFixture(stack: (typeof FORGE_STACKS)[number]): RenderedStack {
  return renderStack(loadPlanSpec(stack.spec), { policy: loadPolicy(stack.policy) });
}

/** Every .tf file of a rendered stack, parsed by HashiCorp's HCL parser. */
export async function parseStack(
  stack: RenderedStack,
): Promise<{ file: string; body: Record<string, unknown> }[]> {
  const tf = stack.files.filter((f) => f.path.endsWith(".tf"));
  return Promise.all(tf.map(async (f) => ({ file: f.path, body: await parseHcl(f.path, f.content) })));
}
