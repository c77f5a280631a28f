import { execFile } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { readRepoFile, repoPath } from "../support/repo-files.js";

const run = promisify(execFile);
const dirs: string[] = [];

afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe("the installed infracrew render command", () => {
  it("writes the golden stack to disk under --out", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "infracrew-render-"));
    dirs.push(out);
    const { stdout, stderr } = await run(
      "node",
      [
        repoPath("bin/infracrew.js"),
        "render",
        "schemas/examples/plan-spec-invoice-worker.json",
        "--out",
        out,
      ],
      { cwd: repoPath() },
    );
    expect(stderr).toBe("");
    expect(stdout.trim().split("\n")).toHaveLength(12);
    const stack = path.join(out, "infra", "invoice-worker");
    const files = (await readdir(stack)).sort();
    expect(files).toContain("worker.tf");
    for (const file of files) {
      expect(await readFile(path.join(stack, file), "utf8")).toBe(
        readRepoFile("test/golden/forge/invoice-worker/infra/invoice-worker", file),
      );
    }
    expect(await readdir(out)).toEqual(["infra"]);
  });

  it("renders what infracrew plan designs: goal → Atlas → Forge, to the golden stack", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "infracrew-plan-render-"));
    dirs.push(out);
    const bin = repoPath("bin/infracrew.js");
    const policy = ["--policy", "schemas/examples/infracrew.yml"];
    const plan = await run(
      "node",
      [bin, "plan", "schemas/examples/goal-worker.json", ...policy, "--now", "2026-11-27T00:00:00Z"],
      {
        cwd: repoPath(),
      },
    );
    const specFile = path.join(out, "plan-spec.json");
    await writeFile(specFile, plan.stdout);
    await run("node", [bin, "render", specFile, "--out", path.join(out, "repo"), ...policy], {
      cwd: repoPath(),
    });
    const stack = path.join(out, "repo", "infra", "invoice-worker");
    const files = (await readdir(stack)).sort();
    expect(files).toContain("worker.tf");
    for (const file of files) {
      expect(await readFile(path.join(stack, file), "utf8")).toBe(
        readRepoFile("test/golden/forge/goals/invoice-worker/infra/invoice-worker", file),
      );
    }
  });
});
