import { describe, expect, it } from "vitest";
import { estimateCost } from "../../../../app/agents/sentinel/cost/estimate.js";
import { evaluate } from "../../../../app/agents/sentinel/evaluate.js";
import { BlockIndex, findBlocks } from "../../../../app/agents/sentinel/locate-blocks.js";
import { describeInputProblem } from "../../../../app/agents/sentinel/parsers/index.js";
import { parseTerraformFiles } from "../../../../app/agents/sentinel/parsers/terraform-hcl.js";
import { runOrgPolicy } from "../../../../app/agents/sentinel/policy/run-policy.js";
import { parsedValue } from "../../../support/sentinel-fixtures.js";
import { evaluation, policyFrom, ran } from "../../../support/sentinel-evaluate.js";

const MAIN_TF = `terraform {
  required_version = ">= 1.6.0"
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "extra_tags" {
  type = map(string)
}

locals {
  tags = { team = "payments", "cost-center" = "42" }
}

provider "aws" {
  region = var.region
  default_tags {
    tags = { env = "prod" }
  }
}

provider "aws" {
  alias  = "use1"
  region = "us-east-1"
}

# A database { with braces in a comment }
resource "aws_db_instance" "main" {
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  allocated_storage = 100
  multi_az          = true
  tags              = merge(local.tags, { Name = "main" })
}

resource "aws_s3_bucket" "logs" {
  provider = aws.use1
  bucket   = "logs-}"
  tags     = { team = "payments" }
}

resource "aws_nat_gateway" "nat" {
  count = 2
  tags  = local.tags
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
  tags = var.extra_tags
  policy = <<-EOT
    { "a": "}" }
  EOT
}

module "vpc" {
  source = "terraform-aws-modules/vpc/aws"
}
`;

const FILES = [
  { path: "infra/checkout-api/main.tf", text: MAIN_TF },
  { path: "infra/checkout-api/terraform.tfvars", text: 'region = "eu-west-1"\n' },
];

describe("finding blocks in Terraform files", () => {
  it("finds each top-level block with its first and last line, past braces in strings, comments and heredocs", () => {
    expect(
      findBlocks(FILES[0]!).map((b) => [b.kind, b.labels.join("."), b.line, b.endLine, b.alias]),
    ).toEqual([
      ["provider", "aws", 18, 23, undefined],
      ["provider", "aws", 25, 28, "use1"],
      ["resource", "aws_db_instance.main", 31, 37, undefined],
      ["resource", "aws_s3_bucket.logs", 39, 43, undefined],
      ["resource", "aws_nat_gateway.nat", 45, 48, undefined],
      ["resource", "aws_sqs_queue.jobs", 50, 56, undefined],
      ["module", "vpc", 58, 60, undefined],
    ]);
  });

  it("places a plan's addresses: instances at their block, module resources at the module call", () => {
    const index = new BlockIndex(FILES);
    expect(index.resource("aws_nat_gateway.nat[1]")).toEqual({
      file: "infra/checkout-api/main.tf",
      line: 45,
      endLine: 48,
    });
    expect(index.resource('module.vpc.aws_subnet.private["a"]')).toMatchObject({ line: 58, endLine: 60 });
    expect(index.resource("aws_s3_bucket.other")).toBeUndefined();
    expect(index.provider("aws.use1")).toMatchObject({ line: 25 });
  });
});

describe("the Terraform files as a stack model (no plan)", async () => {
  const model = parsedValue(await parseTerraformFiles(FILES));

  it("reads each resource block with its values, tags (default tags included), count and place", () => {
    expect(
      model.resources.map((r) => [r.address, r.providerKey, r.tagKeys, r.instances, r.location?.line]),
    ).toEqual([
      [
        "aws_db_instance.main",
        "aws",
        { known: true, value: ["cost-center", "team", "Name", "env"] },
        { known: true, value: 1 },
        31,
      ],
      ["aws_s3_bucket.logs", "aws.use1", { known: true, value: ["team"] }, { known: true, value: 1 }, 39],
      [
        "aws_nat_gateway.nat",
        "aws",
        { known: true, value: ["cost-center", "team", "env"] },
        { known: true, value: 2 },
        45,
      ],
      [
        "aws_sqs_queue.jobs",
        "aws",
        { known: false, why: "tags are set by an expression (var.extra_tags)" },
        { known: true, value: 1 },
        50,
      ],
    ]);
    expect(model.resources[0]!.values).toMatchObject({
      engine: "postgres",
      instance_class: "db.t4g.micro",
      allocated_storage: 100,
    });
  });

  it("reads the providers' regions, the variable's value coming from terraform.tfvars", () => {
    expect(model.providers.map((p) => [p.key, p.region])).toEqual([
      ["aws", { known: true, value: "eu-west-1" }],
      ["aws.use1", { known: true, value: "us-east-1" }],
    ]);
    expect(model.modules).toEqual([
      {
        address: "module.vpc",
        source: "terraform-aws-modules/vpc/aws",
        location: expect.objectContaining({ file: "infra/checkout-api/main.tf", line: 58, endLine: 60 }),
      },
    ]);
  });

  it("runs the org policy on the blocks", () => {
    const rules = policyFrom("policy:\n  requiredTags: [team, env]\n  allowedRegions: [eu-west-1]\n").policy;
    expect(runOrgPolicy(model, rules).map((v) => [v.ruleId, v.title, v.location?.line])).toEqual([
      [
        "allowed-regions",
        "provider aws.use1 deploys to us-east-1, which the org policy does not allow (allowed: eu-west-1)",
        25,
      ],
      ["required-tags", "aws_s3_bucket.logs is missing the required tag env", 39],
      [
        "required-tags",
        "the required tags of aws_sqs_queue.jobs cannot be checked: tags are set by an expression (var.extra_tags)",
        50,
      ],
    ]);
  });

  it("prices the blocks, counting each instance", () => {
    const estimate = estimateCost(model);
    expect(estimate.lines.map((l) => [l.address, Math.round(l.monthlyUsd * 100) / 100, l.basis])).toEqual([
      ["aws_db_instance.main", 51.68, "db.t4g.micro Multi-AZ × 730 h × $0.036 + 100 GB × $0.254"],
      ["aws_nat_gateway.nat", 70.08, "2 × (NAT gateway × 730 h × $0.048)"],
    ]);
    expect(estimate.usageOnly).toEqual(["aws_s3_bucket.logs", "aws_sqs_queue.jobs"]);
  });
});

describe("Terraform files that do not parse", () => {
  it("name the file, the line and the column", async () => {
    const result = await parseTerraformFiles([
      { path: "infra/x/bad.tf", text: 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n' },
    ]);
    expect(result.ok ? [] : result.problems.map(describeInputProblem)).toEqual([
      "infra/x/bad.tf: Terraform: line 1, column 30: not valid HCL: Unclosed configuration block; There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.",
    ]);
  });

  it("need at least one .tf file", async () => {
    const result = await parseTerraformFiles([{ path: "x/terraform.tfvars", text: 'a = "b"\n' }]);
    expect(result.ok ? [] : result.problems.map(describeInputProblem)).toEqual([
      "x/terraform.tfvars: Terraform: there are no .tf files",
    ]);
  });
});

describe("evaluating the Terraform files when there is no plan", async () => {
  const model = parsedValue(await parseTerraformFiles(FILES));

  it("checks the blocks, reports the module it cannot see into, and counts no plan changes", () => {
    const result = evaluate(
      evaluation({
        hcl: model,
        toolReports: [ran("trivy", "trivy/config_terraform_no_failures.json")],
        budgetMonthlyUsd: 500,
      }),
    );
    expect(result.verdict).toBe("FAIL");
    expect(result.reasons[0]).toBe(
      "Org policy (unchecked-module): module.vpc (terraform-aws-modules/vpc/aws) is not checked: its resources are only in a plan (terraform show -json).",
    );
    expect(result.findings.find((f) => f.ruleId === "unchecked-module")).toEqual({
      tool: "infracrew-policy",
      ruleId: "unchecked-module",
      severity: "HIGH",
      title:
        "module.vpc (terraform-aws-modules/vpc/aws) is not checked: its resources are only in a plan (terraform show -json)",
      file: "infra/checkout-api/main.tf",
      line: 58,
      endLine: 60,
      resource: "module.vpc",
      blocking: true,
    });
    expect(result.plan).toEqual({ create: 0, update: 0, delete: 0, replace: 0 });
    expect(result.tools[0]).toEqual({
      name: "terraform",
      status: "skipped",
      reason: "no plan; the org policy ran on the Terraform files",
    });
    expect(result.cost.monthlyUsd).toBe(121.76);
    expect(result.cost.unpriced).toEqual(["module.vpc: its resources are only in a plan"]);
  });
});
