import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { main } from "../../../app/cli/main.js";
import { validateArtifact } from "../../../app/contracts/validator.js";
import { fakeIo } from "../../support/fake-io.js";
import { readRepoFile } from "../../support/repo-files.js";
import { COMPLIANT_STACK } from "../../support/sentinel-evaluate.js";
import { testPlan } from "../../support/sentinel-plan.js";

const F = "test/fixtures";
const CLEAN_TRIVY = `${F}/trivy/config_terraform_no_failures.json`;
const PLAN = "compliant-plan.json";
const PLAN_TEXT = JSON.stringify(testPlan(COMPLIANT_STACK));

async function check(args: string[], files: Record<string, string> = {}) {
  const io = fakeIo({ files: { [PLAN]: PLAN_TEXT, ...files } });
  const code = await main(["check", ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe("infracrew check: the verdict is the exit code", () => {
  it("exits 0 on PASS and prints a ValidationResult that validates", async () => {
    const { code, out, err } = await check([
      "--plan-json",
      PLAN,
      "--trivy",
      CLEAN_TRIVY,
      "--budget",
      "100",
      "--format",
      "json",
    ]);
    expect(err).toBe("");
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(validateArtifact("ValidationResult", result).ok).toBe(true);
    expect(result).toMatchObject({
      verdict: "PASS",
      goalRef: { name: "local-check" },
      cost: { monthlyUsd: 51.68, source: "estimate" },
    });
  });

  it("exits 1 on FAIL, and prints the report as Markdown by default", async () => {
    const { code, out } = await check([
      `--plan-json=${F}/terraform/plan_aws_create_infracost_example.json`,
      `--trivy=${F}/sarif/trivy_config_terraform_aws.sarif`,
      `--tfsec=${F}/tfsec/tfsec_v1.19_aws_ecr.json`,
      `--checkov=${F}/checkov/checkov_2.2_terraform_gcp_with_severity.json`,
      `--conftest=${F}/conftest/terraform_plan_all_pass.json`,
      `--infracost=${F}/infracost/breakdown_aws_plan_out_file.json`,
      "--budget=$1,856.60",
    ]);
    expect(code).toBe(1);
    expect(out).toMatch(/^## ❌ Sentinel: FAIL\n/);
    expect(out).toContain(
      "- ❌ Budget brake: the forecast of $1,485.28/month is 80 % of the $1,856.60 budget, at or above the brake at 80 % ($1,485.28).",
    );
  });

  it("reads the policy file", async () => {
    const { code, out } = await check(
      [
        "--plan-json",
        PLAN,
        "--trivy",
        CLEAN_TRIVY,
        "--budget",
        "100",
        "--policy",
        ".github/infracrew.yml",
        "--format",
        "json",
      ],
      { ".github/infracrew.yml": "policy:\n  requiredTags: [team, cost-center]\n" },
    );
    expect(code).toBe(1);
    expect(JSON.parse(out).reasons[0]).toBe(
      "Org policy (required-tags): aws_db_instance.main is missing the required tag cost-center; aws_s3_bucket.receipts is missing the required tag cost-center.",
    );
  });
});

describe("infracrew check --dir: the stack's files, its PlanSpec and its budget", () => {
  const planSpec = readRepoFile("schemas/examples/plan-spec-invoice-worker.json");
  const mainTf =
    'provider "aws" {\n  region = "eu-west-1"\n}\n\nresource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n  tags = { team = "billing" }\n}\n';

  it("takes the budget and the goal from planspec.json, and runs the policy on the .tf files without a plan", async () => {
    const { code, out } = await check(
      ["--dir", "infra/invoice-worker", "--trivy", CLEAN_TRIVY, "--format", "json"],
      {
        "infra/invoice-worker/planspec.json": planSpec,
        "infra/invoice-worker/main.tf": mainTf,
      },
    );
    const result = JSON.parse(out);
    expect(code).toBe(0);
    expect(result.goalRef).toEqual(JSON.parse(planSpec).goalRef);
    expect(result.budget).toEqual({ monthlyUsd: 300, ratio: 0, brakeRatio: 0.8 });
    expect(result.tools[0]).toEqual({
      name: "terraform",
      status: "skipped",
      reason: "no plan; the org policy ran on the Terraform files",
    });
    expect(result.reasons).toEqual([
      "Security scan by Trivy.",
      "No scanner finding is at or above HIGH, the failOnSeverity threshold.",
      "The org policy (required tags, allowed regions, size caps and stateful deletes) passed on 1 resource of the Terraform files.",
      "The forecast is an offline estimate (no Infracost output): $0.00/month as nothing in the stack has a fixed monthly price; 1 resource billed by use count as $0.",
      "Budget: the forecast of $0.00/month is 0 % of the $300 budget, under the brake at 80 % ($240).",
    ]);
  });

  it("places the plan's findings at file:line in the stack's files", async () => {
    const plan = JSON.stringify(
      testPlan({ changes: [{ address: "aws_sqs_queue.jobs", after: { tags: null } }] }),
    );
    const { out } = await check(
      [
        "--dir",
        "infra/invoice-worker",
        "--plan-json",
        "plan.json",
        "--trivy",
        CLEAN_TRIVY,
        "--format",
        "json",
        "--policy",
        "p.yml",
      ],
      {
        "infra/invoice-worker/main.tf": mainTf,
        "plan.json": plan,
        "p.yml": "policy:\n  requiredTags: [team]\n",
        "infra/invoice-worker/planspec.json": planSpec,
      },
    );
    expect(JSON.parse(out).findings).toEqual([
      {
        tool: "infracrew-policy",
        ruleId: "required-tags",
        severity: "HIGH",
        title: "aws_sqs_queue.jobs is missing the required tag team",
        file: "infra/invoice-worker/main.tf",
        line: 5,
        endLine: 8,
        resource: "aws_sqs_queue.jobs",
        blocking: true,
      },
    ]);
  });
});

describe("infracrew check: bad input exits 2 with a message naming the tool and the file", () => {
  it.each([
    ["--trivy", "Trivy"],
    ["--tfsec", "tfsec"],
    ["--checkov", "Checkov"],
    ["--conftest", "Conftest"],
    ["--infracost", "Infracost"],
    ["--plan-json", "Terraform"],
  ])("garbage given as %s", async (option, label) => {
    const { code, out, err } = await check([option, "garbage.json", "--budget", "100"], {
      "garbage.json": "{ this is not json",
    });
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toBe(
      `garbage.json: ${label}: line 1, column 3: not valid JSON: Expected property name or '}'\n`,
    );
  });

  it("names every bad file at once: another tool's output, a missing file, a bad plan", async () => {
    const { code, err } = await check([
      "--trivy",
      `${F}/tfsec/tfsec_v1.19_aws_ecr.json`,
      "--checkov",
      "nowhere.json",
      "--plan-json",
      `${F}/infracost/breakdown_aws_plan_out_file.json`,
      "--budget",
      "100",
    ]);
    expect(code).toBe(2);
    expect(err).toBe(
      [
        `${F}/tfsec/tfsec_v1.19_aws_ecr.json: Trivy: this is tfsec's JSON (tfsec --format json), not Trivy's JSON report (an object with SchemaVersion and Results)`,
        "nowhere.json: Checkov: no such file",
        `${F}/infracost/breakdown_aws_plan_out_file.json: Terraform: this is Infracost's JSON (infracost breakdown|diff --format json), not a Terraform plan (an object with format_version and resource_changes)`,
        "",
      ].join("\n"),
    );
  });

  it.each([
    [
      ["--budget", "-5"],
      'infracrew check: --budget: must be a monthly amount in USD greater than 0 (got "-5")',
    ],
    [
      ["--budget", "0"],
      'infracrew check: --budget: must be a monthly amount in USD greater than 0 (got "0")',
    ],
    [["--format", "xml", "--budget", "1"], 'infracrew check: --format: must be json or markdown (got "xml")'],
    [["--trivy"], "infracrew check: --trivy: needs a value"],
    [["--trivy", "--budget", "1"], "infracrew check: --trivy: needs a value"],
    [["--budget", "1", "--budget", "2"], "infracrew check: --budget: is given twice"],
    [
      ["--plan", "p.json"],
      "infracrew check: --plan: is not an option of infracrew check (did you mean --plan-json?)",
    ],
    [["p.json"], "infracrew check: p.json: is not an option: name each file with its option"],
    [
      ["--trivvy=t.json"],
      "infracrew check: --trivvy: is not an option of infracrew check (did you mean --trivy?)",
    ],
    [
      [],
      "infracrew check: --budget: is needed: give --budget <usd>, or --dir with a planspec.json (its cost.budgetMonthlyUsd)",
    ],
    [["--dir", "no/such/dir", "--budget", "1"], "no/such/dir: --dir: is not a directory"],
    [["--policy", "p.yml", "--budget", "1"], "p.yml: no such file"],
  ])("%j", async (args, message) => {
    const { code, err } = await check(args);
    expect(code).toBe(2);
    expect(err).toBe(`${message}\n`);
  });
});

describe("infracrew check: random input never passes", () => {
  it("random JSON given as every tool's output and as the plan exits 1 or 2, never 0", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const files = { "random.json": JSON.stringify(value) ?? "null" };
        const tools = ["--trivy", "--tfsec", "--checkov", "--conftest", "--infracost", "--plan-json"];
        const { code } = await check(
          [...tools.flatMap((t) => [t, "random.json"]), "--budget", "1000"],
          files,
        );
        expect([1, 2]).toContain(code);
      }),
      { numRuns: 150 },
    );
  });
});
