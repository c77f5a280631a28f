import { designGoal } from "../../app/agents/atlas/index.js";
import { renderStack, type RenderedStack } from "../../app/agents/forge/index.js";
import type { PlanSpec } from "../../app/contracts/generated/index.js";
import type { ResolvedOrgPolicy } from "../../app/contracts/generated/org-policy.js";
import { readGoal } from "../../app/contracts/goal-intake.js";
import { defaultPolicy, readPolicy } from "../../app/contracts/policy-intake.js";
import { validateArtifact } from "../../app/contracts/validator.js";
import { parseHcl } from "./hcl.js";
import { readRepoFile } from "./repo-files.js";

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

/** The clock the Atlas goldens are designed at (test/unit/agents/atlas/golden.test.ts uses the same). */
export const ATLAS_NOW = new Date("2026-11-27T00:00:00Z");
export const EXAMPLE_POLICY = "schemas/examples/infracrew.yml";

/** Atlas's PlanSpec for a goal file under a policy file: plan, as `infracrew plan` does. */
export function designFile(goalFile: string, policyFile: string): PlanSpec {
  const read = readGoal(readRepoFile(goalFile));
  if (!read.ok) throw new Error(`${goalFile}: ${JSON.stringify(read.problems)}`);
  const outcome = designGoal(read.value.goal, loadPolicy(policyFile), { now: ATLAS_NOW });
  if (outcome.kind !== "PlanSpec") throw new Error(`${goalFile}: Atlas blocked the design`);
  return outcome.value;
}

/** Atlas's PlanSpec for a shared example goal, under the example policy. */
export function designExample(goalFile: string): PlanSpec {
  return designFile(`schemas/examples/${goalFile}`, EXAMPLE_POLICY);
}

export interface ForgeStack {
  /** Golden files go under test/golden/forge/<golden>/. */
  readonly name: string;
  readonly golden: string;
  readonly policy: string | undefined;
  spec(): PlanSpec;
}

const fixture = (name: string, spec: string, policy: string | undefined): ForgeStack => ({
  name,
  golden: name,
  policy,
  spec: () => loadPlanSpec(spec),
});

const atlas = (name: string, goal: string): ForgeStack => ({
  name: `${name} (Atlas)`,
  golden: `goals/${name}`,
  policy: EXAMPLE_POLICY,
  spec: () => designExample(goal),
});

/** Atlas's design of a goal in examples/ (what `infracrew run` takes). */
const atlasExample = (name: string, goal: string): ForgeStack => ({
  name: `${name} (Atlas)`,
  golden: `goals/${name}`,
  policy: EXAMPLE_POLICY,
  spec: () => designFile(`examples/${goal}`, EXAMPLE_POLICY),
});

/** Every stack the Forge suite renders: hand-written PlanSpecs, and Atlas's designs of the shared example goals. */
export const FORGE_STACKS: readonly ForgeStack[] = [
  fixture("checkout-api", "test/fixtures/forge/plan-spec-checkout-api.json", EXAMPLE_POLICY),
  fixture(
    "ledger-api",
    "test/fixtures/forge/plan-spec-ledger-api.json",
    "test/fixtures/forge/infracrew-lock-table.yml",
  ),
  fixture("docs-site", "test/fixtures/forge/plan-spec-docs-site.json", undefined),
  fixture("checkout-global", "test/fixtures/forge/plan-spec-checkout-global.json", EXAMPLE_POLICY),
  fixture("orders-global", "test/fixtures/forge/plan-spec-orders-global.json", EXAMPLE_POLICY),
  fixture("invoice-worker", "schemas/examples/plan-spec-invoice-worker.json", undefined),
  fixture("orders-api", "schemas/examples/plan-spec-orders-api.json", EXAMPLE_POLICY),
  fixture("nightly-report", "schemas/examples/plan-spec-nightly-report.json", EXAMPLE_POLICY),
  fixture("platform-eks", "schemas/examples/plan-spec-platform-eks.json", EXAMPLE_POLICY),
  fixture("clickstream", "schemas/examples/plan-spec-clickstream.json", EXAMPLE_POLICY),
  fixture("payment-events", "schemas/examples/plan-spec-payment-events.json", EXAMPLE_POLICY),
  fixture("vision-api", "schemas/examples/plan-spec-vision-api.json", EXAMPLE_POLICY),
  atlas("checkout-api", "goal-web-api.json"),
  atlas("docs-site", "goal-static-site.yaml"),
  atlas("invoice-worker", "goal-worker.json"),
  atlas("pricing-api", "goal-web-api-private-image.json"),
  atlas("admin-console", "goal-web-api-internal.json"),
  atlas("platform-eks", "goal-kubernetes.json"),
  atlas("vision-api", "goal-gpu-api.json"),
  {
    name: "brand-site (Atlas)",
    golden: "goals/brand-site",
    policy: "examples/infracrew.yml",
    spec: () => designFile("examples/static-site-domain.yaml", "examples/infracrew.yml"),
  },
  atlasExample("orders-api", "serverless-api.json"),
  atlasExample("notes-dev", "dev-api-50.json"),
  atlasExample("nightly-report", "scheduled-job.json"),
  atlasExample("clickstream", "stream-processor.json"),
  atlas("payment-events", "goal-stream-kafka.json"),
];

export function renderFixture(stack: ForgeStack): RenderedStack {
  return renderStack(stack.spec(), { policy: loadPolicy(stack.policy) });
}

/** Every .tf file of a rendered stack, parsed by HashiCorp's HCL parser. */
export async function parseStack(
  stack: RenderedStack,
): Promise<{ file: string; body: Record<string, unknown> }[]> {
  const tf = stack.files.filter((f) => f.path.endsWith(".tf"));
  return Promise.all(tf.map(async (f) => ({ file: f.path, body: await parseHcl(f.path, f.content) })));
}
