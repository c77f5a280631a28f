import { describe, expect, it } from "vitest";
import { checkPlanSpecForRender } from "../../../app/agents/forge/index.js";
import type { PlanSpec } from "../../../app/contracts/generated/index.js";
import type { Component } from "../../../app/contracts/generated/plan-spec.js";
import { formatProblem } from "../../../app/contracts/problem.js";
import { loadPlanSpec } from "../../support/forge-stacks.js";

const EXAMPLES = [
  "plan-spec-orders-api",
  "plan-spec-nightly-report",
  "plan-spec-platform-eks",
  "plan-spec-clickstream",
  "plan-spec-payment-events",
  "plan-spec-vision-api",
];

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
      "a global table in a one-region PlanSpec",
      "plan-spec-orders-api",
      (s) => {
        byId(s, "orders", "key-value-store").params.replicaRegions = ["eu-central-1"];
      },
      "components[0].params.replicaRegions: a DynamoDB global table needs two regions: set regions to [primary, secondary]",
    ],
    [
      "a domain whose target is not an HTTP API",
      "plan-spec-orders-api",
      (s) => {
        byId(s, "domain", "domain").params.targets = ["orders"];
      },
      'components[3].params.targets[0]: must name an http-api, a cdn or an internet-facing load-balancer component (got "orders", a key-value-store)',
    ],
    [
      "a domain with two targets in a one-region PlanSpec",
      "plan-spec-orders-api",
      (s) => {
        byId(s, "domain", "domain").params.targets = ["api", "api-2"];
        s.components.push({ ...byId(s, "api", "http-api"), id: "api-2" });
      },
      "components[3].params.targets: two targets are one per region of a two-region PlanSpec; set regions or name one target",
    ],
    [
      "two domains for one API",
      "plan-spec-orders-api",
      (s) => {
        s.components.push({ ...byId(s, "domain", "domain"), id: "www" });
      },
      "components[3].params.targets: another domain serves this target already",
    ],
    [
      "a scheduled task of a size Fargate does not run",
      "plan-spec-nightly-report",
      (s) => {
        byId(s, "report", "scheduled-task").params.memoryMb = 1024;
      },
      "components[2].params.memoryMb: 1024 MiB is not a Fargate size for 1 vCPU",
    ],
    [
      "a scheduled task with no network",
      "plan-spec-nightly-report",
      (s) => {
        s.components = s.components.filter((c) => c.kind !== "network");
      },
      "components[1].kind: a scheduled-task needs a network component to run in; add one",
    ],
    [
      "a scheduled task without a NAT gateway to pull its image",
      "plan-spec-nightly-report",
      (s) => {
        const network = s.components[0]!;
        if (network.kind === "network") network.params.natGateways = 0;
      },
      "components[0].params.natGateways: must be at least 1: the container services, tasks and nodes pull their images over the internet",
    ],
    [
      "a component whose Terraform name a scheduled task takes",
      "plan-spec-nightly-report",
      (s) => {
        s.components.push({ ...byId(s, "reports", "object-storage"), id: "report-runner" });
      },
      'components[3].id: "report-runner" gives the Terraform name report_runner, which component "report" has; pick another id',
    ],
    [
      "a node group mixing Graviton and x86 types",
      "plan-spec-platform-eks",
      (s) => {
        byId(s, "cluster", "kubernetes-cluster").params.nodeGroups[1]!.instanceTypes = [
          "m7g.xlarge",
          "m7i.xlarge",
        ];
      },
      "components[1].params.nodeGroups[1].instanceTypes: mixes Graviton (arm64) and x86_64 types; a node group runs one AMI, so split them (got m7g.xlarge, m7i.xlarge)",
    ],
    [
      "a node group whose desired size is outside its range",
      "plan-spec-platform-eks",
      (s) => {
        byId(s, "cluster", "kubernetes-cluster").params.nodeGroups[0]!.desired = 5;
      },
      "components[1].params.nodeGroups[0].desired: must lie between min 3 and max 4 (got 5)",
    ],
    [
      "two node groups of one name",
      "plan-spec-platform-eks",
      (s) => {
        byId(s, "cluster", "kubernetes-cluster").params.nodeGroups[1]!.name = "system";
      },
      'components[1].params.nodeGroups[1].name: "system" is used by another node group',
    ],
    [
      "a Kubernetes cluster named cluster next to ECS tasks",
      "plan-spec-platform-eks",
      (s) => {
        const report = byId(example("plan-spec-nightly-report"), "report", "scheduled-task");
        s.components.push({ ...report, dependsOn: ["network"] });
      },
      `components[1].id: "cluster" gives the Terraform name cluster, which Forge's shared resources in main.tf has; pick another id`,
    ],
    [
      "a provisioned Kinesis stream without shards",
      "plan-spec-clickstream",
      (s) => {
        byId(s, "events", "stream").params.mode = "provisioned";
      },
      "components[2].params.shards: a provisioned Kinesis stream needs its shard count",
    ],
    [
      "shards on an on-demand stream",
      "plan-spec-clickstream",
      (s) => {
        byId(s, "events", "stream").params.shards = 4;
      },
      "components[2].params.shards: applies to provisioned mode only; an on-demand stream scales itself",
    ],
    [
      "a delivery to something that is not a bucket",
      "plan-spec-clickstream",
      (s) => {
        byId(s, "events", "stream").params.delivery!.bucket = "consumer";
      },
      'components[2].params.delivery.bucket: must name an object-storage component (got "consumer")',
    ],
    [
      "a Firehose delivery from Kafka",
      "plan-spec-payment-events",
      (s) => {
        byId(s, "bus", "stream").params.delivery = { bucket: "x" };
      },
      "components[1].params.delivery: applies to Kinesis only; leave it out for kafka",
    ],
    [
      "Kafka without a network",
      "plan-spec-payment-events",
      (s) => {
        s.components = s.components.filter((c) => c.kind === "stream");
      },
      "components[0].params.engine: an MSK Serverless cluster needs a network component to run in; add one",
    ],
    [
      "a GPU instance type of another family",
      "plan-spec-vision-api",
      (s) => {
        byId(s, "inference", "container-service").params.gpu!.instanceType = "g6.xlarge";
      },
      "components[2].params.gpu.instanceType: must be a g5 type for nvidia-a10g (got g6.xlarge)",
    ],
    [
      "a GPU task too big for the instance type named",
      "plan-spec-vision-api",
      (s) => {
        const p = byId(s, "inference", "container-service").params;
        p.gpu!.instanceType = "g5.xlarge";
        p.memoryMb = 16384;
      },
      "components[2].params.memoryMb: a task of 4 vCPU, 16384 MiB and 1 GPU does not fit g5.xlarge (one task per instance, 1 GiB kept for the ECS agent)",
    ],
    [
      "a GPU task no instance of the family fits",
      "plan-spec-vision-api",
      (s) => {
        byId(s, "inference", "container-service").params.gpu = { type: "nvidia-t4", count: 8 };
        byId(s, "inference", "container-service").params.cpu = 4;
        byId(s, "inference", "container-service").params.memoryMb = 500000;
      },
      "components[2].params.memoryMb: a task of 4 vCPU, 500000 MiB and 8 GPU does not fit any g4dn instance (one task per instance, 1 GiB kept for the ECS agent)",
    ],
  ])("refuses %s", (_name, file, change, message) => {
    const spec = example(file);
    change(spec);
    expect(checkPlanSpecForRender(spec).map(formatProblem)).toContain(message);
  });
});
