import { describe, expect, it } from "vitest";
import { renderStack } from "../../../../app/agents/forge/index.js";
import { estimateCost } from "../../../../app/agents/sentinel/cost/estimate.js";
import { evaluateOffline } from "../../../../app/agents/sentinel/offline/evaluate-offline.js";
import { parseTerraformPlan } from "../../../../app/agents/sentinel/parsers/index.js";
import { parseTerraformFiles } from "../../../../app/agents/sentinel/parsers/terraform-hcl.js";
import { FORGE_STACKS, loadPolicy, renderFixture } from "../../../support/forge-stacks.js";
import { parsedValue } from "../../../support/sentinel-fixtures.js";
import { testPlan } from "../../../support/sentinel-plan.js";

const round = (n: number): number => Math.round(n * 100) / 100;
const lines = (estimate: ReturnType<typeof estimateCost>) =>
  estimate.lines.map((l) => [l.address, round(l.monthlyUsd), l.basis]);

const SECONDARY = {
  name: "aws",
  full_name: "registry.terraform.io/hashicorp/aws",
  alias: "secondary",
  expressions: { region: { constant_value: "eu-central-1" } },
};

/**
 * A plan of an Aurora global database as Terraform 1.11 writes it: the resources of a module called with
 * `providers = { aws = aws.secondary }` carry the root's provider key, `aws.secondary`, in the configuration.
 */
function globalDatabasePlan(): Record<string, unknown> {
  const instance = { instance_class: "db.r6g.large", engine: "aurora-postgresql" };
  const plan = testPlan({
    region: "eu-west-1",
    providers: { "aws.secondary": SECONDARY },
    changes: [
      { address: "aws_rds_global_cluster.db_global", after: { engine: "aurora-postgresql" } },
      { address: 'module.db.aws_rds_cluster_instance.this["1"]', after: instance },
      { address: 'module.db.aws_rds_cluster_instance.this["2"]', after: instance },
      { address: 'module.db_secondary.aws_rds_cluster_instance.this["1"]', after: instance },
      { address: "aws_route53_health_check.domain_primary", after: { type: "HTTPS", request_interval: 30 } },
    ],
  });
  const moduleCall = (provider: string) => ({
    source: "terraform-aws-modules/rds-aurora/aws",
    module: {
      resources: [
        {
          address: "aws_rds_cluster_instance.this",
          mode: "managed",
          type: "aws_rds_cluster_instance",
          name: "this",
          provider_config_key: provider,
        },
      ],
    },
  });
  const root = (plan.configuration as { root_module: Record<string, unknown> }).root_module;
  root.module_calls = { db: moduleCall("aws"), db_secondary: moduleCall("aws.secondary") };
  return plan;
}

describe("the offline estimate of a two-region stack prices each resource in its own region", () => {
  it("from a plan: the global database's instances at eu-west-1 and eu-central-1 prices, the global cluster free", () => {
    const estimate = estimateCost(
      parsedValue(parseTerraformPlan(JSON.stringify(globalDatabasePlan()), { file: "plan.json" })),
    );
    expect(lines(estimate)).toEqual([
      [
        'module.db.aws_rds_cluster_instance.this["1"]',
        209.51,
        "db.r6g.large Aurora × 730 h × $0.287; storage and I/O by usage",
      ],
      [
        'module.db.aws_rds_cluster_instance.this["2"]',
        209.51,
        "db.r6g.large Aurora × 730 h × $0.287; storage and I/O by usage",
      ],
      [
        'module.db_secondary.aws_rds_cluster_instance.this["1"]',
        229.22,
        "db.r6g.large Aurora × 730 h × $0.314; storage and I/O by usage",
      ],
      ["aws_route53_health_check.domain_primary", 1.5, "health check × $0.5 + HTTPS × $1"],
    ]);
    expect(estimate.unpriced).toEqual([]);
  });

  it("from the Terraform files alone: a resource on provider aws.secondary at the secondary's price", async () => {
    const model = parsedValue(
      await parseTerraformFiles([
        {
          path: "infra/x/main.tf",
          text: [
            'provider "aws" {\n  region = "eu-west-1"\n}',
            'provider "aws" {\n  alias  = "secondary"\n  region = "eu-central-1"\n}',
            'resource "aws_nat_gateway" "primary" {\n  subnet_id = "subnet-1"\n}',
            'resource "aws_nat_gateway" "secondary" {\n  provider  = aws.secondary\n  subnet_id = "subnet-2"\n}',
          ].join("\n\n"),
        },
      ]),
    );
    const estimate = estimateCost(model);
    const byAddress = Object.fromEntries(estimate.lines.map((l) => [l.address, l.basis]));
    expect(byAddress["aws_nat_gateway.primary"]).toContain("$0.048");
    expect(byAddress["aws_nat_gateway.secondary"]).toContain("$0.052");
  });

  it("from Forge's checkout-global files: the master secret and its replica, two HTTPS health checks, a web ACL per region", async () => {
    const stack = FORGE_STACKS.find((s) => s.name === "checkout-global")!;
    const files = renderFixture(stack).files.filter((f) => f.path.endsWith(".tf"));
    const estimate = estimateCost(
      parsedValue(await parseTerraformFiles(files.map((f) => ({ path: f.path, text: f.content })))),
    );
    const acl = "web ACL × $5 + 4 × rule × $1; requests by usage";
    expect(lines(estimate)).toEqual([
      ["aws_secretsmanager_secret.db_master", 0.8, "secret × $0.4 + replica in eu-central-1 × $0.4"],
      ["aws_route53_health_check.domain_primary", 1.5, "health check × $0.5 + HTTPS × $1"],
      ["aws_route53_health_check.domain_secondary", 1.5, "health check × $0.5 + HTTPS × $1"],
      ["aws_wafv2_web_acl.lb_secondary", 9, acl],
      ["aws_wafv2_web_acl.lb", 9, acl],
    ]);
    expect(estimate.unpriced).toEqual([]);
  });
});

/** Sentinel's offline verdict on Forge's checkout-global files, as `infracrew run` gives it, after an edit. */
async function offlineVerdict(edit: (text: string) => string = (text) => text) {
  const stack = FORGE_STACKS.find((s) => s.name === "checkout-global")!;
  const policy = loadPolicy(stack.policy);
  const spec = stack.spec();
  const files = renderStack(spec, { policy })
    .files.filter((f) => f.path.endsWith(".tf"))
    .map((f) => ({ path: f.path, text: edit(f.content) }));
  const hcl = parsedValue(await parseTerraformFiles(files));
  const now = new Date("2026-11-27T12:00:00Z");
  return evaluateOffline({ planSpec: spec, toolReports: [], hcl, terraformFiles: files, policy, now });
}

describe("Sentinel's offline verdict on a two-region stack", () => {
  it("passes checkout-global, checking both providers' regions, and finds every shared module of each region in the design's estimate", async () => {
    const result = await offlineVerdict();
    expect(result.verdict).toBe("PASS");
    expect(result.reasons).toContainEqual(expect.stringContaining("on the Terraform files (2 providers"));
    expect(result.reasons.filter((r) => r.startsWith("Not in the design's estimate"))).toEqual([]);
  });

  it("fails when the secondary's region is one the org policy does not allow", async () => {
    const result = await offlineVerdict((text) => text.replaceAll('"eu-central-1"', '"ap-south-1"'));
    expect(result.verdict).toBe("FAIL");
    expect(result.findings.map((f) => f.title)).toContainEqual(
      expect.stringContaining("provider aws.secondary deploys to ap-south-1"),
    );
  });
});
