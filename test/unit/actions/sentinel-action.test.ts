import { describe, expect, it } from "vitest";
import { readInputs } from "../../../actions/sentinel/src/inputs.js";
import { ARTIFACT_NAME } from "../../../actions/sentinel/src/main.js";
import { run } from "../../../actions/sentinel/src/runner.js";
import { scannerCommand } from "../../../actions/sentinel/src/scanners.js";
import { validateArtifact } from "../../../app/contracts/validator.js";
import { formatProblem } from "../../../app/contracts/problem.js";
import { OUT_DIR, WORKSPACE, fakeToolkit, type FakeCommand } from "../../support/fake-toolkit.js";
import { COMPLIANT_STACK } from "../../support/sentinel-evaluate.js";
import { fixture } from "../../support/sentinel-fixtures.js";
import { testPlan } from "../../support/sentinel-plan.js";

const INPUTS = {
  dir: "infra/checkout-api",
  "plan-json": "tfplan.json",
  scanners: "trivy,tfsec,checkov,conftest,infracost",
  required: "",
  policy: ".github/infracrew.yml",
  "conftest-policy": "policy",
  "validate-request": "",
  budget: "5000",
  "fail-step": "true",
};

const MAIN_TF = 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n}\n';

/** Every scanner installed, each writing its recorded output where the action tells it to. */
const INSTALLED: Record<string, FakeCommand> = {
  trivy: { writes: { [`${OUT_DIR}/trivy.json`]: fixture("trivy/config_terraform_no_failures.json") } },
  tfsec: { exitCode: 0, writes: { [`${OUT_DIR}/tfsec.json`]: fixture("tfsec/tfsec_results_null.json") } },
  checkov: {
    exitCode: 1,
    writes: {
      [`${OUT_DIR}/checkov/results_json.json`]: fixture(
        "checkov/checkov_2.2_terraform_gcp_with_severity.json",
      ),
    },
  },
  conftest: { exitCode: 0, stdout: fixture("conftest/terraform_plan_all_pass.json") },
  infracost: {
    writes: { [`${OUT_DIR}/infracost.json`]: fixture("infracost/breakdown_aws_plan_out_file.json") },
  },
};

const FILES = {
  "tfplan.json": JSON.stringify(testPlan(COMPLIANT_STACK)),
  "infra/checkout-api/main.tf": MAIN_TF,
};

function resultOf(toolkit: ReturnType<typeof fakeToolkit>) {
  return JSON.parse(toolkit.files.get(`${OUT_DIR}/validation-result.json`)!);
}

describe("the scanners' command lines", () => {
  const at = {
    workspace: WORKSPACE,
    dir: "infra/app",
    planJson: "tfplan.json",
    conftestPolicy: "policy",
    outDir: "/tmp/out",
  };
  it.each([
    [
      "trivy",
      "trivy",
      ["config", "--format", "json", "--output", "/tmp/out/trivy.json", "infra/app"],
      [0],
      "/tmp/out/trivy.json",
    ],
    [
      "tfsec",
      "tfsec",
      ["infra/app", "--format", "json", "--out", "/tmp/out/tfsec.json", "--soft-fail"],
      [0, 1],
      "/tmp/out/tfsec.json",
    ],
    [
      "checkov",
      "checkov",
      ["-d", "infra/app", "-o", "json", "--output-file-path", "/tmp/out/checkov"],
      [0, 1],
      "/tmp/out/checkov/results_json.json",
    ],
    [
      "conftest",
      "conftest",
      ["test", "--output", "json", "--all-namespaces", "--policy", "policy", "tfplan.json"],
      [0, 1],
      undefined,
    ],
    [
      "infracost",
      "infracost",
      ["breakdown", "--path", "tfplan.json", "--format", "json", "--out-file", "/tmp/out/infracost.json"],
      [0],
      "/tmp/out/infracost.json",
    ],
  ] as const)("%s", (tool, command, args, reportExitCodes, outputFile) => {
    expect(scannerCommand(tool, at)).toEqual({
      command,
      args,
      reportExitCodes,
      ...(outputFile ? { outputFile } : {}),
    });
  });
});

describe("the Sentinel action", () => {
  it("runs every scanner in the workspace, evaluates, writes the summary and uploads the result artifact", async () => {
    const toolkit = fakeToolkit({ inputs: INPUTS, files: FILES, commands: INSTALLED });
    await run(toolkit);
    expect(toolkit.calls.map((c) => [c.command, c.cwd])).toEqual(
      ["trivy", "tfsec", "checkov", "conftest", "infracost"].map((c) => [c, WORKSPACE]),
    );
    expect(toolkit.calls[0]!.args).toEqual([
      "config",
      "--format",
      "json",
      "--output",
      `${OUT_DIR}/trivy.json`,
      "infra/checkout-api",
    ]);
    expect(toolkit.uploads).toEqual([
      { name: ARTIFACT_NAME, files: [`${OUT_DIR}/validation-result.json`], rootDirectory: OUT_DIR },
    ]);
    const result = resultOf(toolkit);
    expect(validateArtifact("ValidationResult", result).ok).toBe(true);
    expect(result.tools.map((t: { name: string; status: string }) => `${t.name}:${t.status}`)).toEqual([
      "terraform:ran",
      "trivy:ran",
      "tfsec:ran",
      "checkov:ran",
      "conftest:ran",
      "infracost:ran",
      "infracrew-policy:ran",
      "infracrew-budget:ran",
    ]);
    // Checkov's recorded findings (one HIGH) fail it; its exit code 1 still means it ran.
    expect(result.verdict).toBe("FAIL");
    expect(
      result.findings
        .filter((f: { blocking: boolean }) => f.blocking)
        .map((f: { ruleId: string; file: string }) => [f.ruleId, f.file]),
    ).toEqual([["CKV_GCP_28", "infra/checkout-api/gcs.tf"]]);
    expect(toolkit.outputs).toEqual(
      new Map([
        ["verdict", "FAIL"],
        ["result-file", `${OUT_DIR}/validation-result.json`],
        ["failing-reasons", "1"],
      ]),
    );
    expect(toolkit.summaries).toHaveLength(1);
    expect(toolkit.summaries[0]).toMatch(/^## ❌ Sentinel: FAIL\n/);
    expect(toolkit.failures).toEqual([`Sentinel: FAIL. ${result.reasons[0]}`]);
  });

  it("passes a clean stack, and leaves the step green", async () => {
    const commands = {
      ...INSTALLED,
      checkov: {
        writes: {
          [`${OUT_DIR}/checkov/results_json.json`]: fixture(
            "checkov/checkov_2.1_summary_only_no_resources.json",
          ),
        },
      },
    };
    const toolkit = fakeToolkit({ inputs: INPUTS, files: FILES, commands });
    await run(toolkit);
    expect(resultOf(toolkit).verdict).toBe("PASS");
    expect(toolkit.outputs.get("verdict")).toBe("PASS");
    expect(toolkit.failures).toEqual([]);
  });

  it("fails, naming it, when a scanner the policy requires is not installed", async () => {
    const toolkit = fakeToolkit({
      inputs: { ...INPUTS, policy: "policy.yml" },
      files: { ...FILES, "policy.yml": "policy:\n  requiredTools: [tfsec]\n" },
      commands: { ...INSTALLED, tfsec: { missing: true } },
    });
    await run(toolkit);
    const result = resultOf(toolkit);
    expect(result.verdict).toBe("FAIL");
    expect(result.reasons[0]).toBe(
      "tfsec is required by the org policy but failed: tfsec could not be started (is it installed?): Unable to locate executable file: tfsec. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.",
    );
    expect(result.tools[2]).toMatchObject({ name: "tfsec", status: "failed" });
  });

  it("fails a required scanner that exits with an error, or writes garbage, and says what it said", async () => {
    const toolkit = fakeToolkit({
      inputs: { ...INPUTS, required: "trivy, infracost" },
      files: FILES,
      commands: {
        ...INSTALLED,
        trivy: {
          exitCode: 2,
          stderr: "2026-11-27T12:00:00Z\tFATAL\tFatal error\tconfig scan error: no such directory\n",
        },
        infracost: { writes: { [`${OUT_DIR}/infracost.json`]: "Error: INFRACOST_API_KEY is not set" } },
      },
    });
    await run(toolkit);
    const result = resultOf(toolkit);
    expect(result.reasons.slice(0, 2)).toEqual([
      "Trivy is required by the org policy but failed: Trivy exited with code 2: 2026-11-27T12:00:00Z\tFATAL\tFatal error\tconfig scan error: no such directory.",
      `Infracost is required by the org policy but failed: ${OUT_DIR}/infracost.json: Infracost: not valid JSON: Unexpected token 'E'.`,
    ]);
  });

  it("does not fail on a scanner that is not required, and skips those not asked for", async () => {
    const toolkit = fakeToolkit({
      inputs: { ...INPUTS, scanners: "trivy,tfsec" },
      files: FILES,
      commands: { ...INSTALLED, tfsec: { missing: true } },
    });
    await run(toolkit);
    const result = resultOf(toolkit);
    expect(
      result.tools
        .slice(1, 6)
        .map((t: { name: string; status: string; reason?: string }) => [t.name, t.status, t.reason]),
    ).toEqual([
      ["trivy", "ran", undefined],
      [
        "tfsec",
        "failed",
        expect.stringMatching(
          /^tfsec could not be started \(is it installed\?\): Unable to locate executable file: tfsec\./,
        ),
      ],
      ["checkov", "skipped", "not in the action's scanners input"],
      ["conftest", "skipped", "not in the action's scanners input"],
      ["infracost", "skipped", "not in the action's scanners input"],
    ]);
    expect(result.reasons).toContain(
      "tfsec failed (tfsec could not be started (is it installed?): Unable to locate executable file: tfsec. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.); it is not required, so the verdict does not rest on it.",
    );
    expect(toolkit.calls.map((c) => c.command)).toEqual(["trivy", "tfsec"]);
  });

  it("takes the goal, the commit and the budget from the ValidateRequest, and fails on an invalid policy file", async () => {
    const request = JSON.parse(fixture("../../schemas/examples/validate-request.json"));
    const toolkit = fakeToolkit({
      inputs: { ...INPUTS, budget: "", "validate-request": "validate-request.json" },
      files: {
        ...FILES,
        "validate-request.json": JSON.stringify(request),
        ".github/infracrew.yml": "policy:\n  budgetBrakeRatio: 2\n",
      },
      commands: INSTALLED,
    });
    await run(toolkit);
    const result = resultOf(toolkit);
    expect([result.goalRef, result.stack, result.sha, result.budget.monthlyUsd]).toEqual([
      request.goalRef,
      "invoice-worker",
      request.sha,
      300,
    ]);
    expect(result.reasons[0]).toBe(
      "The org policy .github/infracrew.yml is invalid, so Sentinel used the defaults and fails: policy.budgetBrakeRatio: must be ≤ 1 (got 2).",
    );
  });

  it("fails when the plan cannot be read", async () => {
    const toolkit = fakeToolkit({
      inputs: INPUTS,
      files: { ...FILES, "tfplan.json": fixture("tfsec/tfsec_results_null.json") },
      commands: INSTALLED,
    });
    await run(toolkit);
    const result = resultOf(toolkit);
    expect(result.tools[0]).toEqual({
      name: "terraform",
      status: "failed",
      reason:
        "tfplan.json: Terraform: this is tfsec's JSON (tfsec --format json), not a Terraform plan (an object with format_version and resource_changes)",
    });
    expect(result.reasons[0]).toBe(`The plan could not be read: ${result.tools[0].reason}.`);
  });

  it("fails the step, having written the summary, when the artifact cannot be uploaded", async () => {
    const toolkit = fakeToolkit({
      inputs: INPUTS,
      files: FILES,
      commands: INSTALLED,
      uploadError: "Unable to get the ACTIONS_RUNTIME_TOKEN env variable",
    });
    await run(toolkit);
    expect(toolkit.summaries).toHaveLength(1);
    expect(toolkit.failures).toEqual([
      "Sentinel could not finish, so nothing passed: Unable to get the ACTIONS_RUNTIME_TOKEN env variable",
    ]);
    expect(toolkit.outputs.size).toBe(0);
  });

  it("refuses bad inputs before running anything", async () => {
    const toolkit = fakeToolkit({
      inputs: { ...INPUTS, dir: "../elsewhere", scanners: "trivvy", budget: "lots", "fail-step": "maybe" },
    });
    await run(toolkit);
    expect(toolkit.calls).toEqual([]);
    expect(toolkit.failures).toEqual([
      'Sentinel\'s inputs are invalid: dir: must be a path inside the workspace (got "../elsewhere"); budget: must be a monthly amount in USD greater than 0 (got "lots"); fail-step: must be true or false (got "maybe"); scanners: "trivvy" is not a scanner Sentinel runs (trivy, tfsec, checkov, conftest, infracost); did you mean trivy?',
    ]);
  });
});

describe("the action's inputs", () => {
  it("reads the defaults action.yml gives", () => {
    const inputs = readInputs((name) => INPUTS[name as keyof typeof INPUTS] ?? "");
    expect(inputs.ok ? inputs.value : inputs.problems.map(formatProblem)).toEqual({
      dir: "infra/checkout-api",
      planJson: "tfplan.json",
      scanners: ["trivy", "tfsec", "checkov", "conftest", "infracost"],
      required: [],
      policy: ".github/infracrew.yml",
      conftestPolicy: "policy",
      budget: 5000,
      failStep: true,
    });
  });
});
