import { describe, expect, it } from "vitest";
import { checkPlanSpecForRender, renderStack } from "../../../app/agents/forge/index.js";
import { firstApplyRollback } from "../../../app/agents/forge/rollback.js";
import type { PlanSpec } from "../../../app/contracts/generated/index.js";
import type { Component } from "../../../app/contracts/generated/plan-spec.js";
import { formatProblem } from "../../../app/contracts/problem.js";
import { loadPlanSpec, loadPolicy } from "../../support/forge-stacks.js";

const FIXTURE = "test/fixtures/forge/plan-spec-checkout-global.json";
const base = (): PlanSpec => structuredClone(loadPlanSpec(FIXTURE));
const byId = <K extends Component["kind"]>(
  spec: PlanSpec,
  id: string,
  _kind?: K,
): Extract<Component, { kind: K }> =>
  spec.components.find((c) => c.id === id)! as Extract<Component, { kind: K }>;
const indexOf = (spec: PlanSpec, id: string): number => spec.components.findIndex((c) => c.id === id);
const problems = (spec: PlanSpec): string[] => checkPlanSpecForRender(spec).map(formatProblem);

describe("checkPlanSpecForRender on two-region PlanSpecs", () => {
  it("passes the hand-written two-region fixtures (eu-west-1 + eu-central-1, and the schema's us-east-1 + us-west-2)", () => {
    expect(problems(base())).toEqual([]);
    expect(problems(loadPlanSpec("schemas/examples/plan-spec-checkout-global.json"))).toEqual([]);
  });

  it.each<[string, (spec: PlanSpec) => void, string]>([
    [
      "a primary that is not the PlanSpec's region",
      (s) => (s.regions = ["eu-central-1", "eu-west-1"]),
      "regions[0]: must be the PlanSpec's region eu-west-1, the primary (got eu-central-1)",
    ],
    [
      "a component in a region outside regions",
      (s) => (byId(s, "app-logs-secondary").region = "us-east-1"),
      "components[9].region: must be one of regions (eu-west-1, eu-central-1) (got us-east-1)",
    ],
    [
      "a region on a global component",
      (s) => (byId(s, "domain").region = "eu-west-1"),
      "components[10].region: a domain is global; leave region out (got eu-west-1)",
    ],
    [
      "a service in the secondary using the primary's database",
      (s) => (byId(s, "app-secondary").dependsOn[2] = "db"),
      'components[7].dependsOn[2]: "db" runs in eu-west-1 and app-secondary in eu-central-1; a component uses its own region\'s components only (a secondary database follows the primary through params.replicaOf; a global table reaches a region named in its params.replicaRegions)',
    ],
    [
      "RDS as a global database",
      (s) => {
        const db = byId(s, "db-secondary", "database");
        db.params.flavor = "rds";
      },
      "components[8].params.flavor: an RDS instance (flavor rds) cannot be part of a global database; Aurora Global Database joins Aurora clusters only: use flavor aurora for db-secondary and db",
    ],
    [
      "a replica of something that is not a database",
      (s) => (byId(s, "db-secondary", "database").params.replicaOf = "app"),
      'components[8].params.replicaOf: must name a database component (got "app")',
    ],
    [
      "a replica of another engine",
      (s) => (byId(s, "db-secondary", "database").params.engine = "mysql"),
      "components[8].params.engine: must be postgres, the engine of db (got mysql)",
    ],
    [
      "a replica on another engine version",
      (s) => (byId(s, "db-secondary", "database").params.engineVersion = "16.4"),
      "components[8].params.engineVersion: must equal db's 16.6: a global database runs one engine version (got 16.4)",
    ],
    [
      "a domain over two regions that does not say how",
      (s) => delete s.multiRegion,
      "multiRegion.mode: domain serves two regions: say how (active-passive fails over, active-active answers by latency)",
    ],
    [
      "a target only some addresses may reach, which Route 53's health checkers cannot",
      (s) => (byId(s, "lb-secondary", "load-balancer").params.allowedCidrs = ["203.0.113.0/24"]),
      'components[10].params.targets[1]: Route 53\'s health checkers connect from the internet, and "lb-secondary" admits only its allowedCidrs: its health check would always fail; leave allowedCidrs out of a load balancer the domain fails over between',
    ],
    [
      "the secondary's target first",
      (s) => (byId(s, "domain", "domain").params.targets = ["lb-secondary", "lb"]),
      'components[10].params.targets[0]: must run in eu-west-1, the primary region (the primary\'s target first) ("lb-secondary" runs in eu-central-1)',
    ],
    [
      "a DynamoDB table in the secondary",
      (s) =>
        s.components.push({
          id: "carts-secondary",
          kind: "key-value-store",
          region: "eu-central-1",
          params: { partitionKey: { name: "id", type: "S" } },
          dependsOn: [],
          rationale: "r",
        }),
      "components[11].region: a DynamoDB table is one global table in the primary; name the secondary in params.replicaRegions (got eu-central-1)",
    ],
    [
      "a DynamoDB replica in a region outside regions",
      (s) =>
        s.components.push({
          id: "carts",
          kind: "key-value-store",
          params: { partitionKey: { name: "id", type: "S" }, replicaRegions: ["us-east-1"] },
          dependsOn: [],
          rationale: "r",
        }),
      "components[11].params.replicaRegions[0]: must be the other region of regions (eu-central-1) (got us-east-1)",
    ],
    [
      "a secondary service without a network in its region",
      (s) => {
        s.components.splice(indexOf(s, "network-secondary"), 1);
        for (const c of s.components) c.dependsOn = c.dependsOn.filter((d) => d !== "network-secondary");
      },
      "components[5].kind: a load-balancer needs a network component to run in eu-central-1; add one",
    ],
    [
      "two networks in one region",
      (s) => (byId(s, "network-secondary").region = undefined),
      "components: Forge renders one network per region (eu-west-1 has network, network-secondary)",
    ],
  ])("refuses %s", (_name, mutate, expected) => {
    const spec = base();
    mutate(spec);
    expect(problems(spec)).toContain(expected);
  });

  it.each<[string, (spec: PlanSpec) => void, string]>([
    [
      "a component in another region",
      (s) => (s.components[0]!.region = "eu-central-1"),
      "components[0].region: is not the PlanSpec's region eu-west-1; a second region needs regions: [eu-west-1, eu-central-1] (got eu-central-1)",
    ],
    [
      "a database replica",
      (s) => ((s.components[3] as Extract<Component, { kind: "database" }>).params.replicaOf = "db"),
      "components[3].params.replicaOf: an Aurora Global Database needs two regions: set regions to [primary, secondary]",
    ],
    [
      "a multiRegion mode",
      (s) => (s.multiRegion = { mode: "active-active" }),
      "multiRegion: applies to a two-region PlanSpec; set regions or leave it out",
    ],
  ])("refuses, in a one-region PlanSpec, %s", (_name, mutate, expected) => {
    const spec = structuredClone(loadPlanSpec("test/fixtures/forge/plan-spec-checkout-api.json"));
    mutate(spec);
    expect(problems(spec)).toContain(expected);
  });
});

describe("a two-region stack", () => {
  const render = (spec: PlanSpec) =>
    renderStack(spec, { policy: loadPolicy("schemas/examples/infracrew.yml") }).files;
  const file = (files: ReturnType<typeof render>, name: string): string =>
    files.find((f) => f.path.endsWith(`/${name}`))!.content;

  it("makes every secondary component's modules and resources through aws.secondary, and no primary one", () => {
    const spec = base();
    const files = render(spec);
    for (const c of spec.components.filter((c) => c.kind !== "domain")) {
      const text = file(files, `${c.id}.tf`);
      const blocks = text.match(/^(module|resource|data) "/gm) ?? [];
      const onSecondary = text.match(/aws = aws\.secondary|provider = aws\.secondary/g) ?? [];
      expect([c.id, onSecondary.length]).toEqual([c.id, c.region ? blocks.length : 0]);
    }
  });

  it("asks for a certificate per load balancer, each in its region, when no domain serves them", () => {
    const spec = base();
    spec.components = spec.components.filter((c) => c.kind !== "domain");
    for (const c of spec.components) c.dependsOn = c.dependsOn.filter((d) => d !== "domain");
    const variables = file(render(spec), "variables.tf");
    expect(variables.match(/^variable "[a-z_]+"/gm)).toEqual([
      'variable "lb_acm_certificate_arn"',
      'variable "lb_secondary_acm_certificate_arn"',
    ]);
    expect(variables).toContain("lb-secondary serves on HTTPS 443, in eu-central-1");
  });

  it("routes by latency with a health check per region when active-active", () => {
    const spec = base();
    spec.multiRegion = { mode: "active-active" };
    const domain = file(render(spec), "domain.tf");
    expect(domain.match(/latency_routing_policy \{\n\s+region = "(eu-west-1|eu-central-1)"/g)).toHaveLength(
      2,
    );
    expect(domain).not.toContain("failover_routing_policy");
    expect(
      domain.match(/health_check_id = aws_route53_health_check\.domain_(primary|secondary)\.id/g),
    ).toHaveLength(2);
  });

  it("gives the secondary's code the primary's environment names and the secret's replica in its own region", () => {
    const app = file(render(base()), "app-secondary.tf");
    expect(app).toContain('name  = "DB_HOST"');
    expect(app).not.toContain("DB_SECONDARY");
    expect(app).toContain(
      'replace(aws_secretsmanager_secret.db_master.arn, ":eu-west-1:", ":eu-central-1:")',
    );
  });
});

describe("rolling back a two-region stack's first apply", () => {
  it("keeps both clusters, their networks, both keys and the master password's secret, and destroys both ECS clusters and the DNS", () => {
    const plan = firstApplyRollback(base());
    expect(plan.keep).toEqual([
      "aws_rds_global_cluster.db_global",
      "aws_secretsmanager_secret.db_master",
      "aws_secretsmanager_secret_version.db_master",
      "module.db",
      "module.db_secondary",
      "module.encryption",
      "module.encryption_secondary",
      "module.network",
      "module.network_secondary",
    ]);
    expect(plan.destroy).toEqual(
      expect.arrayContaining([
        "module.cluster",
        "module.cluster_secondary",
        "aws_route53_health_check.domain_secondary",
        "aws_route53_record.domain_primary",
        "module.domain_secondary",
      ]),
    );
  });
});
