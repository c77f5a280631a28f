import { describe, expect, it } from "vitest";
import { evaluate } from "../../../../app/agents/sentinel/evaluate.js";
import { validateArtifact } from "../../../../app/contracts/validator.js";
import {
  COMPLIANT_STACK,
  everyScanner,
  evaluation,
  planFrom,
  policyFrom,
  ran,
} from "../../../support/sentinel-evaluate.js";

function valid(result: ReturnType<typeof evaluate>) {
  const check = validateArtifact("ValidationResult", result);
  expect(check.ok ? "valid" : check.problems).toBe("valid");
  return result;
}

describe("evaluate: PASS", () => {
  const result = valid(
    evaluate(
      evaluation({
        plan: planFrom(COMPLIANT_STACK),
        toolReports: [ran("trivy", "trivy/config_terraform_no_failures.json")],
        policy: policyFrom("policy:\n  requiredTags: [team]\n  allowedRegions: [eu-west-1]\n"),
        budgetMonthlyUsd: 100,
      }),
    ),
  );

  it("passes a compliant plan that Trivy scanned clean, with the offline estimate under the brake", () => {
    expect(result.verdict).toBe("PASS");
    expect(result.failingReasons).toBe(0);
    expect(result.reasons).toEqual([
      "Security scan by Trivy.",
      "No scanner finding is at or above HIGH, the failOnSeverity threshold.",
      "The org policy (required tags, allowed regions, size caps and stateful deletes) passed on 3 resources of the plan.",
      "The forecast is an offline estimate (no Infracost output): $51.68/month from 1 priced resource; 1 resource billed by use count as $0.",
      "Budget: the forecast of $51.68/month is 51.6 % of the $100 budget, under the brake at 80 % ($80.00).",
    ]);
  });

  it("records the plan counts, the cost, the budget and every tool", () => {
    expect(result.plan).toEqual({ create: 2, update: 1, delete: 0, replace: 0 });
    expect(result.cost).toEqual({
      monthlyUsd: 51.68,
      source: "estimate",
      currency: "USD",
      note: "Offline estimate from AWS public on-demand prices (aws.amazon.com/<service>/pricing/), 2026-11-27; usage-based charges are not included",
    });
    expect(result.budget).toEqual({ monthlyUsd: 100, ratio: 0.5168, brakeRatio: 0.8 });
    expect(result.tools).toEqual([
      { name: "terraform", status: "ran", version: "1.9.8", reason: "plan format 1.2, 3 resource changes" },
      { name: "trivy", status: "ran", version: "0.72.0", findings: 0 },
      { name: "tfsec", status: "skipped", reason: "no output was given" },
      { name: "checkov", status: "skipped", reason: "no output was given" },
      { name: "conftest", status: "skipped", reason: "no output was given" },
      { name: "infracost", status: "skipped", reason: "no output was given" },
      { name: "infracrew-policy", status: "ran", findings: 0 },
      { name: "infracrew-budget", status: "ran", reason: "forecast from the offline estimate" },
    ]);
    expect(result.findings).toEqual([]);
  });

  it("is a ValidationResult with a content id and the time given", () => {
    expect(result.id).toMatch(/^validation-checkout-api-[0-9a-f]{12}$/);
    expect(result.createdAt).toBe("2026-11-27T12:00:00Z");
    const again = evaluate(
      evaluation({
        plan: planFrom(COMPLIANT_STACK),
        toolReports: [ran("trivy", "trivy/config_terraform_no_failures.json")],
        policy: policyFrom("policy:\n  requiredTags: [team]\n  allowedRegions: [eu-west-1]\n"),
        budgetMonthlyUsd: 100,
        now: new Date("2026-11-28T09:00:00Z"),
      }),
    );
    expect(again.id).toBe(result.id);
  });
});

describe("evaluate: every fixture at once", () => {
  const result = valid(
    evaluate(
      evaluation({
        plan: planFrom("terraform/plan_aws_create_infracost_example.json"),
        toolReports: everyScanner(),
        budgetMonthlyUsd: 3000,
      }),
    ),
  );

  it("fails for the findings at or above HIGH, the Conftest denies and the brake, and says so", () => {
    expect(result.verdict).toBe("FAIL");
    expect(result.failingReasons).toBe(3);
    expect(result.reasons).toEqual([
      "The scanners found 8 problems at or above HIGH, the failOnSeverity threshold (8 HIGH): AVD-AWS-0031 on aws_ecr_repository.foobarrr, CKV_GCP_28 on google_storage_bucket_iam_binding.allow_public_read, AWS-0086 on aws_s3_bucket.bucket, AWS-0087 on aws_s3_bucket.bucket, AWS-0091 on aws_s3_bucket.bucket and 3 more; 7 findings below it (4 MEDIUM, 3 LOW) do not fail it.",
      "Conftest denied 3 checks: Container server must not use the :latest tag; Container server must set a memory limit; Deployment generic-app must set securityContext.runAsNonRoot.",
      "Budget brake: the forecast of $3,027.53/month is 100.9 % of the $3,000 budget, at or above the brake at 80 % ($2,400).",
      "Security scan by Trivy, tfsec, Checkov.",
      "The org policy (required tags, allowed regions, size caps and stateful deletes) passed on 5 resources of the plan.",
    ]);
  });

  it("keeps every finding of every tool (8 Trivy, 2 tfsec, 4 Checkov, 4 Conftest), blocking ones first", () => {
    expect(result.findings).toHaveLength(18);
    expect(result.tools.filter((t) => t.findings !== undefined).map((t) => [t.name, t.findings])).toEqual([
      ["trivy", 8],
      ["tfsec", 2],
      ["checkov", 4],
      ["conftest", 4],
      ["infracrew-policy", 0],
    ]);
    expect(result.findings.map((f) => [f.tool, f.ruleId, f.severity, f.blocking, f.file, f.line])).toEqual([
      ["tfsec", "AVD-AWS-0031", "HIGH", true, "go.mod", 5],
      ["checkov", "CKV_GCP_28", "HIGH", true, "infra/checkout-api/gcs.tf", 17],
      ["trivy", "AWS-0086", "HIGH", true, "infra/checkout-api/main.tf", 8],
      ["trivy", "AWS-0087", "HIGH", true, "infra/checkout-api/main.tf", 8],
      ["trivy", "AWS-0091", "HIGH", true, "infra/checkout-api/main.tf", 8],
      ["trivy", "AWS-0093", "HIGH", true, "infra/checkout-api/main.tf", 8],
      ["trivy", "AWS-0132", "HIGH", true, "infra/checkout-api/main.tf", 8],
      ["conftest", "data.main.deny", "HIGH", true, "infra/checkout-api/many.yaml", undefined],
      ["conftest", "data.main.deny", "HIGH", true, "infra/checkout-api/many.yaml", undefined],
      ["conftest", "data.main.deny", "HIGH", true, "infra/checkout-api/many.yaml", undefined],
      ["tfsec", "AVD-AWS-0030", "HIGH", true, "vendor/modules.txt", 7],
      ["checkov", "CKV_GCP_29", "MEDIUM", false, "infra/checkout-api/gcs.tf", 1],
      ["checkov", "CKV_GCP_62", "MEDIUM", false, "infra/checkout-api/gcs.tf", 1],
      ["trivy", "AWS-0090", "MEDIUM", false, "infra/checkout-api/main.tf", 16],
      ["conftest", "data.main.warn", "MEDIUM", false, "infra/checkout-api/many.yaml", undefined],
      ["checkov", "CKV_GCP_78", "LOW", false, "infra/checkout-api/gcs.tf", 1],
      ["trivy", "AWS-0089", "LOW", false, "infra/checkout-api/main.tf", 8],
      ["trivy", "AWS-0094", "LOW", false, "infra/checkout-api/main.tf", 8],
    ]);
  });

  it("takes Infracost's forecast and change", () => {
    expect(result.cost).toEqual({
      monthlyUsd: 3027.528,
      diffMonthlyUsd: -2241.684,
      source: "infracost",
      currency: "USD",
      note: "Infracost, 5 projects",
    });
    expect(result.budget).toEqual({ monthlyUsd: 3000, ratio: 1.0091, brakeRatio: 0.8 });
  });
});

describe("evaluate: the brake at its boundary, end to end", () => {
  const at = (budget: number) =>
    evaluate(
      evaluation({
        plan: planFrom(COMPLIANT_STACK),
        toolReports: [
          ran("trivy", "trivy/config_terraform_no_failures.json"),
          ran("infracost", "infracost/breakdown_aws_plan_out_file.json"),
        ],
        budgetMonthlyUsd: budget,
      }),
    );

  it("fails at exactly 80 % ($1,485.28 of $1,856.60) and passes a cent of budget above", () => {
    const exactly = at(1856.6);
    expect(exactly.verdict).toBe("FAIL");
    expect(exactly.reasons[0]).toBe(
      "Budget brake: the forecast of $1,485.28/month is 80 % of the $1,856.60 budget, at or above the brake at 80 % ($1,485.28).",
    );
    expect(exactly.budget.ratio).toBe(0.8);
    const under = at(1856.61);
    expect(under.verdict).toBe("PASS");
    expect(under.budget.ratio).toBe(0.7999);
  });
});

describe("evaluate: what the policy requires", () => {
  it("fails naming each required tool that is missing, failed, or checked nothing", () => {
    const result = evaluate(
      evaluation({
        plan: planFrom(COMPLIANT_STACK),
        toolReports: [
          ran("trivy", "trivy/config_terraform_no_failures.json"),
          ran("checkov", "checkov/checkov_2.1_summary_only_no_resources.json"),
          { tool: "tfsec", status: "failed", reason: "tfsec exited with 127: command not found" },
          ran("infracost", "infracost/breakdown_aws_plan_out_file.json"),
        ],
        policy: policyFrom("policy:\n  requiredTools: [tfsec, checkov, conftest]\n"),
        budgetMonthlyUsd: 5000,
      }),
    );
    expect(result.verdict).toBe("FAIL");
    expect(result.reasons.slice(0, 3)).toEqual([
      "tfsec is required by the org policy but failed: tfsec exited with 127: command not found.",
      "Checkov is required by the org policy but did not finish its job: Checkov checked nothing.",
      "Conftest is required by the org policy but did not run: no output was given.",
    ]);
    expect(result.tools.slice(1, 5)).toEqual([
      { name: "trivy", status: "ran", version: "0.72.0", findings: 0 },
      { name: "tfsec", status: "failed", reason: "tfsec exited with 127: command not found" },
      {
        name: "checkov",
        status: "ran",
        version: "2.1.87",
        reason: "Checkov found no resources to scan",
        findings: 0,
      },
      { name: "conftest", status: "skipped", reason: "no output was given" },
    ]);
  });

  it("adds the tools the caller requires to those of the policy", () => {
    const result = evaluate(
      evaluation({
        plan: planFrom(COMPLIANT_STACK),
        toolReports: [ran("trivy", "trivy/config_terraform_no_failures.json")],
        requiredTools: ["infracost"],
      }),
    );
    expect(result.reasons[0]).toBe(
      "Infracost is required by the org policy but did not run: no output was given.",
    );
  });

  it("fails when no security scanner checked anything, even with the rest in order", () => {
    const result = evaluate(
      evaluation({
        plan: planFrom(COMPLIANT_STACK),
        toolReports: [ran("checkov", "checkov/checkov_2.1_summary_only_no_resources.json")],
      }),
    );
    expect(result.verdict).toBe("FAIL");
    expect(result.reasons[0]).toBe(
      "No security scanner (Trivy, tfsec or Checkov) checked the stack: Sentinel does not pass what was not scanned.",
    );
  });

  it("lets findings under a raised threshold pass, and says how many there are", () => {
    const result = evaluate(
      evaluation({
        plan: planFrom(COMPLIANT_STACK),
        toolReports: [ran("trivy", "trivy/config_terraform_aws_v0.72.json")],
        policy: policyFrom("policy:\n  failOnSeverity: CRITICAL\n"),
        budgetMonthlyUsd: 500,
      }),
    );
    expect(result.verdict).toBe("PASS");
    expect(result.reasons[1]).toBe(
      "No scanner finding is at or above CRITICAL, the failOnSeverity threshold; 8 findings below it (5 HIGH, 1 MEDIUM, 2 LOW) do not fail it.",
    );
    expect(result.findings.every((f) => f.blocking === false)).toBe(true);
  });

  it("caps the budget at the org's maxMonthlyUsd", () => {
    const result = evaluate(
      evaluation({
        plan: planFrom(COMPLIANT_STACK),
        toolReports: [ran("trivy", "trivy/config_terraform_no_failures.json")],
        policy: policyFrom("policy:\n  maxMonthlyUsd: 60\n"),
        budgetMonthlyUsd: 5000,
      }),
    );
    expect(result.verdict).toBe("FAIL");
    expect(result.budget.monthlyUsd).toBe(60);
    expect(result.reasons).toContain(
      "The goal's budget of $5,000 is over the org's cap of $60.00 a goal; the brake uses the cap.",
    );
    expect(result.reasons[0]).toBe(
      "Budget brake: the forecast of $51.68/month is 86.1 % of the $60.00 budget, at or above the brake at 80 % ($48.00).",
    );
  });
});

describe("evaluate: never passes what it did not check", () => {
  it("fails with nothing to check at all", () => {
    const result = valid(evaluate(evaluation({})));
    expect(result.verdict).toBe("FAIL");
    expect(result.reasons).toEqual([
      "No security scanner (Trivy, tfsec or Checkov) checked the stack: Sentinel does not pass what was not scanned.",
      "The org policy could not run: there is no plan (terraform show -json) and no Terraform files to check.",
      "No cost forecast: there is no Infracost output, and no plan or Terraform files to estimate from.",
    ]);
    expect(result.budget).toEqual({ monthlyUsd: 1000, ratio: null, brakeRatio: 0.8 });
    expect(result.tools.at(-1)).toEqual({
      name: "infracrew-budget",
      status: "failed",
      reason: "no cost forecast",
    });
  });

  it("fails when the estimate can price nothing that costs money", () => {
    const result = evaluate(
      evaluation({
        plan: planFrom("terraform/plan_aws_create_infracost_example.json"),
        toolReports: [ran("trivy", "trivy/config_terraform_no_failures.json")],
      }),
    );
    expect(result.verdict).toBe("FAIL");
    expect(result.reasons[0]).toBe(
      "No cost forecast: there is no Infracost output, and the offline estimate priced nothing; it could not price aws_instance.web_app: the offline price table has no price for this type; aws_instance.zero_cost_instance: the offline price table has no price for this type.",
    );
    expect(result.cost.unpriced).toEqual([
      "aws_instance.web_app: the offline price table has no price for this type",
      "aws_instance.zero_cost_instance: the offline price table has no price for this type",
    ]);
  });

  it("fails a plan that says it is not complete", () => {
    const plan = {
      ...planFrom(COMPLIANT_STACK),
      notes: ["the plan is not complete: some changes are deferred to a later plan"],
    };
    const result = evaluate(
      evaluation({ plan, toolReports: [ran("trivy", "trivy/config_terraform_no_failures.json")] }),
    );
    expect(result.reasons[0]).toBe(
      "The plan cannot be fully checked: the plan is not complete: some changes are deferred to a later plan.",
    );
  });

  it("fails when Infracost could not price a project", () => {
    const infracost = ran("infracost", "infracost/breakdown_aws_plan_out_file.json");
    const report =
      infracost.status === "ran"
        ? { ...infracost.report, incomplete: "Infracost could not price: app: no credentials" }
        : undefined;
    const result = evaluate(
      evaluation({
        plan: planFrom(COMPLIANT_STACK),
        toolReports: [
          ran("trivy", "trivy/config_terraform_no_failures.json"),
          { tool: "infracost", status: "ran", report: report! },
        ],
        budgetMonthlyUsd: 5000,
      }),
    );
    expect(result.reasons[0]).toBe(
      "The cost forecast is incomplete: Infracost could not price: app: no credentials.",
    );
  });
});
