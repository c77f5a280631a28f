import { describe, expect, it } from "vitest";
import { canonicalRule } from "../../../../app/agents/sentinel/findings/canonical-rule.js";
import { mergeFindings } from "../../../../app/agents/sentinel/findings/merge.js";
import { RULE_EQUIVALENCES } from "../../../../app/agents/sentinel/findings/rule-equivalence.js";
import { parseCheckov, parseTfsec, parseTrivy } from "../../../../app/agents/sentinel/parsers/index.js";
import type { ScanFinding } from "../../../../app/agents/sentinel/report.js";
import { addressPrefix, withoutInstanceKeys } from "../../../../app/agents/sentinel/terraform-address.js";
import { fixture, parsedValue } from "../../../support/sentinel-fixtures.js";

const scan = { file: "out.json", scanDir: "infra/app" };

function trivyFindings(): readonly ScanFinding[] {
  return parsedValue(parseTrivy(fixture("trivy/config_terraform_aws_v0.72.json"), scan)).findings;
}

/** tfsec's recorded ECR result, re-aimed at the bucket Trivy reports, as tfsec reports AVD-AWS-0086. */
function tfsecOnBucket(): readonly ScanFinding[] {
  const data = JSON.parse(fixture("tfsec/tfsec_v1.19_aws_ecr.json"));
  Object.assign(data.results[1], {
    rule_id: "AVD-AWS-0086",
    long_id: "aws-s3-block-public-acls",
    severity: "HIGH",
    resource: "aws_s3_bucket.bucket",
    location: { filename: "/github/workspace/infra/app/main.tf", start_line: 8, end_line: 10 },
  });
  data.results = [data.results[1]];
  return parsedValue(parseTfsec(JSON.stringify(data), { file: "tfsec.json" })).findings;
}

/** Checkov's recorded result, re-aimed at the bucket, as Checkov reports S3 logging (CKV_AWS_18) without severity. */
function checkovOnBucket(): readonly ScanFinding[] {
  const data = JSON.parse(fixture("checkov/checkov_2.2_terraform_gcp_with_severity.json"));
  Object.assign(data.results.failed_checks[0], {
    check_id: "CKV_AWS_18",
    check_name: "Ensure the S3 bucket has access logging enabled",
    resource: "aws_s3_bucket.bucket",
    file_path: "/main.tf",
    file_abs_path: "/tf/main.tf",
    file_line_range: [8, 10],
    severity: null,
  });
  data.results.failed_checks = [data.results.failed_checks[0], data.results.failed_checks[3]];
  return parsedValue(parseCheckov(JSON.stringify(data), scan)).findings;
}

describe("canonical rule ids", () => {
  it.each([
    ["trivy", "AWS-0086", [], "AWS-0086"],
    ["trivy", "AVD-AWS-0086", [], "AWS-0086"],
    ["tfsec", "AVD-AWS-0030", ["aws-ecr-enable-image-scans"], "AWS-0030"],
    ["tfsec", "aws-s3-enable-bucket-logging", [], "AWS-0089"],
    ["checkov", "CKV_AWS_18", ["BC_AWS_S3_13"], "AWS-0089"],
    ["checkov", "CKV2_AWS_6", [], "AWS-0094"],
    ["checkov", "CKV_GCP_29", ["BC_GCP_GCS_2"], undefined],
    ["conftest", "data.main.deny", [], undefined],
  ] as const)("%s %s → %s", (tool, ruleId, aliases, expected) => {
    expect(canonicalRule({ tool, ruleId, aliases })).toBe(expected);
  });

  it("the equivalence table names each id once and cites where each is defined", () => {
    const ids = RULE_EQUIVALENCES.flatMap((r) => [r.id, ...r.tfsec, ...r.checkov]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const row of RULE_EQUIVALENCES) {
      expect(row.id).toMatch(/^AWS-\d{4}$/);
      expect(row.sources.trivy).toMatch(/\.rego$/);
      expect(row.sources.checkov).toMatch(/^(resource\/aws\/\w+\.py|graph_checks\/aws\/\w+\.yaml)$/);
    }
  });
});

describe("merging the same problem on the same resource", () => {
  it("merges tfsec's AVD-AWS-0086 into Trivy's AWS-0086 on aws_s3_bucket.bucket", () => {
    const merged = mergeFindings([...trivyFindings(), ...tfsecOnBucket()]);
    expect(merged).toHaveLength(8);
    const acl = merged.find((f) => f.ruleId === "AWS-0086")!;
    expect(acl.tool).toBe("trivy");
    expect(acl.alsoReportedBy).toEqual([{ tool: "tfsec", ruleId: "AVD-AWS-0086" }]);
  });

  it("merges Checkov's CKV_AWS_18 into Trivy's AWS-0089, keeping Trivy's LOW over Checkov's missing severity", () => {
    const merged = mergeFindings([...trivyFindings(), ...checkovOnBucket()]);
    expect(merged).toHaveLength(9);
    const logging = merged.find((f) => f.ruleId === "AWS-0089")!;
    expect(logging).toMatchObject({
      severity: "LOW",
      alsoReportedBy: [{ tool: "checkov", ruleId: "CKV_AWS_18" }],
    });
    expect(logging.severityAssumed).toBeUndefined();
    expect(merged.filter((f) => f.tool === "checkov").map((f) => f.ruleId)).toEqual(["CKV_GCP_28"]);
  });

  it("merges by overlapping lines when one side names no resource (Trivy's SARIF)", () => {
    const sarif = parsedValue(parseTrivy(fixture("sarif/trivy_config_terraform_aws.sarif"), scan)).findings;
    const merged = mergeFindings([...sarif, ...tfsecOnBucket()]);
    const acl = merged.find((f) => f.ruleId === "AWS-0086")!;
    expect(acl).toMatchObject({ file: "infra/app/main.tf", line: 8, resource: "aws_s3_bucket.bucket" });
    expect(acl.alsoReportedBy).toEqual([{ tool: "tfsec", ruleId: "AVD-AWS-0086" }]);
  });

  it("does not merge the same rule on different resources", () => {
    const other = tfsecOnBucket().map((f) => ({
      ...f,
      resource: "aws_s3_bucket.other",
      line: 30,
      endLine: 33,
    }));
    const merged = mergeFindings([...trivyFindings(), ...other]);
    expect(merged.filter((f) => f.ruleId.endsWith("AWS-0086"))).toHaveLength(2);
  });

  it("merges a tool's own duplicate report, but not two reports of one rule at two places", () => {
    const [first] = trivyFindings();
    expect(mergeFindings([first!, first!])).toHaveLength(1);
    expect(mergeFindings([first!, { ...first!, line: 30, endLine: 31 }])).toHaveLength(2);
  });

  it("orders findings highest severity first, then by file and line, whatever the input order", () => {
    const findings = [...trivyFindings(), ...checkovOnBucket()];
    const forward = mergeFindings(findings);
    expect(mergeFindings([...findings].reverse())).toEqual(forward);
    expect(forward.map((f) => f.severity)).toEqual([
      "HIGH",
      "HIGH",
      "HIGH",
      "HIGH",
      "HIGH",
      "HIGH",
      "MEDIUM",
      "LOW",
      "LOW",
    ]);
  });
});

describe("Terraform addresses", () => {
  it.each([
    ["aws_ecr_repository.repo.image_tag_mutability", "aws_ecr_repository.repo"],
    ["module.db.aws_db_instance.this[0].storage_encrypted", "module.db.aws_db_instance.this[0]"],
    ['module.app["eu"].aws_s3_bucket.logs', 'module.app["eu"].aws_s3_bucket.logs'],
    ["image_scanning_configuration.scan_on_push", undefined],
    ["data.aws_iam_policy_document.x", "data.aws_iam_policy_document.x"],
  ])("the resource in %s is %s", (path, address) => {
    expect(addressPrefix(path)).toBe(address);
  });

  it.each([
    ["aws_s3_bucket.b", "aws_s3_bucket.b"],
    ["aws_s3_bucket.b[12]", "aws_s3_bucket.b"],
    ['module.a["x"].module.b[0].aws_s3_bucket.c["k"]', "module.a.module.b.aws_s3_bucket.c"],
    ["aws_s3_bucket.b[unclosed", "aws_s3_bucket.b[unclosed"],
  ])("the configuration address of %s is %s", (address, config) => {
    expect(withoutInstanceKeys(address)).toBe(config);
  });
});
