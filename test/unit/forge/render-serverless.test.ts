import { describe, expect, it } from "vitest";
import {
  checkInterfaces,
  checkPlanSpecForRender,
  MODULE_LIST,
  renderStack,
  RESOURCE_LIST,
} from "../../../app/agents/forge/index.js";
import type { PlanSpec } from "../../../app/contracts/generated/index.js";
import { formatProblem } from "../../../app/contracts/problem.js";
import { loadPlanSpec, loadPolicy, parseStack } from "../../support/forge-stacks.js";

/** The orders-api example as a zip-packaged, public API without a domain. */
function variant(): PlanSpec {
  const spec = structuredClone(loadPlanSpec("schemas/examples/plan-spec-orders-api.json"));
  spec.components = spec.components.filter((c) => c.kind !== "domain");
  for (const c of spec.components) {
    if (c.kind === "function") {
      delete c.params.image;
      c.params.runtime = "nodejs22.x";
      c.params.handler = "index.handler";
    }
    if (c.kind === "http-api") {
      c.params.auth = "none";
      delete c.params.jwt;
    }
  }
  return spec;
}

const fileOf = (spec: PlanSpec, name: string): string =>
  renderStack(spec, { policy: loadPolicy(undefined) }).files.find((f) => f.path.endsWith(`/${name}`))!
    .content;

describe("the serverless renderers", () => {
  it("takes a zip package's bucket and key as inputs of the stack", () => {
    const handler = fileOf(variant(), "handler.tf");
    expect(handler).toContain('runtime        = "nodejs22.x"');
    expect(handler).toMatch(
      /s3_existing_package = \{\n\s+bucket = var\.handler_package_bucket\n\s+key\s+= var\.handler_package_key/,
    );
    expect(handler).not.toContain("image_uri");
    expect(fileOf(variant(), "variables.tf")).toContain('variable "handler_package_key"');
  });

  it("keeps the execute-api endpoint and creates no domain name without a domain", () => {
    const api = fileOf(variant(), "api.tf");
    expect(api).toContain("create_domain_name = false");
    expect(api).not.toContain("authorization_type");
    expect(fileOf(variant(), "outputs.tf")).toContain("value       = module.api.api_endpoint");
  });

  it("marks a public API's missing authorization as a deliberate exception, and only then", () => {
    expect(fileOf(variant(), "api.tf")).toContain("#checkov:skip=CKV_AWS_309:");
    const jwt = loadPlanSpec("schemas/examples/plan-spec-orders-api.json");
    expect(fileOf(jwt, "api.tf")).not.toContain("CKV_AWS_309");
  });

  it("matches the vendored interfaces in the variant too", async () => {
    const parsed = await parseStack(renderStack(variant(), { policy: loadPolicy(undefined) }));
    expect(
      checkInterfaces(parsed, { modules: MODULE_LIST, resources: RESOURCE_LIST }).map(formatProblem),
    ).toEqual([]);
  });
});

describe("a domain in front of a load balancer", () => {
  function withDomain(): PlanSpec {
    const spec = structuredClone(loadPlanSpec("test/fixtures/forge/plan-spec-checkout-api.json"));
    spec.components.push({
      id: "www",
      kind: "domain",
      params: { name: "shop.example.com", hostedZoneId: "Z0123456789ABCDEFGHIJ", targets: ["lb"] },
      dependsOn: ["lb"],
      rationale: "The shop on its own name.",
    });
    return spec;
  }

  it("serves the domain's certificate and takes none as an input, with an alias record to the ALB", async () => {
    const stack = renderStack(withDomain(), { policy: loadPolicy(undefined) });
    const file = (name: string): string => stack.files.find((f) => f.path.endsWith(`/${name}`))!.content;
    expect(file("lb.tf")).toContain("certificate_arn = module.www.acm_certificate_arn");
    expect(file("variables.tf")).not.toContain("acm_certificate_arn");
    expect(file("www.tf")).toMatch(/name\s+= module\.lb\.dns_name\n\s+zone_id\s+= module\.lb\.zone_id/);
    const parsed = await parseStack(stack);
    expect(
      checkInterfaces(parsed, { modules: MODULE_LIST, resources: RESOURCE_LIST }).map(formatProblem),
    ).toEqual([]);
  });

  it("refuses a domain for an internal load balancer", () => {
    const spec = withDomain();
    for (const c of spec.components) if (c.kind === "load-balancer") c.params.scheme = "internal";
    expect(checkPlanSpecForRender(spec).map(formatProblem)).toContain(
      'components[7].params.targets[0]: must name an http-api, a cdn or an internet-facing load-balancer component (got "lb", a load-balancer)',
    );
  });

  it("still takes the certificate as an input without one", () => {
    const spec = loadPlanSpec("test/fixtures/forge/plan-spec-checkout-api.json");
    expect(fileOf(spec, "variables.tf")).toContain('variable "acm_certificate_arn"');
  });
});
