import type { EvaluateInput } from "../../app/agents/sentinel/evaluate.js";
import { parseTerraformPlan, parseToolOutput } from "../../app/agents/sentinel/parsers/index.js";
import type { ToolOutcome } from "../../app/agents/sentinel/report.js";
import type { ScannerTool } from "../../app/agents/sentinel/tools.js";
import { readPolicy } from "../../app/contracts/policy-intake.js";
import { fixture, parsedValue } from "./sentinel-fixtures.js";
import { testPlan, type TestPlan } from "./sentinel-plan.js";

export const GOAL_REF = {
  name: "checkout-api",
  hash: "sha256:9f2c1d0e8b7a6f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6",
};

/** A tool's recorded output from test/fixtures/, parsed, as a tool that ran. */
export function ran(tool: ScannerTool, path: string): ToolOutcome {
  return {
    tool,
    status: "ran",
    report: parsedValue(parseToolOutput(tool, fixture(path), { file: path, scanDir: "infra/checkout-api" })),
  };
}

export function policyFrom(yaml: string) {
  const policy = readPolicy(yaml);
  if (!policy.ok) throw new Error(JSON.stringify(policy.problems));
  return policy.value;
}

export function planFrom(plan: TestPlan | string) {
  const text = typeof plan === "string" ? fixture(plan) : JSON.stringify(testPlan(plan));
  return parsedValue(parseTerraformPlan(text, { file: "plan.json" }));
}

/** An evaluation input: the goal, no tools, the default policy, a $1,000 budget, at a fixed time. */
export function evaluation(overrides: Partial<EvaluateInput>): EvaluateInput {
  return {
    goalRef: GOAL_REF,
    toolReports: [],
    policy: policyFrom(""),
    budgetMonthlyUsd: 1000,
    now: new Date("2026-11-27T12:00:00.000Z"),
    ...overrides,
  };
}

/** A small stack that meets the default policy: tagged by default_tags, in eu-west-1, $51.68 a month. */
export const COMPLIANT_STACK: TestPlan = {
  region: "eu-west-1",
  defaultTags: { team: "payments" },
  changes: [
    {
      address: "aws_db_instance.main",
      after: {
        engine: "postgres",
        instance_class: "db.t4g.micro",
        multi_az: true,
        allocated_storage: 100,
        tags: null,
      },
      afterUnknown: { tags_all: true },
    },
    {
      address: "aws_s3_bucket.receipts",
      after: { tags: { Name: "receipts" } },
      afterUnknown: { tags_all: true },
    },
    { address: "aws_security_group_rule.db", actions: ["update"], after: { from_port: 5432 } },
  ],
};

/** Every recorded scanner output that has findings, as tools that ran. */
export function everyScanner(): ToolOutcome[] {
  return [
    ran("trivy", "trivy/config_terraform_aws_v0.72.json"),
    ran("tfsec", "tfsec/tfsec_v1.19_aws_ecr.json"),
    ran("checkov", "checkov/checkov_2.2_terraform_gcp_with_severity.json"),
    ran("conftest", "conftest/k8s_failures_and_warnings.json"),
    ran("infracost", "infracost/diff_multi_project_aws.json"),
  ];
}
