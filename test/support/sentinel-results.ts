import { evaluate } from "../../app/agents/sentinel/evaluate.js";
import type { ValidateRequest } from "../../app/contracts/generated/validate-request.js";
import type { ValidationResult } from "../../app/contracts/generated/validation-result.js";
import {
  COMPLIANT_STACK,
  GOAL_REF,
  everyScanner,
  evaluation,
  planFrom,
  policyFrom,
  ran,
} from "./sentinel-evaluate.js";

export const REQUEST: ValidateRequest = {
  schemaVersion: "0.1",
  kind: "ValidateRequest",
  id: "validate-checkout-api-5c6d7e8f9a0b",
  createdAt: "2026-11-27T12:05:00Z",
  goalRef: GOAL_REF,
  repo: "acme/platform-infra",
  pr: 43,
  stack: "checkout-api",
  dir: "infra/checkout-api",
  sha: "3f786850e387550fdab836ed7e6dc881de23001b",
  budgetMonthlyUsd: 100,
};

/** The Terraform the Infracost example plan was made from, as far as Sentinel needs it to place resources. */
export const EXAMPLE_MAIN_TF = `provider "aws" {
  region = "us-east-1"
}

resource "aws_instance" "web_app" {
  ami           = "ami-674cbc1e"
  instance_type = "m5.4xlarge"
}

resource "aws_instance" "zero_cost_instance" {
  ami           = "ami-674cbc1e"
  instance_type = "m5.4xlarge"
}

resource "aws_lambda_function" "hello_world" {
  function_name = "hello_world"
  memory_size   = 1024
}

resource "aws_lambda_function" "zero_cost_lambda" {
  function_name = "hello_world"
  memory_size   = 1024
}

resource "aws_s3_bucket" "usage" {
  bucket = "bucket_withUsage"
}
`;

/** A PASS: the compliant stack, scanned clean by Trivy, estimated offline under the brake. */
export function passResult(): ValidationResult {
  return evaluate(
    evaluation({
      request: REQUEST,
      plan: planFrom(COMPLIANT_STACK),
      toolReports: [ran("trivy", "trivy/config_terraform_no_failures.json")],
      policy: policyFrom("policy:\n  requiredTags: [team]\n  allowedRegions: [eu-west-1]\n"),
      budgetMonthlyUsd: 100,
    }),
  );
}

/** A FAIL on every count: every recorded scanner output, untagged resources, a required tool missing, the brake. */
export function failResult(): ValidationResult {
  return evaluate(
    evaluation({
      request: { ...REQUEST, budgetMonthlyUsd: 3000 },
      plan: planFrom("terraform/plan_aws_create_infracost_example.json"),
      terraformFiles: [{ path: "infra/checkout-api/main.tf", text: EXAMPLE_MAIN_TF }],
      toolReports: everyScanner(),
      policy: policyFrom("policy:\n  requiredTags: [team]\n  requiredTools: [trivy, checkov]\n"),
      requiredTools: ["tfsec"],
      budgetMonthlyUsd: 3000,
    }),
  );
}
