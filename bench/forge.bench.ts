import { readFileSync } from "node:fs";
import path from "node:path";
import { renderStack } from "../app/agents/forge/index.js";
import type { PlanSpec } from "../app/contracts/generated/index.js";
import { defaultPolicy, readPolicy } from "../app/contracts/policy-intake.js";
import { time, type BenchRow } from "./harness.js";

export const title = "Forge render";

const root = path.join(import.meta.dirname, "..");
const STACKS = [
  [
    "checkout-api (web-api, RDS)",
    "test/fixtures/forge/plan-spec-checkout-api.json",
    "schemas/examples/infracrew.yml",
  ],
  ["ledger-api (web-api, Aurora)", "test/fixtures/forge/plan-spec-ledger-api.json", undefined],
  ["docs-site (static-site)", "test/fixtures/forge/plan-spec-docs-site.json", undefined],
  ["invoice-worker (worker)", "schemas/examples/plan-spec-invoice-worker.json", undefined],
  ["orders-api (serverless-api)", "schemas/examples/plan-spec-orders-api.json", undefined],
  ["nightly-report (scheduled-job)", "schemas/examples/plan-spec-nightly-report.json", undefined],
  ["platform-eks (kubernetes)", "schemas/examples/plan-spec-platform-eks.json", undefined],
  ["clickstream (stream-processor, Kinesis)", "schemas/examples/plan-spec-clickstream.json", undefined],
  ["payment-events (stream-processor, Kafka)", "schemas/examples/plan-spec-payment-events.json", undefined],
  ["vision-api (web-api, GPU)", "schemas/examples/plan-spec-vision-api.json", undefined],
  [
    "checkout-global (web-api, two regions, Aurora Global)",
    "test/fixtures/forge/plan-spec-checkout-global.json",
    "schemas/examples/infracrew.yml",
  ],
  [
    "orders-global (serverless-api, two regions, DynamoDB global table)",
    "test/fixtures/forge/plan-spec-orders-global.json",
    "schemas/examples/infracrew.yml",
  ],
  [
    "nightly-report (scheduled-job, Atlas's design of examples/scheduled-job.json)",
    "test/golden/forge/goals/nightly-report/infra/nightly-report/planspec.json",
    "schemas/examples/infracrew.yml",
  ],
] as const;

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [name, specFile, policyFile] of STACKS) {
    const spec = JSON.parse(readFileSync(path.join(root, specFile), "utf8")) as PlanSpec;
    const read = policyFile ? readPolicy(readFileSync(path.join(root, policyFile), "utf8")) : undefined;
    const policy = read?.ok ? read.value : defaultPolicy();
    const files = renderStack(spec, { policy }).files;
    const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.content), 0);
    const timing = await time(() => renderStack(spec, { policy }), { runs: 300 });
    rows.push({
      name: `renderStack ${name}, median`,
      value: timing.medianMs,
      unit: "ms",
      note: `${files.length} files, ${(bytes / 1024).toFixed(1)} KiB; p95 ${timing.p95Ms.toFixed(2)} ms`,
    });
  }
  return rows;
}
