import { describe, expect, it } from "vitest";
import {
  checkInterfaces,
  checkPlanSpecForRender,
  MODULE_LIST,
  renderStack,
  RESOURCE_LIST,
} from "../../../app/agents/forge/index.js";
import type { PlanSpec } from "../../../app/contracts/generated/index.js";
import type { Component } from "../../../app/contracts/generated/plan-spec.js";
import { formatProblem } from "../../../app/contracts/problem.js";
import { loadPlanSpec, loadPolicy, parseStack } from "../../support/forge-stacks.js";

type Of<K extends Component["kind"]> = Extract<Component, { kind: K }>;
const byId = <K extends Component["kind"]>(spec: PlanSpec, id: string, _kind: K): Of<K> =>
  spec.components.find((c) => c.id === id) as Of<K>;

/** orders-api over eu-west-1 and eu-central-1: one global table, a function and an HTTP API in each region. */
function twoRegionOrders(): PlanSpec {
  const spec = structuredClone(loadPlanSpec("schemas/examples/plan-spec-orders-api.json"));
  spec.regions = ["eu-west-1", "eu-central-1"];
  byId(spec, "orders", "key-value-store").params.replicaRegions = ["eu-central-1"];
  const handler = byId(spec, "handler", "function");
  const api = byId(spec, "api", "http-api");
  spec.components.push(
    {
      ...structuredClone(handler),
      id: "handler-secondary",
      region: "eu-central-1",
      params: {
        ...handler.params,
        image: "123456789012.dkr.ecr.eu-central-1.amazonaws.com/orders-api:1.8.2",
      },
    },
    {
      ...structuredClone(api),
      id: "api-secondary",
      region: "eu-central-1",
      dependsOn: ["handler-secondary"],
    },
  );
  return spec;
}

const render = (spec: PlanSpec) =>
  renderStack(spec, { policy: loadPolicy("schemas/examples/infracrew.yml") });
const file = (spec: PlanSpec, name: string): string =>
  render(spec).files.find((f) => f.path.endsWith(`/${name}`))!.content;

describe("a DynamoDB global table", () => {
  it("renders a replica in the secondary with its region's key, point-in-time recovery and the stream replication needs", () => {
    const spec = twoRegionOrders();
    expect(checkPlanSpecForRender(spec).map(formatProblem)).toEqual([]);
    const table = file(spec, "orders.tf");
    expect(table).toContain('stream_view_type = "NEW_AND_OLD_IMAGES"');
    expect(table).toMatch(
      /replica_regions = \[\n\s+\{\n\s+region_name\s+= "eu-central-1"\n\s+kms_key_arn\s+= module\.encryption_secondary\.key_arn\n\s+point_in_time_recovery = true\n\s+propagate_tags\s+= true/,
    );
    expect(table).not.toContain("aws.secondary");
  });

  it("lets the secondary's function use the replica in its own region, by the replica's ARN", () => {
    const handler = file(twoRegionOrders(), "handler-secondary.tf");
    expect(handler).toContain("aws = aws.secondary");
    expect(handler).toContain("ORDERS_TABLE = module.orders.dynamodb_table_id");
    expect(handler).toContain('replace(module.orders.dynamodb_table_arn, ":eu-west-1:", ":eu-central-1:")');
    expect(handler).toContain("module.encryption_secondary.key_arn");
  });

  it("parses, and every module call and resource matches its vendored interface", async () => {
    const parsed = await parseStack(render(twoRegionOrders()));
    expect(
      checkInterfaces(parsed, { modules: MODULE_LIST, resources: RESOURCE_LIST }).map(formatProblem),
    ).toEqual([]);
  });

  it("refuses a function in the secondary whose image is in the primary's ECR", () => {
    const spec = twoRegionOrders();
    byId(spec, "handler-secondary", "function").params.image =
      "123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders-api:1.8.2";
    expect(checkPlanSpecForRender(spec).map(formatProblem)).toEqual([
      "components[4].params.image: Lambda takes an image from ECR in its own region only: push it to eu-central-1 too (got an image in eu-west-1)",
    ]);
  });

  it("serves a domain over two HTTP APIs: Route 53 follows each region's 5xx alarm, by latency when active-active", async () => {
    const spec = twoRegionOrders();
    spec.multiRegion = { mode: "active-active" };
    byId(spec, "domain", "domain").params.targets = ["api", "api-secondary"];
    expect(checkPlanSpecForRender(spec).map(formatProblem)).toEqual([]);
    const domain = file(spec, "domain.tf");
    expect(domain.match(/module "domain_(primary|secondary)_errors"/g)).toEqual([
      'module "domain_primary_errors"',
      'module "domain_secondary_errors"',
    ]);
    expect(domain).toContain('expression  = "IF(requests > 0, 100 * errors / requests, 0)"');
    expect(domain).toContain("ApiId = module.api_secondary.api_id");
    expect(domain).toMatch(
      /type\s+= "CLOUDWATCH_METRIC"\n\s+cloudwatch_alarm_name\s+= module\.domain_secondary_errors\.cloudwatch_metric_alarm_id\n\s+cloudwatch_alarm_region\s+= "eu-central-1"/,
    );
    expect(domain.match(/latency_routing_policy/g)).toHaveLength(2);
    expect(domain).toContain("name                   = module.api_secondary.domain_name_target_domain_name");
    const parsed = await parseStack(render(spec));
    expect(
      checkInterfaces(parsed, { modules: MODULE_LIST, resources: RESOURCE_LIST }).map(formatProblem),
    ).toEqual([]);
  });
});
