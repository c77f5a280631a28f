import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateArtifact } from "../../app/contracts/validator.js";
import { repoPath } from "../support/repo-files.js";
import { svgText } from "../support/svg-text.js";

const scratch = mkdtempSync(path.join(tmpdir(), "infracrew-run-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** `npx infracrew run …` in the repository, as the README has a newcomer type it. */
function infracrewRun(...args: string[]) {
  const run = spawnSync("npx", ["infracrew", "run", ...args], {
    cwd: repoPath(),
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("infracrew run, as a newcomer types it", () => {
  it(
    "runs the crew on the web-api example: exit 0, the files on disk, a valid verdict and a rendered diagram",
    { timeout: 90_000 },
    () => {
      const out = path.join(scratch, "web-api");
      const run = infracrewRun("examples/web-api.json", "--policy", "examples/infracrew.yml", "--out", out);
      expect(run.stderr).toMatch(/^PASS \(offline verdict\) in .*: read .*\/report\.md$/m);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe("");
      expect(run.stderr).not.toContain("\u001b[");
      expect(readdirSync(out).sort()).toEqual([
        "diagram.mmd",
        "diagram.svg",
        "planspec.json",
        "report.md",
        "terraform",
        "validation-result.json",
      ]);
      expect(readdirSync(path.join(out, "terraform"))).toContain("providers.tf");
      const result = validateArtifact(
        "ValidationResult",
        JSON.parse(readFileSync(path.join(out, "validation-result.json"), "utf8")),
      );
      expect(result.ok && result.value.verdict).toBe("PASS");
      const svg = readFileSync(path.join(out, "diagram.svg"), "utf8");
      expect(svg).toMatch(/^<svg /);
      expect(svgText(svg)).toContain("database: primary db.m7g.large");
      expect(readFileSync(path.join(out, "report.md"), "utf8")).toContain(
        "![Architecture of orders-api](diagram.svg)",
      );
    },
  );

  it.each([
    ["serverless-api.json", "serverless-api", "handler: Lambda"],
    ["dev-api-50.json", "dev-api-50", "database: RDS Single-AZ db.t4g.micro"],
    ["stream-processor.json", "stream-processor", "stream: Kinesis on demand, 48 h"],
    [
      "checkout-global.json",
      "checkout-global",
      "database-secondary: Aurora postgres, 2 × db.r6g.large, read-only until failover",
    ],
  ])(
    "runs the crew on examples/%s to PASS, with the design's diagram",
    { timeout: 90_000 },
    (file, name, node) => {
      const out = path.join(scratch, name);
      const run = infracrewRun(`examples/${file}`, "--policy", "examples/infracrew.yml", "--out", out);
      expect(run.stderr).toMatch(/^PASS \(offline verdict\) in .*: read .*\/report\.md$/m);
      expect(run.code).toBe(0);
      const result = validateArtifact(
        "ValidationResult",
        JSON.parse(readFileSync(path.join(out, "validation-result.json"), "utf8")),
      );
      expect(result.ok && result.value.verdict).toBe("PASS");
      expect(svgText(readFileSync(path.join(out, "diagram.svg"), "utf8"))).toContain(node);
    },
  );

  it(
    "runs the kubernetes example to PASS: an EKS cluster on its own node groups",
    { timeout: 90_000 },
    () => {
      const out = path.join(scratch, "kubernetes");
      const run = infracrewRun("examples/kubernetes.json", "--out", out);
      expect(run.stderr).toMatch(/^PASS \(offline verdict\) in .*: read .*\/report\.md$/m);
      expect(run.code).toBe(0);
      const plan = JSON.parse(readFileSync(path.join(out, "planspec.json"), "utf8")) as { pattern: string };
      expect(plan.pattern).toBe("kubernetes");
      expect(readFileSync(path.join(out, "terraform", "cluster.tf"), "utf8")).toContain(
        'source  = "terraform-aws-modules/eks/aws"',
      );
    },
  );

  it("runs the GPU example to PASS: ECS tasks on g5 instances, one task each", { timeout: 90_000 }, () => {
    const out = path.join(scratch, "gpu-api");
    const run = infracrewRun("examples/gpu-api.json", "--out", out);
    expect(run.stderr).toMatch(/^PASS \(offline verdict\) in .*: read .*\/report\.md$/m);
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(out, "terraform", "service.tf"), "utf8")).toContain(
      'instance_type = "g5.xlarge"',
    );
  });

  it(
    "runs the crew on the scheduled-job example to PASS: a Fargate task Scheduler starts, priced per run",
    { timeout: 90_000 },
    () => {
      const out = path.join(scratch, "scheduled-job");
      const run = infracrewRun(
        "examples/scheduled-job.json",
        "--policy",
        "examples/infracrew.yml",
        "--out",
        out,
      );
      expect(run.stderr).toMatch(/^PASS \(offline verdict\) in .*: read .*\/report\.md$/m);
      expect(run.code).toBe(0);
      expect(readdirSync(path.join(out, "terraform"))).toContain("job.tf");
      const result = validateArtifact(
        "ValidationResult",
        JSON.parse(readFileSync(path.join(out, "validation-result.json"), "utf8")),
      );
      expect(result.ok && result.value.verdict).toBe("PASS");
      const spec = JSON.parse(readFileSync(path.join(out, "planspec.json"), "utf8")) as {
        pattern: string;
        capacity: { model: string };
      };
      expect([spec.pattern, spec.capacity.model]).toEqual(["scheduled-job", "schedule-driven"]);
    },
  );

  it(
    "exits 2 with the file named for a missing goal, and 3 with report.md for a blocked one",
    { timeout: 90_000 },
    () => {
      const missing = path.join(scratch, "missing");
      expect(infracrewRun("examples/no-such-goal.json", "--out", missing)).toEqual({
        code: 2,
        stdout: "",
        stderr: "examples/no-such-goal.json: no such file\n",
      });
      expect(() => readdirSync(missing)).toThrow(/ENOENT/);

      const blockedOut = path.join(scratch, "blocked");
      const blocked = infracrewRun("examples/web-api-tight-budget.json", "--out", blockedOut);
      expect(blocked.code).toBe(3);
      expect(blocked.stderr).toContain(
        "infracrew run: design blocked for orders-api\n  ✗ the cheapest design that meets 99.9 % costs",
      );
      expect(readdirSync(blockedOut).sort()).toEqual(["design-blocked.json", "report.md"]);
    },
  );
});
