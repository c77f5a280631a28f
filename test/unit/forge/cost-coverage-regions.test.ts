import { describe, expect, it } from "vitest";
import { renderStack } from "../../../app/agents/forge/index.js";
import type { GoalStatement, PlanSpec } from "../../../app/contracts/generated/index.js";
import { loadPlanSpec, loadPolicy, parseStack } from "../../support/forge-stacks.js";
import { billingProblems, renderedBlocks } from "../../support/rendered-billing.js";
import { designedPlan, domainPolicy, examplesGoal } from "../../support/two-region.js";

const spec = loadPlanSpec("test/fixtures/forge/plan-spec-checkout-global.json");

async function blocks(s: PlanSpec) {
  const parsed = await parseStack(renderStack(s, { policy: loadPolicy("schemas/examples/infracrew.yml") }));
  return renderedBlocks(parsed.map((f) => f.body));
}

type CostLine = PlanSpec["cost"]["lines"][number];
const line = (component: string, item: CostLine["item"], basis: string): CostLine => ({
  component,
  item,
  basis,
  monthlyUsd: 1,
});

describe("the billing table covers what a two-region stack renders", () => {
  it("knows every block: the global cluster (free), the master secret and its version, the health checks", async () => {
    const rendered = await blocks(spec);
    expect(
      billingProblems(rendered, spec.cost).filter((p) => p.includes("not in the billing table")),
    ).toEqual([]);
    expect(rendered.map((b) => b.key)).toEqual(
      expect.arrayContaining([
        "resource aws_rds_global_cluster",
        "resource aws_secretsmanager_secret",
        "resource aws_secretsmanager_secret_version",
        "resource aws_route53_health_check",
      ]),
    );
  });

  it("asks the domain for its health checks, each database for the secret (the primary's and its replica), and the secondary for the replicated writes", async () => {
    const problems = billingProblems(await blocks(spec), { ...spec.cost, lines: [] });
    expect(problems).toEqual(
      expect.arrayContaining([
        'resource aws_route53_health_check "domain_primary": aws_route53_health_check (one per region) has no domain dns cost line',
        `resource aws_secretsmanager_secret "db_master": aws_secretsmanager_secret (a global database's master user secret) has no db database cost line`,
        `resource aws_secretsmanager_secret "db_master": the secret's replica in the secondary region, billed as a secret there has no db-secondary database cost line`,
        'module terraform-aws-modules/rds-aurora/aws "db_secondary": the write I/Os an Aurora global database replicates into its secondary has no db-secondary database cost line',
        'module terraform-aws-modules/kms/aws "encryption_secondary": aws_kms_key has no encryption-secondary kms-key cost line',
        'module terraform-aws-modules/ecs/aws//modules/cluster "cluster_secondary": Container Insights metrics and performance events has no cluster-secondary container-insights cost line',
      ]),
    );
  });

  it("matches a component's several lines of one item by what each prices (the domain's DNS and its health checks)", async () => {
    const rendered = (await blocks(spec)).filter((b) => b.label.startsWith("domain"));
    const dns = line(
      "domain",
      "dns",
      "alias queries for checkout.example.com to the load balancer: free, as Route 53 bills no alias queries to AWS resources + the hosted zone example.com is the organisation's, not to this stack",
    );
    const checks = line("domain", "dns", "2 Route 53 health checks × $1.5");
    expect(billingProblems(rendered, { ...spec.cost, lines: [dns, checks] })).toEqual([]);
    expect(billingProblems(rendered, { ...spec.cost, lines: [dns] })).toEqual([
      "domain dns: the basis does not price aws_route53_health_check (one per region) (/health checks?/)",
      "domain dns: the basis does not price aws_route53_health_check (one per region) (/health checks?/)",
    ]);
  });
});

describe("Atlas's own two-region designs price everything Forge renders of them", () => {
  const serverless = examplesGoal("serverless-api.json");
  it.each([
    ["checkout-global (web-api, active-passive)", examplesGoal("checkout-global.json")],
    [
      "orders-api (serverless-api, active-active)",
      {
        ...serverless,
        region: "eu-west-1",
        regions: ["eu-west-1", "eu-central-1"],
        workload: { ...serverless.workload, domain: "orders.example.com" },
        slo: { availability: 99.95 },
      } satisfies GoalStatement,
    ],
  ])("%s", async (_name, goal) => {
    const designed = designedPlan(goal);
    const parsed = await parseStack(renderStack(designed, { policy: domainPolicy() }));
    expect(billingProblems(renderedBlocks(parsed.map((f) => f.body)), designed.cost)).toEqual([]);
  });
});
