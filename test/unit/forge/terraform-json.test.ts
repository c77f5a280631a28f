import { describe, expect, it } from "vitest";
import { outputSecrets, redactOutputs } from "../../../app/agents/forge/terraform/outputs-json.js";
import {
  planCounts,
  planSecrets,
  redactPlan,
  type PlanJson,
} from "../../../app/agents/forge/terraform/plan-json.js";
import { redactByMarker } from "../../../app/agents/forge/terraform/redact.js";
import { readRepoFile } from "../../support/repo-files.js";

const plan = JSON.parse(readRepoFile("test/fixtures/forge/tfplan-show.json")) as PlanJson;
const outputs = JSON.parse(readRepoFile("test/fixtures/forge/terraform-output.json")) as Parameters<
  typeof redactOutputs
>[0];
const SECRETS = ["legacy-4c1d77", "legacy-old-90aa", "sk-output-51d0e9", "tok-variable-8f3a2c"];

describe("Terraform plan JSON", () => {
  it("counts creates, updates, deletes and replaces, and ignores no-ops", () => {
    expect(planCounts(plan)).toEqual({ create: 1, update: 1, delete: 1, replace: 1 });
  });

  it("finds every sensitive value, in resources, outputs and sensitive variables", () => {
    expect(planSecrets(plan)).toEqual(
      SECRETS.map((s) => (s.startsWith("legacy") ? expect.stringContaining(s) : s)).sort(),
    );
  });

  it("redacts every sensitive value and keeps the rest", () => {
    const redacted = JSON.stringify(redactPlan(plan));
    for (const secret of SECRETS) expect(redacted).not.toContain(secret);
    expect(redacted).toContain("invoice-worker-jobs");
    expect(redacted).toContain("arn:aws:acm:eu-central-1:123456789012:certificate/");
    expect(redactPlan(plan).variables?.api_token).toEqual({ value: "(sensitive)" });
    expect(redactPlan(plan).output_changes?.signing_key?.after).toBe("(sensitive)");
  });

  it.each([
    [{ a: "x", b: "y" }, { a: true }, { a: "(sensitive)", b: "y" }],
    [
      ["x", "y"],
      [false, true],
      ["x", "(sensitive)"],
    ],
    [{ a: { b: "x" } }, { a: { b: true } }, { a: { b: "(sensitive)" } }],
    ["whole", true, "(sensitive)"],
    [null, true, null],
    ["x", {}, "x"],
  ])("redactByMarker(%j, %j) is %j", (value, marker, expected) => {
    expect(redactByMarker(value, marker)).toEqual(expected);
  });
});

describe("Terraform output JSON", () => {
  it("redacts sensitive outputs to (sensitive), and keeps the others' values", () => {
    expect(redactOutputs(outputs)).toEqual({
      jobs_queue_url: {
        value: "https://sqs.eu-central-1.amazonaws.com/123456789012/invoice-worker-jobs",
        sensitive: false,
      },
      network_private_subnets: { value: ["subnet-0a1b2c3d", "subnet-4e5f6a7b"], sensitive: false },
      signing_key: { value: "(sensitive)", sensitive: true },
    });
    expect(outputSecrets(outputs)).toEqual(["sk-output-51d0e9"]);
  });
});
