import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkInterfaces, MODULE_LIST, RESOURCE_LIST } from "../../../app/agents/forge/index.js";
import { formatProblem } from "../../../app/contracts/problem.js";
import { FORGE_STACKS, parseStack, renderFixture } from "../../support/forge-stacks.js";
import { expectGolden } from "../../support/golden.js";
import { repoPath } from "../../support/repo-files.js";

function goldenFiles(dir: string): string[] {
  const root = repoPath("test", "golden", dir);
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) =>
      statSync(path.join(d, n)).isDirectory() ? walk(path.join(d, n)) : [path.join(d, n)],
    );
  try {
    return walk(root)
      .map((f) => path.relative(root, f))
      .sort();
  } catch {
    return [];
  }
}

/** Terraform 1.11 is installed here on the project's machines; the HCL parser check above runs everywhere. */
const TERRAFORM = "/usr/local/bin/terraform";

/** The files `terraform fmt -check` would rewrite (empty when every file is canonical). */
function terraformFmtCheck(files: readonly { path: string; content: string }[]): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), "infracrew-fmt-"));
  try {
    for (const f of files.filter((f) => f.path.endsWith(".tf"))) {
      mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
      writeFileSync(path.join(dir, f.path), f.content);
    }
    try {
      execFileSync(TERRAFORM, ["fmt", "-check", "-list=true", "-recursive"], {
        cwd: dir,
        env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", CHECKPOINT_DISABLE: "1" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      return [];
    } catch (error) {
      const out = String((error as { stdout?: Buffer }).stdout ?? "");
      return out.trim() === "" ? [String(error)] : out.trim().split("\n");
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(FORGE_STACKS)("the $name stack", (stack) => {
  const rendered = renderFixture(stack);
  const dir = `forge/${stack.golden}`;

  it("renders every file as its golden copy", () => {
    for (const file of rendered.files) expectGolden(`${dir}/${file.path}`, file.content);
    if (process.env.UPDATE_GOLDEN !== "1") {
      expect(goldenFiles(dir)).toEqual(rendered.files.map((f) => f.path).sort());
    }
  });

  it("writes the files of a root module, and only under the stack's directory", () => {
    const names = rendered.files.map((f) => path.posix.basename(f.path));
    expect(names).toEqual(
      expect.arrayContaining([
        "versions.tf",
        "providers.tf",
        "backend.tf",
        "main.tf",
        "variables.tf",
        "outputs.tf",
        "planspec.json",
        "README.md",
      ]),
    );
    const dirs = new Set(rendered.files.map((f) => path.posix.dirname(f.path)));
    expect([...dirs]).toHaveLength(1);
  });

  it("parses with HashiCorp's HCL parser, and every module call and resource matches its vendored interface", async () => {
    const parsed = await parseStack(rendered);
    expect(parsed.length).toBeGreaterThan(6);
    expect(
      checkInterfaces(parsed, { modules: MODULE_LIST, resources: RESOURCE_LIST }).map(formatProblem),
    ).toEqual([]);
  });

  it.runIf(existsSync(TERRAFORM))(
    `terraform fmt -check passes on every .tf file (runs ${TERRAFORM}, present on this machine)`,
    () => {
      expect(terraformFmtCheck(rendered.files)).toEqual([]);
    },
  );

  it("renders the same bytes every time", () => {
    expect(renderFixture(stack)).toEqual(rendered);
  });
});
