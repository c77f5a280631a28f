import { describe, expect, it } from "vitest";
import { firstApplyRollback, retainedDataStores } from "../../../app/agents/forge/rollback.js";
import { designGoal } from "../../../app/agents/atlas/index.js";
import { renderStack, type RenderedStack } from "../../../app/agents/forge/index.js";
import { defaultPolicy } from "../../../app/contracts/policy-intake.js";
import { COST_GOALS } from "../../support/cost-goals.js";
import {
  ATLAS_NOW,
  FORGE_STACKS,
  loadPlanSpec,
  parseStack,
  renderFixture,
  type ForgeStack,
} from "../../support/forge-stacks.js";

/** Every module and resource address a rendered stack declares. */
async function addressesOf(stack: RenderedStack): Promise<Set<string>> {
  const out = new Set<string>();
  for (const { body } of await parseStack(stack)) {
    for (const label of Object.keys((body.module as object | undefined) ?? {})) out.add(`module.${label}`);
    for (const [type, labels] of Object.entries(
      (body.resource as Record<string, object> | undefined) ?? {},
    )) {
      for (const label of Object.keys(labels)) out.add(`${type}.${label}`);
    }
  }
  return out;
}

const declared = (stack: ForgeStack): Promise<Set<string>> => addressesOf(renderFixture(stack));

describe("rolling back a first apply", () => {
  it("keeps deletion-protected databases and buckets, with the network and key they need, and destroys the rest", () => {
    expect(firstApplyRollback(loadPlanSpec("test/fixtures/forge/plan-spec-checkout-api.json"))).toEqual({
      destroy: [
        "aws_wafv2_web_acl.lb",
        "module.app",
        "module.app_logs",
        "module.cache",
        "module.cluster",
        "module.lb",
      ],
      keep: [
        "module.db",
        "module.db_security_group",
        "module.encryption",
        "module.network",
        "module.uploads",
      ],
      dataStores: ["db", "uploads"],
    });
  });

  it("destroys the network when only a bucket is kept", () => {
    expect(firstApplyRollback(loadPlanSpec("schemas/examples/plan-spec-invoice-worker.json"))).toEqual({
      destroy: ["module.cluster", "module.jobs", "module.network", "module.worker"],
      keep: ["module.encryption", "module.invoices"],
      dataStores: ["invoices"],
    });
  });

  it("destroys a database whose PlanSpec turns deletion protection off", () => {
    const spec = loadPlanSpec("test/fixtures/forge/plan-spec-checkout-api.json");
    for (const c of spec.components) if (c.kind === "database") c.params.deletionProtection = false;
    const plan = firstApplyRollback(spec);
    expect(plan.destroy).toEqual(
      expect.arrayContaining(["module.db", "module.db_security_group", "module.network"]),
    );
    expect(plan.keep).toEqual(["module.encryption", "module.uploads"]);
  });

  it("keeps a deletion-protected DynamoDB table and the key, and names the table left in the state", () => {
    const plan = firstApplyRollback(loadPlanSpec("schemas/examples/plan-spec-orders-api.json"));
    expect(plan.keep).toEqual(["module.encryption", "module.orders"]);
    expect(plan.destroy).toEqual([
      "aws_route53_record.domain",
      "module.api",
      "module.domain",
      "module.handler",
    ]);
    expect(
      retainedDataStores(
        ["module.orders.aws_dynamodb_table.this[0]", "module.handler.aws_lambda_function.this[0]"],
        plan,
      ),
    ).toEqual(["module.orders.aws_dynamodb_table.this[0]"]);
  });

  it.each(FORGE_STACKS)("names only addresses the rendered $name stack declares", async (stack) => {
    const plan = firstApplyRollback(stack.spec());
    const addresses = await declared(stack);
    for (const address of [...plan.destroy, ...plan.keep]) expect(addresses, address).toContain(address);
    expect([...plan.destroy, ...plan.keep].sort()).toEqual([...addresses].sort());
  });

  it.each(COST_GOALS.map((g) => [g.name, g] as const))(
    "names only addresses Atlas's %s design renders (a CDN without WAF, PCI, Aurora, a worker)",
    async (_name, goal) => {
      const outcome = designGoal(goal, defaultPolicy(), { now: ATLAS_NOW });
      if (outcome.kind !== "PlanSpec") throw new Error(`${goal.name} was not designed`);
      const plan = firstApplyRollback(outcome.value);
      const addresses = await addressesOf(renderStack(outcome.value, { policy: defaultPolicy() }));
      expect([...plan.destroy, ...plan.keep].sort()).toEqual([...addresses].sort());
    },
  );

  it("names the data-store resources left in the state", () => {
    const plan = firstApplyRollback(loadPlanSpec("test/fixtures/forge/plan-spec-checkout-api.json"));
    expect(
      retainedDataStores(
        [
          "module.db.module.db_instance.aws_db_instance.this[0]",
          "module.db.module.db_instance.aws_db_parameter_group.this[0]",
          "module.network.aws_vpc.this[0]",
          "module.uploads.aws_s3_bucket.this[0]",
          "module.uploads.aws_s3_bucket_policy.this[0]",
          "module.app.aws_ecs_service.this[0]",
        ],
        plan,
      ),
    ).toEqual([
      "module.db.module.db_instance.aws_db_instance.this[0]",
      "module.uploads.aws_s3_bucket.this[0]",
    ]);
  });
});
