import { describe, expect, it } from "vitest";
import {
  checkInterfaces,
  checkPlanSpecForRender,
  MODULE_LIST,
  RENDERED_KINDS,
  renderStack,
  RESOURCE_LIST,
} from "../../../app/agents/forge/index.js";
import type { PlanSpec } from "../../../app/contracts/generated/index.js";
import type { Component } from "../../../app/contracts/generated/plan-spec.js";
import { formatProblem } from "../../../app/contracts/problem.js";
import { loadPlanSpec, loadPolicy, parseStack } from "../../support/forge-stacks.js";

const base = (): PlanSpec => structuredClone(loadPlanSpec("test/fixtures/forge/plan-spec-checkout-api.json"));
const byId = (spec: PlanSpec, id: string): Component => spec.components.find((c) => c.id === id)!;

describe("checkPlanSpecForRender", () => {
  it("passes every fixture", () => {
    for (const file of ["plan-spec-checkout-api", "plan-spec-ledger-api", "plan-spec-docs-site"]) {
      expect(checkPlanSpecForRender(loadPlanSpec(`test/fixtures/forge/${file}.json`))).toEqual([]);
    }
  });

  it.each<[string, (spec: PlanSpec) => void, string]>([
    [
      "a kind Forge does not render",
      (s) => s.components.push({ id: "fn", kind: "secret", params: {}, dependsOn: [], rationale: "r" }),
      `components[7].kind: Forge v0 does not render secret components yet (it renders ${RENDERED_KINDS.join(", ")})`,
    ],
    [
      "a dependsOn naming nothing",
      (s) => (byId(s, "app").dependsOn[1] = "lbb"),
      'components[2].dependsOn[1]: names no component ("lbb"); did you mean "lb"?',
    ],
    [
      "a duplicate id",
      (s) => (byId(s, "uploads").id = "cache"),
      'components[5].id: "cache" is used by another component already',
    ],
    [
      "an id taking a stack file",
      (s) => (byId(s, "app-logs").id = "outputs"),
      'components[6].id: "outputs" would write outputs.tf, which Forge writes for the stack; pick another id',
    ],
    [
      "an id taking a shared Terraform name",
      (s) => (byId(s, "app-logs").id = "encryption"),
      'components[6].id: "encryption" gives the Terraform name encryption, which Forge\'s shared resources in main.tf has; pick another id',
    ],
    [
      "two ids giving one Terraform name",
      (s) => (byId(s, "app-logs").id = "db-security-group"),
      'components[6].id: "db-security-group" gives the Terraform name db_security_group, which component "db" has; pick another id',
    ],
    [
      "NAT gateways between 1 and the AZ count",
      (s) => ((byId(s, "network") as Extract<Component, { kind: "network" }>).params.natGateways = 2),
      "components[0].params.natGateways: must be 0, 1 (shared) or 3 (one per AZ) (got 2)",
    ],
    [
      "no NAT gateway for container services",
      (s) => ((byId(s, "network") as Extract<Component, { kind: "network" }>).params.natGateways = 0),
      "components[0].params.natGateways: must be at least 1: the container services, tasks and nodes pull their images over the internet",
    ],
    [
      "a CIDR too small for the AZs",
      (s) =>
        Object.assign((byId(s, "network") as Extract<Component, { kind: "network" }>).params, {
          cidr: "10.0.0.0/24",
          azCount: 6,
        }),
      "components[0].params.cidr: 10.0.0.0/24 is too small for 6 AZs: each subnet would be a /29, and AWS's smallest is a /28",
    ],
    [
      "a load balancer linked to no service",
      (s) => (byId(s, "app").dependsOn = ["network", "db", "cache", "uploads", "app-logs"]),
      "components[1].dependsOn: a load balancer forwards to exactly one container-service, linked by dependsOn either way (found 0)",
    ],
    [
      "a task size Fargate lacks",
      (s) => ((byId(s, "app") as Extract<Component, { kind: "container-service" }>).params.memoryMb = 1024),
      "components[2].params.memoryMb: 1024 MiB is not a Fargate size for 1 vCPU",
    ],
    [
      "a desired count outside min and max",
      (s) => ((byId(s, "app") as Extract<Component, { kind: "container-service" }>).params.desiredCount = 20),
      "components[2].params.desiredCount: must lie between minCount 3 and maxCount 12 (got 20)",
    ],
    [
      "a port other than the target port",
      (s) => ((byId(s, "app") as Extract<Component, { kind: "container-service" }>).params.port = 9090),
      "components[2].params.port: must equal lb's targetPort 8080 (got 9090)",
    ],
    [
      "queue scaling without a queue",
      (s) =>
        ((byId(s, "app") as Extract<Component, { kind: "container-service" }>).params.scaling.metric =
          "queue-depth"),
      "components[2].params.scaling.metric: queue-depth needs exactly one linked queue",
    ],
    [
      "an engine version that is no version",
      (s) => ((byId(s, "db") as Extract<Component, { kind: "database" }>).params.engineVersion = "latest"),
      'components[3].params.engineVersion: is not a postgres version such as 17 (got "latest")',
    ],
    [
      "RDS with readers",
      (s) => ((byId(s, "db") as Extract<Component, { kind: "database" }>).params.instances = 2),
      "components[3].params.instances: an RDS instance is 1 (use flavor aurora for readers) (got 2)",
    ],
    [
      "a CDN whose origin is not a bucket",
      (s) =>
        s.components.push({
          id: "edge",
          kind: "cdn",
          params: { origin: "lb", priceClass: "PriceClass_100" },
          dependsOn: [],
          rationale: "r",
        }),
      'components[7].params.origin: must name an object-storage component (got "lb")',
    ],
    [
      "a service without a network",
      (s) => (s.components = s.components.filter((c) => c.kind !== "network")),
      "components[0].kind: a load-balancer needs a network component to run in; add one",
    ],
  ])("reports %s", (_name, mutate, message) => {
    const spec = base();
    mutate(spec);
    expect(checkPlanSpecForRender(spec).map(formatProblem)).toContain(message);
  });

  it("makes renderStack refuse a PlanSpec it cannot render, as a programming error", () => {
    const spec = base();
    byId(spec, "app").dependsOn = [];
    expect(() => renderStack(spec, { policy: loadPolicy(undefined) })).toThrow(
      /internal: renderStack was given a PlanSpec it cannot render/,
    );
  });
});

describe("the interface check on a rendered stack", () => {
  it("catches a misspelt module input and an unknown nested attribute", async () => {
    const stack = renderStack(base(), { policy: loadPolicy(undefined) });
    const broken = {
      files: stack.files.map((f) =>
        f.path.endsWith("/lb.tf")
          ? {
              ...f,
              content: f.content
                .replace("drop_invalid_header_fields", "drop_invalid_headers")
                .replace("deregistration_delay", "deregistration_delai"),
            }
          : f,
      ),
    };
    const problems = checkInterfaces(await parseStack(broken), {
      modules: MODULE_LIST,
      resources: RESOURCE_LIST,
    }).map(formatProblem);
    expect(problems).toEqual([
      'infra/checkout-api/lb.tf: module.lb: input "drop_invalid_headers" is not declared (did you mean "drop_invalid_header_fields"?)',
      'infra/checkout-api/lb.tf: module.lb.target_groups.app: attribute "deregistration_delai" is not declared (did you mean "deregistration_delay"?)',
    ]);
  });
});
