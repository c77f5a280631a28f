import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { readRepoFile, repoPath } from "../support/repo-files.js";

const run = promisify(execFile);

describe("the installed infracrew plan command", () => {
  it("prints the golden PlanSpec for the shared web-api goal, exit 0", async () => {
    const { stdout, stderr } = await run(
      "node",
      [
        repoPath("bin/infracrew.js"),
        "plan",
        "schemas/examples/goal-web-api.json",
        "--policy",
        "schemas/examples/infracrew.yml",
        "--now",
        "2026-11-27T00:00:00Z",
      ],
      { cwd: repoPath() },
    );
    expect(stderr).toBe("");
    expect(stdout).toBe(readRepoFile("test", "golden", "atlas", "checkout-api.plan-spec.json"));
  });
});
