import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { repoPath } from "../support/repo-files.js";

const run = promisify(execFile);

async function infracrew(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("node", [repoPath("bin/infracrew.js"), ...args], {
      cwd: repoPath(),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("the installed infracrew command", () => {
  it("validates the bundled examples with exit 0", async () => {
    const result = await infracrew(
      "validate",
      "schemas/examples/goal-web-api.json",
      "schemas/examples/goal-issue-form-body.md",
      "schemas/examples/infracrew.yml",
    );
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain("ok schemas/examples/infracrew.yml (OrgPolicy)");
  });

  it("exits 2 with the message on stderr for an invalid file", async () => {
    const result = await infracrew("validate", "schemas/examples/invalid/goal-statement-negative-rps.json");
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "schemas/examples/invalid/goal-statement-negative-rps.json: traffic.peakRps: must be ≥ 1 (got -5)\n",
    });
  });
});
