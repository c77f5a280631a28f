import { describe, expect, it } from "vitest";
import { checkPlanSpecForRender } from "../../../app/agents/forge/index.js";
import type { PlanSpec } from "../../../app/contracts/generated/index.js";
import type { Component } from "../../../app/contracts/generated/plan-spec.js";
import { formatProblem } from "../../../app/contracts/problem.js";
import { loadPlanSpec } from "../../support/forge-stacks.js";

const EXAMPLES = ["plan-spec-orders-api"];

const example = (name: string): PlanSpec => structuredClone(loadPlanSpec(`schemas/examples/${name}.json`));
const byId = <K extends Component["kind"]>(
  spec: PlanSpec,
  id: string,
  kind: K,
): Extract<Component, { kind: K }> => {
  const c = spec.components.find((o) => o.id === id);
  if (c?.kind !== kind) throw new Error(`${id} is not a ${kind}`);
  return c as Extract<Component, { kind: K }>;
};

describe("checkPlanSpecForRender on the new shapes", () => {
  it.each(EXAMPLES)("passes the %s example", (name) => {
    expect(checkPlanSpecForRender(example(name)).map(formatProblem)).toEqual([]);
  });

  it.each<[string, string, (spec: PlanSpec) => void, string]>([
    [
      "an HTTP API with no function",
      "plan-spec-orders-api",
      (s) => {
        byId(s, "api", "http-api").dependsOn = [];
      },
      "components[2].dependsOn: an HTTP API invokes exactly one function, linked by dependsOn either way (found 0)",
    ],
    [
      "a JWT API without its issuer",
      "plan-spec-orders-api",
      (s) => {
        delete byId(s, "api", "http-api").params.jwt;
      },
      "components[2].params.jwt: auth jwt needs the issuer and audience",
    ],
    [
      "a global table",
      "plan-spec-orders-api",
      (s) => {
        byId(s, "orders", "key-value-store").params.replicaRegions = ["eu-central-1"];
      },
      "components[0].params.replicaRegions: Forge does not render DynamoDB global tables yet; leave replicaRegions out",
    ],
    [
      "a domain whose target is not an HTTP API",
      "plan-spec-orders-api",
      (s) => {
        byId(s, "domain", "domain").params.targets = ["orders"];
      },
      'components[3].params.targets[0]: must name an http-api component (got "orders", a key-value-store)',
    ],
    [
      "a domain with two targets",
      "plan-spec-orders-api",
      (s) => {
        byId(s, "domain", "domain").params.targets = ["api", "api-2"];
        s.components.push({ ...byId(s, "api", "http-api"), id: "api-2" });
      },
      "components[3].params.targets: Forge renders a domain for one target so far (two regions come later); name one",
    ],
    [
      "two domains for one API",
      "plan-spec-orders-api",
      (s) => {
        s.components.push({ ...byId(s, "domain", "domain"), id: "www" });
      },
      "components[3].params.targets: another domain serves this target already",
    ],
  ])("refuses %s", (_name, file, change, message) => {
    const spec = example(file);
    change(spec);
    expect(checkPlanSpecForRender(spec).map(formatProblem)).toContain(message);
  });
});
