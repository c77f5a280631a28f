import fc from "fast-check";
import type { GoalStatement } from "../../app/contracts/generated/index.js";

const name = fc
  .tuple(
    fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz"),
    fc.string({
      unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789-"),
      minLength: 1,
      maxLength: 30,
    }),
    fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789"),
  )
  .map(([a, b, c]) => `${a}${b}${c}`);

const summary = fc
  .string({
    unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ0123456789,.-'\"$%{}"),
    minLength: 3,
    maxLength: 80,
  })
  .filter((s) => s.trim().length >= 3 && s.trim() === s);

const region = fc.constantFrom(
  "us-east-1",
  "us-west-2",
  "eu-west-1",
  "eu-central-1",
  "ap-southeast-2",
  "eu-north-1",
);
const bucket = fc.string({
  unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789"),
  minLength: 3,
  maxLength: 20,
});
const tagKey = fc
  .string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz-_"), minLength: 1, maxLength: 16 })
  .filter((k) => /^[a-z]/.test(k));
const tagValue = fc
  .string({
    unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789-_ ./"),
    minLength: 1,
    maxLength: 20,
  })
  .map((v) => v.trim())
  .filter((v) => v.length > 0);

/** Any valid GoalStatement, across workloads, SLOs, data shapes and budgets. */
export const goalArbitrary: fc.Arbitrary<GoalStatement> = fc
  .record({
    name,
    summary,
    region,
    environment: fc.constantFrom("dev", "staging", "prod") as fc.Arbitrary<GoalStatement["environment"]>,
    type: fc.constantFrom("web-api", "static-site", "worker") as fc.Arbitrary<
      GoalStatement["workload"]["type"]
    >,
    port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
    healthCheckPath: fc.option(fc.constantFrom("/healthz", "/", "/status/ready"), { nil: undefined }),
    peakRps: fc.integer({ min: 1, max: 20000 }),
    avgFraction: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    availability: fc.constantFrom(90, 95, 99, 99.5, 99.9, 99.95, 99.99, 99.999),
    p95: fc.option(fc.integer({ min: 1, max: 60000 }), { nil: undefined }),
    relational: fc.option(
      fc.record({
        engine: fc.constantFrom("postgres", "mysql") as fc.Arbitrary<"postgres" | "mysql">,
        storageGb: fc.integer({ min: 20, max: 65536 }),
      }),
      { nil: undefined },
    ),
    cache: fc.option(
      fc.record({ engine: fc.constant("redis" as const), memoryGb: fc.integer({ min: 1, max: 500 }) }),
      { nil: undefined },
    ),
    buckets: fc.option(fc.uniqueArray(bucket, { minLength: 1, maxLength: 3 }), { nil: undefined }),
    budget: fc.integer({ min: 1, max: 200000 }),
    compliance: fc.option(
      fc.subarray(["pci", "hipaa", "gdpr", "soc2", "iso27001"] as const, { minLength: 1 }),
      { nil: undefined },
    ),
    tags: fc.option(fc.dictionary(tagKey, tagValue, { minKeys: 1, maxKeys: 4 }), { nil: undefined }),
    owners: fc.option(
      fc.uniqueArray(fc.constantFrom("@acme/payments", "@octocat", "@acme/platform"), { minLength: 1 }),
      { nil: undefined },
    ),
  })
  .map((r) => {
    const isSite = r.type === "static-site";
    const goal: GoalStatement = {
      schemaVersion: "0.1",
      kind: "GoalStatement",
      name: r.name,
      summary: r.summary,
      cloud: "aws",
      region: r.region,
      environment: r.environment,
      workload: isSite
        ? { type: r.type }
        : {
            type: r.type,
            image: `ghcr.io/acme/${r.name}:1.0.0`,
            ...(r.port !== undefined && r.type === "web-api" ? { port: r.port } : {}),
            ...(r.healthCheckPath !== undefined && r.type === "web-api"
              ? { healthCheckPath: r.healthCheckPath }
              : {}),
          },
      traffic: {
        peakRps: r.peakRps,
        ...(r.avgFraction !== undefined ? { avgRps: Math.floor(r.peakRps * r.avgFraction) } : {}),
      },
      slo: { availability: r.availability, ...(r.p95 !== undefined ? { p95LatencyMs: r.p95 } : {}) },
      budget: { monthlyUsd: r.budget },
    };
    const data: NonNullable<GoalStatement["data"]> = {};
    if (r.relational && !isSite) data.relational = r.relational;
    if (r.cache && r.type === "web-api") data.cache = r.cache;
    if (r.buckets) data.objectStorage = { buckets: r.buckets };
    if (Object.keys(data).length > 0) goal.data = data;
    if (r.compliance) goal.compliance = [...r.compliance];
    if (r.tags) goal.tags = r.tags;
    if (r.owners) goal.owners = r.owners;
    return goal;
  });
