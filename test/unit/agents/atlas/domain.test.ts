import { describe, expect, it } from "vitest";
import { hostedZoneFor } from "../../../../app/agents/atlas/domain-check.js";
import { designGoal } from "../../../../app/agents/atlas/index.js";
import { checkPlanSpecForRender, renderStack } from "../../../../app/agents/forge/index.js";
import { estimateCost } from "../../../../app/agents/sentinel/cost/estimate.js";
import { parseTerraformPlan } from "../../../../app/agents/sentinel/parsers/index.js";
import type { DesignBlocked, GoalStatement, PlanSpec } from "../../../../app/contracts/generated/index.js";
import type { ResolvedOrgPolicy } from "../../../../app/contracts/generated/org-policy.js";
import { readPolicy } from "../../../../app/contracts/policy-intake.js";
import { parseStack } from "../../../support/forge-stacks.js";
import { billingProblems, renderedBlocks } from "../../../support/rendered-billing.js";
import { exampleGoal } from "../../../support/example-goals.js";
import { parsedValue } from "../../../support/sentinel-fixtures.js";
import { testPlan } from "../../../support/sentinel-plan.js";

const now = new Date("2026-11-27T00:00:00Z");

function policyWith(zones: string): ResolvedOrgPolicy {
  const read = readPolicy(`policy:\n  requiredTags: [team]\n${zones}`);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.value;
}

const ZONES = policyWith(
  [
    "  dns:",
    "    hostedZones:",
    "      - { domain: example.com, zoneId: Z0123456789ABCDEFGHIJ }",
    "      - { domain: shop.example.com, zoneId: Z0SHOP }",
  ].join("\n"),
);
const NO_ZONES = policyWith("");

const webApi = exampleGoal("goal-web-api.json");
const site = exampleGoal("goal-static-site.yaml");

function withDomain(goal: GoalStatement, domain: string, workload: Partial<GoalStatement["workload"]> = {}) {
  return { ...goal, workload: { ...goal.workload, ...workload, domain } };
}

function planned(goal: GoalStatement, policy = ZONES): PlanSpec {
  const outcome = designGoal(goal, policy, { now });
  if (outcome.kind !== "PlanSpec") throw new Error(JSON.stringify(outcome.value.reasons));
  return outcome.value;
}

function blocked(goal: GoalStatement, policy = ZONES): DesignBlocked {
  const outcome = designGoal(goal, policy, { now });
  if (outcome.kind !== "DesignBlocked") throw new Error(`${goal.name}: designed, not blocked`);
  return outcome.value;
}

function tf(spec: PlanSpec, policy = ZONES): Map<string, string> {
  return new Map(renderStack(spec, { policy }).files.map((f) => [f.path.split("/").pop()!, f.content]));
}

describe("the hosted zone of a name: the longest zone it lies in", () => {
  const zones = [
    { domain: "example.com", zoneId: "ZA" },
    { domain: "shop.example.com", zoneId: "ZB" },
  ];
  it.each<[string, string | undefined]>([
    ["api.example.com", "ZA"],
    ["example.com", "ZA"],
    ["cart.shop.example.com", "ZB"],
    ["shop.example.com", "ZB"],
    ["badexample.com", undefined],
    ["api.example.org", undefined],
  ])("%s → %s", (name, zoneId) => {
    expect(hostedZoneFor(name, zones)?.zoneId).toBe(zoneId);
    expect(hostedZoneFor(name, [...zones].reverse())?.zoneId).toBe(zoneId);
  });
});

describe("Atlas designs a domain on the front door", () => {
  it.each<[string, GoalStatement, string, string, string]>([
    [
      "a web-api",
      withDomain(webApi, "api.example.com"),
      "load-balancer",
      "Z0123456789ABCDEFGHIJ",
      "example.com",
    ],
    ["a static site", withDomain(site, "docs.shop.example.com"), "cdn", "Z0SHOP", "shop.example.com"],
  ])(
    "%s: certificate and alias in the zone, Route 53 first on the path, nothing added to the bill",
    (_n, goal, target, zoneId, zone) => {
      const spec = planned(goal);
      const without = planned({ ...goal, workload: { ...goal.workload, domain: undefined } });
      const domain = spec.components.find((c) => c.kind === "domain");
      expect(domain).toMatchObject({
        id: "domain",
        params: { name: goal.workload.domain, hostedZoneId: zoneId, targets: [target] },
        dependsOn: [target],
      });
      expect(spec.availability.path[0]).toEqual({
        component: "domain",
        availability: 100,
        sla: 100,
        source: "https://aws.amazon.com/route53/sla/",
        basis: "Route 53 answering DNS queries for the hosted zone's records",
      });
      expect(spec.availability.composite).toBe(without.availability.composite);
      expect(spec.availability.path.slice(1)).toEqual(without.availability.path);
      const line = spec.cost.lines.find((l) => l.component === "domain");
      expect(line).toMatchObject({ item: "dns", monthlyUsd: 0 });
      expect(line!.basis).toContain("certificate-manager/pricing/");
      expect(line!.basis).toContain(`the hosted zone ${zone} ($0.5/month) is the organisation's`);
      expect(spec.cost.monthlyUsd).toBe(without.cost.monthlyUsd);
      expect(spec.risks.filter((r) => r.component === "domain").map((r) => r.severity)).toEqual([
        "medium",
        "low",
      ]);
      expect(spec.alternatives.at(-1)).toMatchObject({
        decision: "certificate validation",
        rejected: "email validation",
        monthlyUsdDelta: 0,
      });
      expect(without.alternatives.map((a) => a.decision)).not.toContain("certificate validation");
      expect(spec.diagram.mermaid).toContain(`domain -.->|alias| ${target === "cdn" ? "cdn" : "lb"}`);
      expect(checkPlanSpecForRender(spec)).toEqual([]);
    },
  );

  it.each([
    ["low", 5],
    ["medium", 400],
    ["high", 4000],
  ])(
    "adds nothing to the bill at %s traffic (%i rps peak): alias queries to AWS resources are free",
    (_l, peak) => {
      const goal = { ...withDomain(webApi, "api.example.com"), traffic: { peakRps: peak } };
      const spec = planned({ ...goal, budget: { monthlyUsd: 20_000 } });
      expect(spec.cost.lines.filter((l) => l.component === "domain").map((l) => l.monthlyUsd)).toEqual([0]);
      expect(spec.cost.lines.find((l) => l.component === "domain")!.basis).toContain(
        "alias queries for api.example.com to the load balancer: free",
      );
    },
  );

  it("the load balancer serves HTTPS with the domain's certificate and redirects HTTP; no certificate variable", async () => {
    const spec = planned(withDomain(webApi, "api.example.com"));
    const lb = spec.components.find((c) => c.kind === "load-balancer")!;
    expect(lb.rationale).toContain("the ACM certificate for api.example.com (the domain component)");
    const files = tf(spec);
    expect(files.get("load-balancer.tf")).toContain("certificate_arn = module.domain.acm_certificate_arn");
    expect(files.get("load-balancer.tf")).toMatch(/redirect = \{\s+port\s+= "443"/);
    expect(files.get("variables.tf") ?? "").not.toContain("acm_certificate_arn");
    expect(files.get("domain.tf")).toContain("evaluate_target_health = true");
    expect(files.get("domain.tf")).not.toContain("providers");
    expect(files.get("outputs.tf")).toContain(
      `The DNS name of ${lb.id}, which api.example.com's alias record points to.`,
    );
    const blocks = renderedBlocks(
      (await parseStack(renderStack(spec, { policy: ZONES }))).map((f) => f.body),
    );
    expect(billingProblems(blocks, spec.cost)).toEqual([]);
  });

  it("a static site's certificate is made in us-east-1, and CloudFront answers on the name (A and AAAA)", () => {
    const files = tf(planned({ ...withDomain(site, "docs.example.com"), region: "eu-west-1" }));
    expect(files.get("providers.tf")).toContain(
      "# CloudFront takes web ACLs and certificates made in us-east-1 only.",
    );
    expect(files.get("domain.tf")).toMatch(/providers = \{\s+aws = aws\.us_east_1\s+\}/);
    expect(files.get("domain.tf")).toContain('for_each = toset(["A", "AAAA"])');
    expect(files.get("domain.tf")).toContain("evaluate_target_health = false");
    expect(files.get("cdn.tf")).toContain('aliases = ["docs.example.com"]');
    expect(files.get("cdn.tf")).toContain("acm_certificate_arn      = module.domain.acm_certificate_arn");
    expect(files.get("cdn.tf")).not.toContain("cloudfront_default_certificate");
  });

  it("Sentinel's offline estimate prices the domain's resources as Atlas does: nothing billed, nothing unpriced", () => {
    const plan = testPlan({
      region: "us-east-1",
      changes: [
        { address: "module.domain.aws_acm_certificate.this[0]", after: {} },
        { address: "module.domain.aws_acm_certificate_validation.this[0]", after: {} },
        { address: 'module.domain.aws_route53_record.validation["www.example.com"]', after: {} },
        { address: 'aws_route53_record.domain["A"]', after: {} },
        { address: 'aws_route53_record.domain["AAAA"]', after: {} },
      ],
    });
    const estimate = estimateCost(
      parsedValue(parseTerraformPlan(JSON.stringify(plan), { file: "plan.json" })),
    );
    expect([estimate.monthlyUsd, estimate.lines, estimate.unpriced, estimate.usageOnly]).toEqual([
      0,
      [],
      [],
      [],
    ]);
  });
});

describe("a domain Atlas cannot design is blocked, naming workload.domain", () => {
  it("a name outside every zone the policy lists: the zones, and a name in one", () => {
    const b = blocked(withDomain(webApi, "api.example.org"));
    expect(b.reasons).toEqual([
      {
        code: "domain-not-in-zone",
        message:
          "workload.domain api.example.org is in none of the hosted zones the policy lists (example.com, shop.example.com), so Atlas cannot validate its certificate or add its record",
        field: "workload.domain",
      },
    ]);
    expect(b.suggestions).toContainEqual(
      expect.objectContaining({ field: "workload.domain", value: "api.example.com" }),
    );
    expect(planned(withDomain(webApi, "api.example.com")).kind).toBe("PlanSpec");
  });

  it("no zones in the policy: names policy.dns.hostedZones", () => {
    const b = blocked(withDomain(site, "docs.example.com"), NO_ZONES);
    expect(b.reasons.map((r) => [r.code, r.field])).toEqual([["domain-not-in-zone", "workload.domain"]]);
    expect(b.reasons[0]!.message).toContain("the policy lists none (policy.dns.hostedZones)");
    expect(b.suggestions.map((s) => s.field)).toEqual(
      expect.arrayContaining(["policy.dns.hostedZones", "workload.domain"]),
    );
  });

  it("an internal API: a private hosted zone is not designed, and a public record would leak private addresses", () => {
    const goal = withDomain(webApi, "admin.example.com", { exposure: "internal" });
    const b = blocked({ ...goal, compliance: [] });
    expect(b.reasons.map((r) => [r.code, r.field])).toEqual([["not-in-catalog", "workload.domain"]]);
    expect(b.reasons[0]!.message).toContain("private hosted zone");
    expect(b.suggestions).toContainEqual(
      expect.objectContaining({ field: "workload.exposure", value: "public" }),
    );
    const publicGoal = {
      ...goal,
      compliance: [],
      workload: { ...goal.workload, exposure: "public" as const },
    };
    expect(planned(publicGoal).components.map((c) => c.kind)).toContain("domain");
  });

  it("a serverless API takes its domain on the HTTP API, and Forge renders the certificate and the alias", () => {
    const goal: GoalStatement = {
      ...webApi,
      compliance: [],
      slo: { availability: 99.5 },
      workload: {
        type: "serverless-api",
        runtime: "nodejs22.x",
        handler: "index.handler",
        domain: "api.example.com",
      },
      data: undefined,
    };
    const spec = planned(goal);
    const api = spec.components.find((c) => c.kind === "http-api")!;
    expect(spec.components.find((c) => c.kind === "domain")).toMatchObject({
      params: { name: "api.example.com", hostedZoneId: "Z0123456789ABCDEFGHIJ", targets: [api.id] },
      dependsOn: [api.id],
    });
    expect(
      spec.cost.lines.filter((l) => l.component === "domain").map((l) => [l.item, l.monthlyUsd]),
    ).toEqual([["dns", 0]]);
    expect(spec.availability.path.map((p) => p.component)).toContain("domain");
    const files = tf(spec);
    expect(files.get("domain.tf")).toContain(`module.${api.id}.domain_name_target_domain_name`);
    expect(files.get(`${api.id}.tf`)).toMatch(
      /domain_name_certificate_arn = module\.domain\.acm_certificate_arn/,
    );
  });
});

describe("a domain asked in the summary", () => {
  const summary = "Checkout API served on api.example.com with a custom domain";
  it.each<[string, string | undefined, string | undefined]>([
    ["with workload.domain naming it: designs", "api.example.com", undefined],
    ["without workload.domain: set it", undefined, "api.example.com"],
    [
      "with workload.domain naming another host: set it to the summary's",
      "pay.example.com",
      "api.example.com",
    ],
  ])("%s", (_n, domain, fix) => {
    const goal = { ...webApi, summary, workload: { ...webApi.workload, domain } };
    if (fix === undefined) {
      expect(planned(goal).components.map((c) => c.id)).toContain("domain");
      return;
    }
    const b = blocked(goal);
    expect(b.reasons.map((r) => [r.code, r.field])).toEqual([["summary-ask-unmet", "workload.domain"]]);
    expect(b.suggestions).toContainEqual({
      message: `set workload.domain to ${fix}`,
      field: "workload.domain",
      value: fix,
    });
  });
});
