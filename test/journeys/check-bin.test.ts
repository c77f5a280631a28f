import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { repoPath } from "../support/repo-files.js";

/** `infracrew check` as a user's CI runs it: a real process, its exit code and its streams. */
function check(...args: string[]) {
  const run = spawnSync("node", [repoPath("bin/infracrew.js"), "check", ...args], {
    cwd: repoPath(),
    encoding: "utf8",
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("infracrew check, installed", () => {
  it("fails the recorded Trivy report with exit 1, and refuses a tfsec file given as Trivy's with exit 2", () => {
    const failed = check(
      "--trivy=test/fixtures/trivy/config_terraform_aws_v0.72.json",
      "--plan-json=test/fixtures/terraform/plan_aws_create_infracost_example.json",
      "--infracost=test/fixtures/infracost/breakdown_aws_plan_out_file.json",
      "--budget=2000",
      "--format=json",
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe("");
    expect(JSON.parse(failed.stdout)).toMatchObject({
      kind: "ValidationResult",
      verdict: "FAIL",
      failingReasons: 1,
    });

    const refused = check("--trivy=test/fixtures/tfsec/tfsec_results_null.json", "--budget=10");
    expect(refused).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "test/fixtures/tfsec/tfsec_results_null.json: Trivy: this is tfsec's JSON (tfsec --format json), not Trivy's JSON report (an object with SchemaVersion and Results)\n",
    });
  });
});
