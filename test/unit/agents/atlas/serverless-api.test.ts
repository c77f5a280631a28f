import { describe, expect, it } from "vitest";
import { designGoal } from "../../../../app/agents/atlas/index.js";
import { checkPlanSpecForRender } from "../../../../app/agents/forge/check-plan-spec.js";
import { renderStack } from "../../../../app/agents/forge/index.js";
import { API_GATEWAY_HTTP, DYNAMODB_ON_DEMAND } from "../../../../app/agents/pricing/shape-prices.js";
import { LAMBDA, VPC } from "../../../../app/agents/pricing/unit-prices.js";
import type { DesignBlocked, GoalStatement, PlanSpec } from "../../../../app/contracts/generated/index.js";
import { readGoal } from "../../../../app/contracts/goal-intake.js";
import { validateArtifact } from "../../../../app/contracts/validator.js";
import { examplePolicy } from "../../../support/atlas-policies.js";
import { expectGolden } from "../../../support/golden.js";
import { readRepoFile } from "../../../support/repo-files.js";

const now = new Date("2026-11-27T00:00:00Z");
const policy = examplePolicy();
const SECONDS_PER_MONTH = 2_592_000;

type GoalParts = Partial<Omit<GoalStatement, "workload">> & {
  workload?: Partial<GoalStatement["workload"]>;
};

function goal(parts: GoalParts): GoalStatement {
  const { workload, ...rest } = parts;
  return {
    schemaVersion: "0.1",
    kind: "GoalStatement",
    name: "orders-fn",
    summary: "Orders API on Lambda, orders kept in DynamoDB",
    cloud: "aws",
    region: "us-east-1",
    environment: "prod",
    traffic: { peakRps: 150, avgRps: 12 },
    slo: { availability: 99.5 },
    data: { keyValue: { engine: "dynamodb", storageGb: 25 } },
    budget: { monthlyUsd: 400 },
    tags: { team: "orders" },
    ...rest,
    workload: { type: "serverless-api", runtime: "nodejs22.x", ...workload },
  };
}

function designed(g: GoalStatement): PlanSpec {
  const outcome = designGoal(g, policy, { now });
  if (outcome.kind !== "PlanSpec") throw new Error(JSON.stringify(outcome.value.reasons));
  expect(validateArtifact("PlanSpec", outcome.value).ok).toBe(true);
  return outcome.value;
}

function blocked(g: GoalStatement): DesignBlocked {
  const outcome = designGoal(g, policy, { now });
  if (outcome.kind !== "DesignBlocked") throw new Error(`${g.name}: designed, not blocked`);
  expect(validateArtifact("DesignBlocked", outcome.value).ok).toBe(true);
  return outcome.value;
}

function component<K extends PlanSpec["components"][number]["kind"]>(spec: PlanSpec, kind: K) {
  const found = spec.components.find((c) => c.kind === kind);
  if (!found) throw new Error(`no ${kind}`);
  return found as Extract<PlanSpec["components"][number], { kind: K }>;
}

function line(spec: PlanSpec, c: string, item: string): number {
  const found = spec.cost.lines.find((l) => l.component === c && l.item === item);
  if (!found) throw new Error(`no ${c} ${item} line`);
  return found.monthlyUsd;
}

function example(file: string): GoalStatement {
  const read = readGoal(readRepoFile("examples", file));
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.value.goal;
}

describe("serverless-api sizing: concurrency at peak, reserved with headroom, throttle at what it serves", () => {
  it.each([
    // name, peakRps, durationMs, memoryMb, concurrency at peak, reserved, stage rate limit, burst
    ["low", 5, undefined, undefined, 0.5, 10, 100, 100],
    ["medium", 150, 120, 512, 18, 36, 300, 300],
    ["high", 3000, 100, 2048, 300, 600, 6000, 5000],
  ] as const)("%s traffic", (_n, peakRps, durationMs, memoryMb, atPeak, reserved, rate, burst) => {
    const spec = designed(
      goal({
        traffic: { peakRps, avgRps: peakRps / 100 },
        workload: { ...(durationMs ? { durationMs } : {}), ...(memoryMb ? { memoryMb } : {}) },
        budget: { monthlyUsd: 5000 },
      }),
    );
    expect(spec.capacity).toMatchObject({
      model: "invocation-driven",
      peakRps,
      durationMs: durationMs ?? 100,
      concurrencyAtPeak: atPeak,
      reservedConcurrency: reserved,
      headroom: 1,
    });
    const fn = component(spec, "function");
    expect(fn.params).toMatchObject({
      reservedConcurrency: reserved,
      memoryMb: memoryMb ?? 1024,
      architecture: "x86_64",
      timeoutSeconds: 10,
      handler: "index.handler",
    });
    expect(component(spec, "http-api").params.throttle).toEqual({ rateLimit: rate, burstLimit: burst });
    const assumed = spec.assumptions!.map((a) => a.field);
    expect(assumed.includes("workload.durationMs")).toBe(durationMs === undefined);
    expect(assumed.includes("workload.memoryMb")).toBe(memoryMb === undefined);
    expect(assumed).toEqual(expect.arrayContaining(["workload.architecture", "workload.handler"]));
  });
});

describe("serverless-api cost lines come from the price table", () => {
  const spec = designed(goal({}));
  const requests = (12 * SECONDS_PER_MONTH) / 1e6;
  const gbSeconds = 12 * SECONDS_PER_MONTH * 0.1 * 1;
  const x86 = LAMBDA.regions["us-east-1"]!;
  const dynamo = DYNAMODB_ON_DEMAND.regions["us-east-1"]!;

  it("prices HTTP API requests, Lambda requests and GB-seconds, and deducts the always-free allowance", () => {
    expect(line(spec, "api", "http-api")).toBeCloseTo(
      requests * API_GATEWAY_HTTP.regions["us-east-1"]!.requestsPerMillion,
      2,
    );
    expect(line(spec, "handler", "function")).toBeCloseTo(
      requests * x86.requestsPerMillion + gbSeconds * x86.gbSecondX86,
      2,
    );
    expect(line(spec, "handler", "function-free-tier")).toBeCloseTo(
      -(1 * x86.requestsPerMillion + 400_000 * x86.gbSecondX86),
      2,
    );
    expect(spec.cost.monthlyUsdWithoutFreeTier).toBeCloseTo(
      spec.cost.monthlyUsd - line(spec, "handler", "function-free-tier"),
      2,
    );
  });

  it("prices DynamoDB on demand per request (assumed per request, stated) and its storage", () => {
    const table = component(spec, "key-value-store").params;
    expect([table.monthlyReadsMillions, table.monthlyWritesMillions]).toEqual([31.1, 6.22]);
    expect(line(spec, "items", "key-value-store")).toBeCloseTo(
      31.1 * dynamo.readsPerMillion +
        6.22 * dynamo.writesPerMillion +
        25 * dynamo.storageGbMonth +
        25 * dynamo.pitrGbMonth,
      2,
    );
    expect(spec.assumptions).toContainEqual(
      expect.objectContaining({ field: "data.keyValue.requestsPerRequest" }),
    );
  });

  it("prices egress, logs and the key, and totals the lines", () => {
    expect(line(spec, "api", "internet-egress")).toBeCloseTo(((requests * 1e6 * 8000) / 1e9) * 0.09, 1);
    expect(spec.cost.lines.map((l) => `${l.component} ${l.item}`)).toEqual([
      "items key-value-store",
      "handler function",
      "handler function-free-tier",
      "handler logs",
      "api http-api",
      "api logs",
      "api internet-egress",
      "encryption kms-key",
    ]);
    const sum = spec.cost.lines.reduce((s, l) => s + l.monthlyUsd, 0);
    expect(spec.cost.monthlyUsd).toBeCloseTo(sum, 2);
  });

  it("bills arm64 GB-seconds at the Graviton price", () => {
    const arm = designed(goal({ workload: { architecture: "arm64" } }));
    expect(line(arm, "handler", "function")).toBeCloseTo(
      requests * x86.requestsPerMillion + gbSeconds * x86.gbSecondArm,
      2,
    );
    expect(line(arm, "handler", "function")).toBeLessThan(line(spec, "handler", "function"));
  });
});

describe("serverless-api availability: the SLAs on the request path, honestly multiplied", () => {
  it("HTTP API × Lambda × DynamoDB = 99.89 %, each with its SLA page", () => {
    const spec = designed(goal({}));
    expect(spec.availability.path.map((l) => [l.component, l.sla, l.source])).toEqual([
      ["api", 99.95, "https://aws.amazon.com/api-gateway/sla/"],
      ["handler", 99.95, "https://aws.amazon.com/lambda/sla/"],
      ["items", 99.99, "https://aws.amazon.com/dynamodb/sla/"],
    ]);
    expect(spec.availability.composite).toBe(99.89);
  });

  it("with a database, new execution environments also need the endpoint and Secrets Manager: both on the path", () => {
    const spec = designed(goal({ data: { relational: { engine: "postgres", storageGb: 20 } } }));
    expect(spec.availability.path.map((l) => [l.component, l.sla, l.source])).toEqual([
      ["api", 99.95, "https://aws.amazon.com/api-gateway/sla/"],
      ["handler", 99.95, "https://aws.amazon.com/lambda/sla/"],
      ["network", 99.99, "https://aws.amazon.com/privatelink/sla/"],
      ["secrets-manager", 99.99, "https://aws.amazon.com/secrets-manager/sla/"],
      ["database", 99.95, "https://aws.amazon.com/rds/sla/"],
    ]);
  });

  it("99.9 % is out of reach in one region: blocked with the figure, and 99.5 % suggested and verified", () => {
    const b = blocked(goal({ slo: { availability: 99.9 } }));
    expect(b.reasons).toEqual([
      expect.objectContaining({
        code: "slo-unreachable",
        field: "slo.availability",
        figures: { target: 99.9, bestComposite: 99.89 },
      }),
    ]);
    expect(b.reasons[0]!.message).toContain(
      "reaches at most 99.89 % in one region (the product of the SLAs on its request path, 99.95 % (api) × 99.95 % (handler) × 99.99 % (items)), below the target 99.9 %",
    );
    const suggestion = b.suggestions.find((s) => s.field === "slo.availability");
    expect(suggestion).toMatchObject({ value: 99.5 });
    expect(suggestion!.monthlyUsd).toBe(designed(goal({})).cost.monthlyUsd);
  });
});

describe("serverless-api DesignBlocked names the field, or the capability missing", () => {
  it.each([
    [
      "an image outside ECR",
      goal({ workload: { runtime: undefined, image: "ghcr.io/example/orders:1.0.0" } }),
      "pattern-mismatch",
      "workload.image",
      "Amazon ECR only",
    ],
    [
      "a Java runtime with no handler",
      goal({ workload: { runtime: "java21" } }),
      "pattern-mismatch",
      "workload.handler",
      "cannot assume",
    ],
    [
      "requests longer than API Gateway waits",
      goal({ workload: { durationMs: 45_000 } }),
      "pattern-mismatch",
      "workload.durationMs",
      "30 s integration timeout",
    ],
    [
      "more concurrency than the account's default quota (assumed duration)",
      goal({ traffic: { peakRps: 5000, avgRps: 500 } }),
      "size-cap-exceeded",
      "traffic.peakRps",
      "quota raise is needed",
    ],
    [
      "more concurrency than the account's default quota (the goal's duration)",
      goal({ traffic: { peakRps: 3000, avgRps: 300 }, workload: { durationMs: 200 } }),
      "size-cap-exceeded",
      "workload.durationMs",
      "1,000 concurrent executions per region",
    ],
  ])("%s", (_n, g, code, field, words) => {
    const b = blocked(g);
    expect(b.reasons).toContainEqual(expect.objectContaining({ code, field }));
    expect(b.reasons.find((r) => r.field === field)!.message).toContain(words);
  });

  it("the concurrency block's suggestions are exact: at the suggested peak the design fits the quota", () => {
    const b = blocked(goal({ traffic: { peakRps: 5000, avgRps: 500 } }));
    const lower = b.suggestions.find((s) => s.field === "traffic.peakRps" && s.value !== undefined)!;
    expect(lower.value).toBe(4500);
    const fits = designed(goal({ traffic: { peakRps: 4500, avgRps: 45 }, budget: { monthlyUsd: 5000 } }));
    expect(fits.capacity.reservedConcurrency).toBe(900);
    expect(blocked(goal({ traffic: { peakRps: 4501, avgRps: 450 } })).reasons[0]!.code).toBe(
      "size-cap-exceeded",
    );
  });

  it("an ECR image designs, without a handler", () => {
    const image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:1.0.0";
    const fn = component(designed(goal({ workload: { runtime: undefined, image } })), "function");
    expect(fn.params).toMatchObject({ image });
    expect(fn.params.handler).toBeUndefined();
  });
});

describe("the catalog and the summary no longer block a serverless API", () => {
  it("data.keyValue designs for serverless-api and stays pending for a web-api", () => {
    expect(designGoal(goal({}), policy, { now }).kind).toBe("PlanSpec");
    const web = goal({
      workload: { type: "web-api", runtime: undefined, image: "ghcr.io/example/api:1.0.0" },
    });
    expect(blocked(web).reasons).toContainEqual(
      expect.objectContaining({ code: "not-in-catalog", field: "data.keyValue" }),
    );
  });

  it("a VPN-only serverless API still blocks: the HTTP API is public, and workload.exposure is no fix here", () => {
    const b = blocked(goal({ summary: "Orders API on Lambda, reachable only over the VPN" }));
    expect(b.reasons).toEqual([
      expect.objectContaining({ code: "summary-ask-unmet", field: "workload.exposure" }),
    ]);
    expect(b.reasons[0]!.message).toContain("no private serverless API yet");
    expect(b.suggestions).toEqual([expect.objectContaining({ field: "summary" })]);
  });

  it('"Lambda" and "serverless" in the summary of a serverless-api goal raise no clash', () => {
    const g = goal({ summary: "Serverless orders API on AWS Lambda behind API Gateway" });
    expect(designGoal(g, policy, { now }).kind).toBe("PlanSpec");
  });
});

describe("workload.auth puts an authorizer on the HTTP API's routes", () => {
  const jwt = { type: "jwt" as const, issuer: "https://auth.example.com/", audience: ["orders-api"] };

  it.each([
    ["no auth field", undefined, { auth: "none" }, "medium"],
    ["none, said", { type: "none" as const }, { auth: "none" }, "medium"],
    ["IAM", { type: "iam" as const }, { auth: "iam" }, undefined],
    ["a JWT authorizer", jwt, { auth: "jwt", jwt: { issuer: jwt.issuer, audience: jwt.audience } }, "low"],
  ])("%s", (_name, auth, params, severity) => {
    const g = goal({});
    const spec = designed({ ...g, workload: { ...g.workload, ...(auth ? { auth } : {}) } });
    const api = component(spec, "http-api");
    expect(api.params).toMatchObject(params);
    expect(api.params).not.toHaveProperty(params.auth === "jwt" ? "none" : "jwt");
    expect(spec.risks.find((r) => r.component === "api")?.severity).toBe(severity);
    expect(checkPlanSpecForRender(spec)).toEqual([]);
  });

  it("Forge renders the JWT authorizer on the default route, and no public-API scanner exception", () => {
    const g = goal({});
    const files = renderStack(designed({ ...g, workload: { ...g.workload, auth: jwt } }), { policy }).files;
    const api = files.find((f) => f.path.endsWith("/api.tf"))!.content;
    expect(api).toContain('authorization_type = "JWT"');
    expect(api).toContain('issuer   = "https://auth.example.com/"');
    expect(api).not.toMatch(/skip=CKV_AWS_309/);
  });
});

describe("a function in the VPC reaches its table and buckets through gateway endpoints", () => {
  const both = goal({
    data: {
      keyValue: { engine: "dynamodb" },
      objectStorage: { buckets: ["receipts"] },
      relational: { engine: "postgres", storageGb: 20 },
    },
  });

  it("designs the database, the table and the bucket, with both gateway endpoints and no NAT", () => {
    const spec = designed(both);
    expect(component(spec, "network").params).toMatchObject({
      natGateways: 0,
      s3GatewayEndpoint: true,
      dynamodbGatewayEndpoint: true,
      secretsManagerEndpoint: true,
    });
    expect(component(spec, "function").dependsOn).toEqual(
      expect.arrayContaining(["database", "items", "bucket-receipts"]),
    );
    expect(checkPlanSpecForRender(spec)).toEqual([]);
  });

  it("a database without a table gets no DynamoDB endpoint", () => {
    const spec = designed(goal({ data: { relational: { engine: "postgres", storageGb: 20 } } }));
    expect(component(spec, "network").params).not.toHaveProperty("dynamodbGatewayEndpoint");
  });

  it("Forge opens the function's security group to each endpoint's prefix list on 443, and nothing wider", () => {
    const files = renderStack(designed(both), { policy }).files;
    const text = (name: string) => files.find((f) => f.path.endsWith(`/${name}`))!.content;
    const network = text("network.tf");
    expect(network).toContain('service_name      = "com.amazonaws.us-east-1.dynamodb"');
    expect(network).toContain('service_name      = "com.amazonaws.us-east-1.s3"');
    const handler = text("handler.tf");
    expect(handler).toContain("prefix_list_ids = aws_vpc_endpoint.network_dynamodb.prefix_list_id");
    expect(handler).toContain("prefix_list_ids = aws_vpc_endpoint.network_s3.prefix_list_id");
    expect(handler).toContain(
      "handler: to its database, DynamoDB, S3 and the Secrets Manager endpoint, and nothing else",
    );
    expect(handler).not.toContain("0.0.0.0/0");
  });

  it("Forge refuses such a function when the network lacks an endpoint it needs, naming the param", () => {
    const spec = designed(both);
    const i = spec.components.findIndex((c) => c.kind === "network");
    const network = spec.components[i]!;
    if (network.kind !== "network") throw new Error("network");
    const { dynamodbGatewayEndpoint: _d, ...params } = network.params;
    const without = {
      ...spec,
      components: spec.components.map((c, j) => (j === i ? { ...network, params } : c)),
    };
    expect(checkPlanSpecForRender(without)).toEqual([
      {
        path: `components[${i}].params.dynamodbGatewayEndpoint`,
        message:
          "handler runs in this VPC (it reaches a database) and reaches its DynamoDB tables only through this endpoint: set it to true",
      },
    ]);
  });
});

describe("issue 13's last promise: a $50 dev API gets a design", () => {
  const dev = example("dev-api-50.json");

  it("filed as serverless-api: Lambda in the VPC, a single-AZ db.t4g.micro, no NAT, under the brake", () => {
    const spec = designed(dev);
    expect(spec.cost.monthlyUsd).toBeLessThan(0.8 * 50);
    const network = component(spec, "network");
    expect(network.params).toMatchObject({ natGateways: 0, azCount: 2, secretsManagerEndpoint: true });
    expect(component(spec, "database").params).toMatchObject({
      engine: "postgres",
      instanceClass: "db.t4g.micro",
      multiAz: false,
    });
    expect(component(spec, "function").dependsOn).toEqual(["database"]);
    expect(line(spec, "network", "vpc-endpoint")).toBeCloseTo(
      2 * 730 * VPC.regions["us-east-1"]!.interfaceEndpointHour +
        VPC.regions["us-east-1"]!.interfaceEndpointGb,
      2,
    );
    expect(spec.cost.lines.some((l) => l.item === "nat-gateway")).toBe(false);
    expect(checkPlanSpecForRender(spec)).toEqual([]);
  });

  it("Forge puts the function in the private subnets, and the database admits only its security group", () => {
    const files = renderStack(designed(dev), { policy }).files;
    const text = (name: string) => files.find((f) => f.path.endsWith(`/${name}`))!.content;
    expect(text("handler.tf")).toContain("vpc_subnet_ids         = module.network.private_subnets");
    expect(text("handler.tf")).toContain("attach_network_policy  = true");
    expect(text("handler.tf")).not.toContain("CKV_AWS_117");
    expect(text("database.tf")).toContain(
      "source_security_group_id = module.handler_security_group.security_group_id",
    );
    expect(text("network.tf")).toContain('service_name        = "com.amazonaws.us-east-1.secretsmanager"');
  });

  it("the same API filed as a container web-api cannot fit, and is told to file it as serverless-api", () => {
    const web = {
      ...dev,
      workload: { type: "web-api" as const, image: "ghcr.io/example/notes:1.0.0" },
    };
    const b = blocked(web);
    expect(b.reasons[0]).toMatchObject({ code: "budget-too-small" });
    const move = b.suggestions.find((s) => s.field === "workload.type");
    expect(move).toMatchObject({ value: "serverless-api", monthlyUsd: designed(dev).cost.monthlyUsd });
    expect(move!.message).toContain("must then be in Amazon ECR and built for Lambda");
  });

  it("a web-api that fits gets no such suggestion, and a worker never does", () => {
    const rich = { ...dev, workload: { type: "web-api" as const, image: "ghcr.io/example/notes:1.0.0" } };
    expect(designGoal({ ...rich, budget: { monthlyUsd: 1000 } }, policy, { now }).kind).toBe("PlanSpec");
    const worker = blocked({ ...rich, workload: { ...rich.workload, type: "worker" } });
    expect(worker.suggestions.some((s) => s.field === "workload.type")).toBe(false);
  });
});

describe("Atlas golden PlanSpecs for the serverless examples (reviewed by reading)", () => {
  it.each([
    ["serverless-api.json", "orders-api-serverless.plan-spec.json"],
    ["dev-api-50.json", "notes-dev.plan-spec.json"],
  ])("examples/%s plans to test/golden/atlas/%s", (file, golden) => {
    expectGolden(`atlas/${golden}`, `${JSON.stringify(designed(example(file)), null, 2)}\n`);
  });
});
