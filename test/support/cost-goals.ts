import type { GoalStatement } from "../../app/contracts/generated/index.js";

type GoalParts = Pick<
  GoalStatement,
  "name" | "region" | "environment" | "workload" | "traffic" | "slo" | "budget"
> &
  Partial<Pick<GoalStatement, "data" | "compliance">>;

function goal(parts: GoalParts): GoalStatement {
  return {
    schemaVersion: "0.1",
    kind: "GoalStatement",
    summary: `${parts.name}, a goal of the cost table`,
    cloud: "aws",
    tags: { team: "platform" },
    ...parts,
  };
}

/** Goals whose designs together render every shape the catalog has: each cost line must price what it renders. */
export const COST_GOALS: readonly GoalStatement[] = [
  goal({
    name: "hobby-api",
    region: "us-east-1",
    environment: "dev",
    workload: { type: "web-api", image: "ghcr.io/example/hobby:1.0.0" },
    traffic: { peakRps: 5 },
    slo: { availability: 99 },
    data: { relational: { engine: "postgres", storageGb: 20 } },
    budget: { monthlyUsd: 500 },
  }),
  goal({
    name: "marketing-site",
    region: "us-east-1",
    environment: "prod",
    workload: { type: "static-site" },
    traffic: { peakRps: 200 },
    slo: { availability: 99.9 },
    budget: { monthlyUsd: 100 },
  }),
  goal({
    name: "docs-site",
    region: "eu-west-1",
    environment: "prod",
    workload: { type: "static-site" },
    traffic: { peakRps: 40 },
    slo: { availability: 99.9 },
    budget: { monthlyUsd: 400 },
  }),
  goal({
    name: "card-api",
    region: "eu-central-1",
    environment: "prod",
    workload: { type: "web-api", image: "ghcr.io/example/cards:3.0.0" },
    traffic: { peakRps: 400, responseKb: 4 },
    slo: { availability: 99.95 },
    data: { relational: { engine: "mysql", storageGb: 200 }, cache: { engine: "redis", memoryGb: 4 } },
    compliance: ["pci"],
    budget: { monthlyUsd: 8000 },
  }),
  goal({
    name: "ledger-api",
    region: "us-east-1",
    environment: "prod",
    workload: { type: "web-api", image: "ghcr.io/example/ledger:1.0.0" },
    traffic: { peakRps: 2000 },
    slo: { availability: 99.95 },
    data: { relational: { engine: "postgres", storageGb: 500 } },
    budget: { monthlyUsd: 20000 },
  }),
  goal({
    name: "render-worker",
    region: "eu-west-1",
    environment: "staging",
    workload: { type: "worker", image: "ghcr.io/example/render:2.0.0" },
    traffic: { peakRps: 20 },
    slo: { availability: 99.5 },
    data: { objectStorage: { buckets: ["frames"] }, relational: { engine: "postgres", storageGb: 50 } },
    budget: { monthlyUsd: 800 },
  }),
  goal({
    name: "orders-fn",
    region: "us-east-1",
    environment: "prod",
    workload: { type: "serverless-api", runtime: "nodejs22.x", architecture: "arm64" },
    traffic: { peakRps: 150, avgRps: 12 },
    slo: { availability: 99.5 },
    data: { keyValue: { engine: "dynamodb", storageGb: 25 }, objectStorage: { buckets: ["receipts"] } },
    budget: { monthlyUsd: 400 },
  }),
  goal({
    name: "notes-dev",
    region: "eu-west-1",
    environment: "dev",
    workload: { type: "serverless-api", runtime: "python3.13" },
    traffic: { peakRps: 5, avgRps: 0.5 },
    slo: { availability: 99 },
    data: { relational: { engine: "postgres", storageGb: 20 } },
    budget: { monthlyUsd: 50 },
  }),
  goal({
    name: "receipts-api",
    region: "eu-central-1",
    environment: "prod",
    workload: { type: "serverless-api", runtime: "nodejs22.x" },
    traffic: { peakRps: 60, avgRps: 6 },
    slo: { availability: 99.5 },
    data: {
      relational: { engine: "postgres", storageGb: 50 },
      keyValue: { engine: "dynamodb" },
      objectStorage: { buckets: ["scans"] },
    },
    budget: { monthlyUsd: 1200 },
  }),
  goal({
    name: "ledger-sync",
    region: "us-east-1",
    environment: "dev",
    workload: {
      type: "scheduled-job",
      image: "ghcr.io/example/ledger-sync:1.4.0",
      schedule: "rate(15 minutes)",
      timeoutMinutes: 10,
      architecture: "arm64",
    },
    traffic: { peakRps: 20 },
    slo: { availability: 99 },
    data: {
      objectStorage: { buckets: ["exports"] },
      relational: { engine: "postgres", storageGb: 20 },
      cache: { engine: "redis", memoryGb: 1 },
    },
    budget: { monthlyUsd: 600 },
  }),
];
