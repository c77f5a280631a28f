import { describe, expect, it } from "vitest";
import {
  describeInputProblem,
  parseCheckov,
  parseConftest,
  parseInfracost,
  parseTerraformPlan,
  parseTfsec,
  parseTrivy,
  type InputSource,
  type Parsed,
} from "../../../../app/agents/sentinel/parsers/index.js";
import { fixture } from "../../../support/sentinel-fixtures.js";

type Parser = (text: string, source: InputSource) => Parsed<unknown>;

const PARSERS: readonly (readonly [string, Parser])[] = [
  ["Trivy", parseTrivy],
  ["tfsec", parseTfsec],
  ["Checkov", parseCheckov],
  ["Conftest", parseConftest],
  ["Infracost", parseInfracost],
  ["Terraform", parseTerraformPlan],
];

function messages(parse: Parser, text: string, file = "out.json"): string[] {
  const result = parse(text, { file });
  return result.ok ? ["(accepted)"] : result.problems.map(describeInputProblem);
}

/** What each fixture is, as the parsers name it when it is given to the wrong one. */
const WHOSE: readonly (readonly [string, string, string])[] = [
  ["trivy/config_terraform_aws_v0.72.json", "Trivy", "Trivy's JSON report (trivy config --format json)"],
  ["sarif/trivy_config_terraform_aws.sarif", "Trivy", "a SARIF log"],
  ["tfsec/tfsec_v1.19_aws_ecr.json", "tfsec", "tfsec's JSON (tfsec --format json)"],
  ["tfsec/tfsec_results_null.json", "tfsec", "tfsec's JSON (tfsec --format json)"],
  ["checkov/checkov_2.2_terraform_gcp_with_severity.json", "Checkov", "Checkov's JSON (checkov -o json)"],
  ["checkov/checkov_2.1_summary_only_no_resources.json", "Checkov", "Checkov's JSON (checkov -o json)"],
  ["conftest/k8s_failures_and_warnings.json", "Conftest", "Conftest's JSON (conftest test --output json)"],
  ["conftest/terraform_plan_all_pass.json", "Conftest", "Conftest's JSON (conftest test --output json)"],
  [
    "infracost/breakdown_aws_plan_out_file.json",
    "Infracost",
    "Infracost's JSON (infracost breakdown|diff --format json)",
  ],
  [
    "infracost/diff_multi_project_aws.json",
    "Infracost",
    "Infracost's JSON (infracost breakdown|diff --format json)",
  ],
  [
    "terraform/plan_aws_create_infracost_example.json",
    "Terraform",
    "a Terraform plan (terraform show -json <planfile>)",
  ],
  ["terraform/plan_aws_update.json", "Terraform", "a Terraform plan (terraform show -json <planfile>)"],
  [
    "terraform/show_json_replace_testprovider.json",
    "Terraform",
    "a Terraform plan (terraform show -json <planfile>)",
  ],
];

const WANTED: Readonly<Record<string, string>> = {
  Trivy: "Trivy's JSON report (an object with SchemaVersion and Results)",
  tfsec: "tfsec's JSON (an object with results)",
  Checkov: "Checkov's JSON (a report with check_type and results, a list of them, or a summary)",
  Conftest: "Conftest's JSON (a list of {filename, namespace, successes, failures, warnings})",
  Infracost: "Infracost's JSON (an object with version, projects and totalMonthlyCost)",
  Terraform: "a Terraform plan (an object with format_version and resource_changes)",
};

describe("another tool's output is named, not parsed", () => {
  const cases = PARSERS.flatMap(([label, parse]) =>
    WHOSE.filter(([, owner]) => owner !== label).map(([file, , what]) => [label, file, what, parse] as const),
  );
  it.each(cases)("%s given %s", (label, file, what, parse) => {
    const expected =
      what === "a SARIF log" && ["tfsec", "Checkov"].includes(label)
        ? `out.json: ${label}: runs[0].tool.driver.name: this SARIF was written by "Trivy", not by ${label}`
        : `out.json: ${label}: this is ${what}, not ${WANTED[label]}`;
    expect(messages(parse, fixture(file))).toEqual([expected]);
  });
});

describe("garbage gets a clear message naming the tool, the file and the problem", () => {
  const truncated = fixture("trivy/config_terraform_aws_v0.72.json").slice(0, 600);
  it.each(PARSERS)("%s", (label, parse) => {
    expect(messages(parse, "", "empty.json")[0]).toMatch(
      new RegExp(`^empty\\.json: ${label}: the file is empty \\(expected the output of \``),
    );
    expect(messages(parse, "not json at all", "words.json")).toEqual([
      `words.json: ${label}: not valid JSON: Unexpected token 'o'`,
    ]);
    expect(messages(parse, truncated, "cut.json")).toEqual([
      `cut.json: ${label}: line 29, column 27: not valid JSON: Expected ',' or '}' after property value`,
    ]);
    expect(messages(parse, "a\u0000b", "nul.json")).toEqual([
      `nul.json: ${label}: the file is not text (it contains NUL bytes)`,
    ]);
    expect(messages(parse, "null", "null.json")).toEqual([
      `null.json: ${label}: not ${WANTED[label]}: got null`,
    ]);
    expect(messages(parse, '{"x": 1, "y": 2}', "keys.json")).toEqual([
      `keys.json: ${label}: not ${WANTED[label]}: got a mapping with the keys x, y`,
    ]);
  });
});

/** A fixture with one thing changed, for the problem that change should cause. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each case edits the fixture at its own path
function edited(path: string, edit: (data: any) => unknown): string {
  const data = JSON.parse(fixture(path));
  const replaced = edit(data);
  return JSON.stringify(replaced ?? data);
}

describe("an unknown format version is refused by name", () => {
  it.each([
    [
      parseTrivy,
      edited("trivy/config_terraform_aws_v0.72.json", (d) => void (d.SchemaVersion = 3)),
      "out.json: Trivy: SchemaVersion: SchemaVersion 3 is not one Sentinel reads (it reads 2)",
    ],
    [
      parseTrivy,
      edited("sarif/trivy_config_terraform_aws.sarif", (d) => void (d.version = "2.0.0")),
      'out.json: Trivy: version: SARIF version "2.0.0" is not one Sentinel reads (it reads 2.1.0)',
    ],
    [
      parseCheckov,
      edited(
        "checkov/checkov_2.2_terraform_gcp_with_severity.json",
        (d) => void (d.summary.checkov_version = "4.0.1"),
      ),
      "out.json: Checkov: Checkov 4.0.1 is not a version Sentinel reads (it reads 1.x, 2.x, 3.x)",
    ],
    [
      parseInfracost,
      edited("infracost/breakdown_aws_plan_out_file.json", (d) => void (d.version = "0.3")),
      'out.json: Infracost: version: output version "0.3" is not one Sentinel reads (it reads 0.2)',
    ],
    [
      parseTerraformPlan,
      edited("terraform/plan_aws_update.json", (d) => void (d.format_version = "2.0")),
      'out.json: Terraform: format_version: format_version "2.0" is not one Sentinel reads (it reads 0.x, 1.x)',
    ],
  ] as const)("%#", (parse, text, message) => {
    expect(messages(parse, text)).toEqual([message]);
  });
});

describe("a malformed entry is named by its path", () => {
  it.each([
    [
      parseTrivy,
      edited(
        "trivy/config_terraform_aws_v0.72.json",
        (d) => void delete d.Results[1].Misconfigurations[2].ID,
      ),
      "out.json: Trivy: Results[1].Misconfigurations[2].ID: has no ID",
    ],
    [
      parseTrivy,
      edited(
        "trivy/config_terraform_aws_v0.72.json",
        (d) => void (d.Results[1].Misconfigurations[0].Severity = "SEVERE"),
      ),
      'out.json: Trivy: Results[1].Misconfigurations[0].Severity: is not a severity (got "SEVERE")',
    ],
    [
      parseTfsec,
      edited("tfsec/tfsec_v1.19_aws_ecr.json", (d) => void (d.results = { rule_id: "x" })),
      "out.json: tfsec: results: must be a list or null",
    ],
    [
      parseCheckov,
      edited(
        "checkov/checkov_2.2_terraform_gcp_with_severity.json",
        (d) => void delete d.results.failed_checks[1].check_id,
      ),
      "out.json: Checkov: results.failed_checks[1].check_id: has no check_id",
    ],
    [
      parseConftest,
      edited("conftest/k8s_failures_and_warnings.json", (d) => void (d[0].failures[1] = { metadata: {} })),
      "out.json: Conftest: [0].failures[1]: must have a msg",
    ],
    [
      parseInfracost,
      edited("infracost/breakdown_aws_plan_out_file.json", (d) => void (d.totalMonthlyCost = "lots")),
      "out.json: Infracost: totalMonthlyCost: is not an amount",
    ],
    [
      parseInfracost,
      edited("infracost/breakdown_aws_plan_out_file.json", (d) => void (d.currency = "EUR")),
      'out.json: Infracost: currency: amounts are in "EUR"; Sentinel needs USD (--currency USD)',
    ],
    [
      parseTerraformPlan,
      edited(
        "terraform/plan_aws_update.json",
        (d) => void (d.resource_changes[1].change.actions = ["explode"]),
      ),
      'out.json: Terraform: resource_changes[1].change.actions: are not actions Terraform plans (got ["explode"])',
    ],
    [
      parseTerraformPlan,
      edited("terraform/plan_aws_update.json", (d) => void (d.errored = true)),
      "out.json: Terraform: the plan is incomplete: terraform plan failed (errored is true)",
    ],
    [
      parseTerraformPlan,
      edited("terraform/plan_aws_update.json", (d) => ({ format_version: d.format_version, values: {} })),
      "out.json: Terraform: this is a Terraform state (terraform show -json without a plan file), not a Terraform plan (an object with format_version and resource_changes)",
    ],
  ] as const)("%#: %s", (parse, text, message) => {
    expect(messages(parse, text)).toEqual([message]);
  });
});
