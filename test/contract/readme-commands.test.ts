import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readRepoFile, repoPath } from "../support/repo-files.js";

const readme = readRepoFile("README.md");
/** The section a newcomer starts from: "Try it: two commands", up to the next heading of its level. */
const tryIt = /^## Try it: two commands\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? "";
const shellBlocks = [...tryIt.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => (m[1] ?? "").trim());
const scratch = mkdtempSync(path.join(tmpdir(), "infracrew-readme-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the README's two commands", () => {
  it("are the set-up plus the main job, then the tests, in that order", () => {
    expect(shellBlocks).toHaveLength(2);
    expect(shellBlocks[0]).toMatch(/^npm ci && npx infracrew run \S+ --out out\/\S+$/);
    expect(shellBlocks[1]).toBe("scripts/setup-test-machine.sh && npm ci && npm test");
  });

  it("CI runs the README's test command: the machine set-up, then npm ci, then npm test", () => {
    const ci = readRepoFile(".ci", "run");
    const lines = ci.split("\n").map((line) => line.trim());
    const steps = (shellBlocks[1] ?? "").split(" && ");
    const at = steps.map((step) => lines.findIndex((line) => line.startsWith(step)));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it(
    "the main job runs as written (its goal, into a scratch --out): the steps the README shows, and the files it describes",
    { timeout: 90_000 },
    () => {
      const args = (shellBlocks[0] ?? "").replace(/^npm ci && npx infracrew /, "").split(" ");
      const goal = args[1] ?? "";
      expect(existsSync(repoPath(goal))).toBe(true);
      const outIndex = args.indexOf("--out");
      const out = path.join(scratch, "out");
      args.splice(outIndex, 2, "--out", out, "--no-diagram");
      const run = spawnSync("npx", ["infracrew", ...args], { cwd: repoPath(), encoding: "utf8" });
      expect(run.stderr).toMatch(/^PASS \(offline verdict\)/m);
      expect(run.status).toBe(0);
      const untimed = (text: string) =>
        text
          .split("\n")
          .filter((line) => /^(Atlas|Forge|Sentinel) /.test(line))
          .map((line) => line.replace(/ \([\d.]+ m?s\)$/, ""));
      const shown = readme.slice(readme.indexOf(shellBlocks[0] ?? ""));
      expect(untimed(run.stderr)).toEqual(untimed(shown.slice(0, shown.indexOf("## What the output means"))));
      const written = readdirSync(out);
      for (const file of [
        "report.md",
        "planspec.json",
        "terraform",
        "validation-result.json",
        "diagram.mmd",
      ]) {
        expect(written).toContain(file);
        expect(readme).toContain(`\`${file === "terraform" ? "terraform/" : file}\``);
      }
    },
  );
});
