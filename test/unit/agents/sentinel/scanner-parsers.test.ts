import { describe, expect, it } from "vitest";
import {
  parseCheckov,
  parseConftest,
  parseInfracost,
  parseTfsec,
  parseTrivy,
} from "../../../../app/agents/sentinel/parsers/index.js";
import { fixture, parsedValue } from "../../../support/sentinel-fixtures.js";

const S3 = "aws_s3_bucket.bucket";
const VERSIONING = "aws_s3_bucket_versioning.bucket_versioning";

/** The eight misconfigurations in trivy-action's config-scan report, counted by hand from the fixture. */
const TRIVY_MISCONFIGS = [
  ["AWS-0086", "HIGH", 8, 10, S3],
  ["AWS-0087", "HIGH", 8, 10, S3],
  ["AWS-0089", "LOW", 8, 10, S3],
  ["AWS-0090", "MEDIUM", 16, 16, VERSIONING],
  ["AWS-0091", "HIGH", 8, 10, S3],
  ["AWS-0093", "HIGH", 8, 10, S3],
  ["AWS-0094", "LOW", 8, 10, S3],
  ["AWS-0132", "HIGH", 8, 10, S3],
] as const;

describe("Trivy (trivy config --format json)", () => {
  it("reads the v0.72 report: 8 failed misconfigurations in main.tf, with rule, severity, lines and resource", () => {
    const report = parsedValue(
      parseTrivy(fixture("trivy/config_terraform_aws_v0.72.json"), {
        file: "trivy.json",
        scanDir: "infra/app",
      }),
    );
    expect(report.version).toBe("0.72.0");
    expect(report.checked).toBe(true);
    expect(report.findings.map((f) => [f.ruleId, f.severity, f.line, f.endLine, f.resource])).toEqual(
      TRIVY_MISCONFIGS,
    );
    expect(new Set(report.findings.map((f) => f.file))).toEqual(new Set(["infra/app/main.tf"]));
    expect(report.findings[0]).toEqual({
      tool: "trivy",
      ruleId: "AWS-0086",
      severity: "HIGH",
      title: "S3 Access block should block public ACL",
      message: "No public access block so not blocking public acls",
      file: "infra/app/main.tf",
      line: 8,
      endLine: 10,
      resource: S3,
      link: "https://avd.aquasec.com/misconfig/aws-0086",
    });
  });

  it("reads a report with no failures: nothing found, but the configuration was scanned", () => {
    const report = parsedValue(
      parseTrivy(fixture("trivy/config_terraform_no_failures.json"), { file: "t.json" }),
    );
    expect(report).toEqual({
      kind: "scan",
      tool: "trivy",
      version: "0.72.0",
      findings: [],
      checked: true,
      notes: [],
    });
  });

  it("reads the SARIF trivy-action writes: the same 8 rules and lines, without resource names", () => {
    const report = parsedValue(
      parseTrivy(fixture("sarif/trivy_config_terraform_aws.sarif"), {
        file: "trivy.sarif",
        scanDir: "infra/app",
      }),
    );
    expect(report.findings.map((f) => [f.ruleId, f.severity, f.line, f.endLine])).toEqual(
      TRIVY_MISCONFIGS.map(([id, severity, line, end]) => [id, severity, line, end]),
    );
    expect(report.findings.every((f) => f.resource === undefined && f.file === "infra/app/main.tf")).toBe(
      true,
    );
    expect(report.findings[3]).toEqual({
      tool: "trivy",
      ruleId: "AWS-0090",
      severity: "MEDIUM",
      title: "S3 Data should be versioned",
      message: "Bucket does not have versioning enabled",
      file: "infra/app/main.tf",
      line: 16,
      endLine: 16,
      link: "https://avd.aquasec.com/misconfig/aws-0090",
    });
  });
});

describe("tfsec (--format json)", () => {
  it("reads v1.19's results: 2 HIGH ECR findings, paths made relative to the Actions workspace", () => {
    const report = parsedValue(parseTfsec(fixture("tfsec/tfsec_v1.19_aws_ecr.json"), { file: "tfsec.json" }));
    expect(report.findings).toEqual([
      {
        tool: "tfsec",
        ruleId: "AVD-AWS-0030",
        severity: "HIGH",
        title: "ECR repository has image scans disabled.",
        message: "Image scanning is not enabled.",
        file: "vendor/modules.txt",
        line: 7,
        endLine: 7,
        link: "https://aquasecurity.github.io/tfsec/v1.19.1/checks/aws/ecr/enable-image-scans/",
        aliases: ["aws-ecr-enable-image-scans"],
      },
      {
        tool: "tfsec",
        ruleId: "AVD-AWS-0031",
        severity: "HIGH",
        title: "ECR images tags shouldn't be mutable.",
        message: "Repository tags are mutable.",
        file: "go.mod",
        line: 5,
        endLine: 5,
        resource: "aws_ecr_repository.foobarrr",
        link: "https://aquasecurity.github.io/tfsec/v1.19.1/checks/aws/ecr/enforce-immutable-repository/",
        aliases: ["aws-ecr-enforce-immutable-repository"],
      },
    ]);
  });

  it('reads {"results": null} as no findings', () => {
    const report = parsedValue(parseTfsec(fixture("tfsec/tfsec_results_null.json"), { file: "tfsec.json" }));
    expect(report).toEqual({ kind: "scan", tool: "tfsec", findings: [], notes: [] });
  });
});

describe("Checkov (-o json)", () => {
  it("reads the 2.2 Terraform report: 4 failed checks on 2 resources in gcs.tf, with their severities", () => {
    const report = parsedValue(
      parseCheckov(fixture("checkov/checkov_2.2_terraform_gcp_with_severity.json"), {
        file: "c.json",
        scanDir: "tf",
      }),
    );
    expect(report.version).toBe("2.2.34");
    expect(report.checked).toBe(true);
    expect(report.findings.map((f) => [f.ruleId, f.severity, f.file, f.line, f.endLine, f.resource])).toEqual(
      [
        ["CKV_GCP_29", "MEDIUM", "tf/gcs.tf", 1, 15, "google_storage_bucket.terragoat_website"],
        ["CKV_GCP_62", "MEDIUM", "tf/gcs.tf", 1, 15, "google_storage_bucket.terragoat_website"],
        ["CKV_GCP_78", "LOW", "tf/gcs.tf", 1, 15, "google_storage_bucket.terragoat_website"],
        ["CKV_GCP_28", "HIGH", "tf/gcs.tf", 17, 21, "google_storage_bucket_iam_binding.allow_public_read"],
      ],
    );
    expect(report.findings[3]!.title).toBe(
      "Ensure that Cloud Storage bucket is not anonymously or publicly accessible",
    );
    expect(report.findings[3]!.link).toBe("https://docs.bridgecrew.io/docs/bc_gcp_public_1");
  });

  it("reads the summary Checkov prints when it found no resources: nothing found, and nothing checked", () => {
    const report = parsedValue(
      parseCheckov(fixture("checkov/checkov_2.1_summary_only_no_resources.json"), { file: "c.json" }),
    );
    expect(report).toEqual({
      kind: "scan",
      tool: "checkov",
      version: "2.1.87",
      findings: [],
      checked: false,
      notes: ["Checkov found no resources to scan"],
    });
  });

  it("reads a list of per-framework reports, and a null severity as HIGH, marked as assumed", () => {
    const report = JSON.parse(fixture("checkov/checkov_2.2_terraform_gcp_with_severity.json"));
    report.results.failed_checks[0].severity = null;
    const summaryOnly = JSON.parse(fixture("checkov/checkov_2.1_summary_only_no_resources.json"));
    const parsed = parsedValue(parseCheckov(JSON.stringify([report, summaryOnly]), { file: "c.json" }));
    expect(parsed.findings).toHaveLength(4);
    expect(parsed.findings[0]).toMatchObject({
      ruleId: "CKV_GCP_29",
      severity: "HIGH",
      severityAssumed: true,
    });
    expect(parsed.version).toBe("2.1.87");
  });

  it("says which files Checkov could not parse", () => {
    const report = JSON.parse(fixture("checkov/checkov_2.2_terraform_gcp_with_severity.json"));
    report.results.parsing_errors = ["/broken.tf"];
    const parsed = parsedValue(parseCheckov(JSON.stringify(report), { file: "c.json", scanDir: "tf" }));
    expect(parsed.incomplete).toBe("Checkov could not parse 1 file(s): tf/broken.tf");
  });
});

describe("Conftest (--output json)", () => {
  it("reads 3 denies (which always fail) and 1 warning from the Kubernetes example", () => {
    const report = parsedValue(
      parseConftest(fixture("conftest/k8s_failures_and_warnings.json"), { file: "c.json" }),
    );
    expect(report.findings).toEqual([
      ...[
        "Container server must not use the :latest tag",
        "Container server must set a memory limit",
        "Deployment generic-app must set securityContext.runAsNonRoot",
      ].map((title) => ({
        tool: "conftest",
        ruleId: "data.main.deny",
        severity: "HIGH",
        title,
        file: "many.yaml",
        denied: true,
      })),
      {
        tool: "conftest",
        ruleId: "data.main.warn",
        severity: "MEDIUM",
        title: "Deployment generic-app should carry an app.kubernetes.io/name label",
        file: "many.yaml",
      },
    ]);
    expect(report.checked).toBe(true);
  });

  it("reads a plan that passed 6 rules in 5 namespaces: nothing found", () => {
    const report = parsedValue(
      parseConftest(fixture("conftest/terraform_plan_all_pass.json"), { file: "c.json" }),
    );
    expect(report).toEqual({ kind: "scan", tool: "conftest", findings: [], checked: true, notes: [] });
  });

  it("reads an empty list as a run that tested nothing", () => {
    const report = parsedValue(parseConftest("[]", { file: "c.json" }));
    expect(report.checked).toBe(false);
  });
});

describe("Infracost (--format json)", () => {
  it("reads breakdown: $1,485.28 a month, all new", () => {
    const report = parsedValue(
      parseInfracost(fixture("infracost/breakdown_aws_plan_out_file.json"), { file: "i.json" }),
    );
    expect(report).toEqual({
      kind: "cost",
      tool: "infracost",
      monthlyUsd: 1485.28,
      diffMonthlyUsd: 1485.28,
      pastMonthlyUsd: 0,
      projects: [
        { name: "REPLACED_PROJECT_PATH/testdata/example_plan.json", monthlyUsd: 1485.28, pastMonthlyUsd: 0 },
      ],
      notes: [],
    });
  });

  it("reads diff over 5 projects: $3,027.528 a month, down $2,241.684 from $5,269.212", () => {
    const report = parsedValue(
      parseInfracost(fixture("infracost/diff_multi_project_aws.json"), { file: "i.json" }),
    );
    expect(report.monthlyUsd).toBe(3027.528);
    expect(report.diffMonthlyUsd).toBe(-2241.684);
    expect(report.pastMonthlyUsd).toBe(5269.212);
    expect(report.projects.map((p) => [p.name, p.monthlyUsd, p.pastMonthlyUsd])).toEqual([
      ["my first project", 742.64, 1303.28],
      ["my first project again", 742.64, 1303.28],
      ["my terragrunt dev project", 51.968, 51.092],
      ["my terragrunt prod project", 747.64, 1308.28],
      ["my workspace project", 742.64, 1303.28],
    ]);
  });

  it("reads a null total as $0, and says so", () => {
    const report = JSON.parse(fixture("infracost/breakdown_aws_plan_out_file.json"));
    report.totalMonthlyCost = null;
    const parsed = parsedValue(parseInfracost(JSON.stringify(report), { file: "i.json" }));
    expect(parsed.monthlyUsd).toBe(0);
    expect(parsed.notes).toEqual(["Infracost priced nothing (totalMonthlyCost is null); the forecast is $0"]);
  });
});

describe("SARIF from Checkov (-o sarif)", () => {
  it("assumes a severity from the level when the rule names none, and says it assumed it", () => {
    const sarif = {
      version: "2.1.0",
      $schema:
        "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json",
      runs: [
        {
          tool: {
            driver: {
              name: "Bridgecrew",
              version: "3.2.1",
              rules: [
                {
                  id: "CKV_AWS_18",
                  name: "Ensure the S3 bucket has access logging enabled",
                  shortDescription: { text: "Ensure the S3 bucket has access logging enabled" },
                },
              ],
            },
          },
          results: [
            {
              ruleId: "CKV_AWS_18",
              ruleIndex: 0,
              level: "error",
              message: { text: "Ensure the S3 bucket has access logging enabled" },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: "main.tf" },
                    region: { startLine: 1, endLine: 3 },
                  },
                },
              ],
            },
          ],
        },
      ],
    };
    const report = parsedValue(
      parseCheckov(JSON.stringify(sarif), { file: "c.sarif", scanDir: "infra/app" }),
    );
    expect(report).toEqual({
      kind: "scan",
      tool: "checkov",
      version: "3.2.1",
      findings: [
        {
          tool: "checkov",
          ruleId: "CKV_AWS_18",
          severity: "HIGH",
          severityAssumed: true,
          title: "Ensure the S3 bucket has access logging enabled",
          file: "infra/app/main.tf",
          line: 1,
          endLine: 3,
        },
      ],
      notes: [],
    });
  });
});
