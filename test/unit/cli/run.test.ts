import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../../app/cli/main.js";
import type { ArtifactTypes } from "../../../app/contracts/generated/index.js";
import { validateArtifact } from "../../../app/contracts/validator.js";
import { fakeIo, type FakeIo } from "../../support/fake-io.js";
import { expectGolden } from "../../support/golden.js";

const NOW = "2026-11-27T00:00:00Z";
const POLICY = "examples/infracrew.yml";
const TRIVY_HIGH = "test/fixtures/trivy/config_terraform_aws_v0.72.json";

async function run(args: string[], options: Parameters<typeof fakeIo>[0] = {}, tty = false) {
  const base = fakeIo(options);
  let stderr = "";
  const io: FakeIo = tty ? { ...base, stderr: { write: (t) => void (stderr += t), isTTY: true } } : base;
  const code = await main(["run", ...args], io);
  return { code, out: io.out(), err: tty ? stderr : io.err(), written: io.written };
}

function text(written: Map<string, string | Uint8Array>, file: string): string {
  const content = written.get(file);
  if (typeof content !== "string") expect.fail(`${file} was not written as text`);
  return content;
}

function artifact<K extends "PlanSpec" | "ValidationResult" | "DesignBlocked">(
  written: Map<string, string | Uint8Array>,
  file: string,
  kind: K,
): ArtifactTypes[K] {
  const checked = validateArtifact(kind, JSON.parse(text(written, file)));
  if (!checked.ok) expect.fail(`${file}: ${JSON.stringify(checked.problems)}`);
  return checked.value;
}

const STACK_FILES = {
  "orders-api": ["cache.tf", "database.tf", "load-balancer.tf", "logs.tf", "network.tf", "service.tf"],
  "handbook-site": ["cdn.tf", "site.tf"],
  "brand-site": ["cdn.tf", "domain.tf", "site.tf"],
  "thumbnail-worker": ["bucket-thumbnails.tf", "logs.tf", "network.tf", "queue.tf", "worker.tf"],
} as const;
const COMMON = [
  "README.md",
  "backend.tf",
  "main.tf",
  "outputs.tf",
  "planspec.json",
  "providers.tf",
  "variables.tf",
  "versions.tf",
];

describe("infracrew run: every example, offline", { timeout: 60_000 }, () => {
  it.each([
    ["examples/web-api.json", "orders-api", 959.87],
    ["examples/static-site.yaml", "handbook-site", 17.05],
    ["examples/worker.json", "thumbnail-worker", 119.93],
    ["examples/static-site-domain.yaml", "brand-site", 25.57],
  ] as const)("%s passes with exit 0 and writes its files under out/<name>", async (goal, name, monthly) => {
    const { code, out, err, written } = await run([goal, "--policy", POLICY, "--now", NOW, "--no-diagram"]);
    expect(out).toBe("");
    expect(code).toBe(0);
    const dir = `out/${name}`;
    const terraform = [...COMMON, ...STACK_FILES[name]].sort().map((f) => `${dir}/terraform/${f}`);
    expect([...written.keys()].sort()).toEqual(
      [
        ...["diagram.mmd", "planspec.json", "report.md", "validation-result.json"].map((f) => `${dir}/${f}`),
        ...terraform,
      ].sort(),
    );
    const spec = artifact(written, `${dir}/planspec.json`, "PlanSpec");
    const result = artifact(written, `${dir}/validation-result.json`, "ValidationResult");
    expect(result).toMatchObject({
      verdict: "PASS",
      goalRef: spec.goalRef,
      cost: { monthlyUsd: monthly, source: "estimate" },
    });
    expect(text(written, `${dir}/diagram.mmd`)).toBe(spec.diagram.mermaid);
    expect(text(written, `${dir}/report.md`)).toMatch(new RegExp(`^# ${name}: ✅ PASS \\(offline\\)\\n`));
    expect(err).not.toContain("\u001b[");
    expect(err.split("\n").slice(0, 4)).toEqual([
      `infracrew run ${goal} → ${dir}/`,
      expect.stringMatching(/^Atlas {4} designed /),
      expect.stringMatching(/^Forge {4} wrote \d+ files for terraform\/ \(1 ms\)$/),
      expect.stringMatching(/^Sentinel {2}PASS \(offline\): 0 failing of \d+ reasons, 0 findings, forecast /),
    ]);
  });

  it("says the web-api example's report as the pull request and Sentinel's check would (golden)", async () => {
    const { err, written } = await run([
      "examples/web-api.json",
      "--policy",
      POLICY,
      "--now",
      NOW,
      "--no-diagram",
    ]);
    expectGolden("run/orders-api.report.md", text(written, "out/orders-api/report.md"));
    expectGolden("run/orders-api.stderr.txt", err);
  });

  it("writes design-blocked.json and report.md and exits 3 when Atlas blocks the design", async () => {
    const { code, err, written } = await run([
      "examples/web-api-tight-budget.json",
      "--policy",
      POLICY,
      "--now",
      NOW,
    ]);
    expect(code).toBe(3);
    expect([...written.keys()].sort()).toEqual([
      "out/orders-api/design-blocked.json",
      "out/orders-api/report.md",
    ]);
    const blocked = artifact(written, "out/orders-api/design-blocked.json", "DesignBlocked");
    expect(blocked.reasons.map((r) => r.code)).toEqual(["budget-too-small"]);
    expect(text(written, "out/orders-api/report.md")).toMatch(/^# orders-api: ⛔ design blocked\n/);
    expect(err).toContain("infracrew run: design blocked for orders-api\n  ✗ the cheapest design");
    expect(err).not.toContain("Forge");
    const report = text(written, "out/orders-api/report.md");
    expect(report).not.toContain("<!-- infracrew:goal -->");
    expect(report).not.toContain("Edit this issue");
    expect(report).toContain(
      "_Edit `examples/web-api-tight-budget.json` and run `infracrew run examples/web-api-tight-budget.json` again._",
    );
    expectGolden("run/orders-api-blocked.report.md", text(written, "out/orders-api/report.md"));
  });

  it("fails with exit 1 when a scanner output it is given finds problems, and says so in report.md", async () => {
    const { code, written } = await run([
      "examples/worker.json",
      "--policy",
      POLICY,
      "--now",
      NOW,
      "--no-diagram",
      "--trivy",
      TRIVY_HIGH,
    ]);
    expect(code).toBe(1);
    const result = artifact(written, "out/thumbnail-worker/validation-result.json", "ValidationResult");
    expect(result.verdict).toBe("FAIL");
    expect(result.tools.find((t) => t.name === "trivy")).toMatchObject({ status: "ran" });
    expect(text(written, "out/thumbnail-worker/report.md")).toContain("## ❌ Sentinel: FAIL (offline)");
  });

  it("still succeeds without Chromium, saying so on stderr and in report.md", async () => {
    const { code, err, written } = await run(
      ["examples/static-site.yaml", "--policy", POLICY, "--now", NOW],
      {
        env: { PUPPETEER_EXECUTABLE_PATH: "/nonexistent/chromium" },
      },
    );
    expect(code).toBe(0);
    expect(written.has("out/handbook-site/diagram.svg")).toBe(false);
    expect(written.has("out/handbook-site/diagram.mmd")).toBe(true);
    expect(err).toContain(
      "Diagram   no diagram.svg: Chromium was not found at /nonexistent/chromium (from PUPPETEER_EXECUTABLE_PATH).",
    );
    expect(text(written, "out/handbook-site/report.md")).toContain(
      "> **No diagram.svg:** Chromium was not found at /nonexistent/chromium (from PUPPETEER_EXECUTABLE_PATH).",
    );
  });

  it("shows progress with marks and colour on a terminal", async () => {
    const { err } = await run(
      ["examples/worker.json", "--policy", POLICY, "--now", NOW, "--no-diagram"],
      {},
      true,
    );
    expect(err).toContain("\r\x1b[2K\x1b[32m✔\x1b[0m Atlas");
    expect(err).toContain("\x1b[2m…\x1b[0m Sentinel  checking the stack offline");
  });

  it("names files an earlier run left in terraform/, which would join the stack", async () => {
    const { code, err } = await run(
      ["examples/worker.json", "--policy", POLICY, "--now", NOW, "--no-diagram"],
      {
        files: { "out/thumbnail-worker/terraform/old-cache.tf": "# from an earlier run\n" },
      },
    );
    expect(code).toBe(0);
    expect(err).toContain(
      "Note: out/thumbnail-worker/terraform/old-cache.tf is left from an earlier run and is not part of this stack: delete it.\n",
    );
  });

  it("writes only inside the out directory it resolved, wherever that is", async () => {
    const { code, written } = await run([
      "examples/worker.json",
      "--policy",
      POLICY,
      "--out",
      "../elsewhere/x",
      "--no-diagram",
    ]);
    expect(code).toBe(0);
    const io = fakeIo();
    const root = path.resolve(io.cwd, "../elsewhere/x");
    expect(written.size).toBe(17);
    for (const file of written.keys())
      expect(path.resolve(io.cwd, file).startsWith(`${root}${path.sep}`)).toBe(true);
  });
});

describe("infracrew run: bad input gets the messages and exit code of the single commands", () => {
  async function both(single: string[], runArgs: string[], files: Record<string, string> = {}) {
    const one = fakeIo({ files });
    const singleCode = await main(single, one);
    const ran = await run(runArgs, { files });
    return {
      single: { code: singleCode, err: one.err() },
      run: { code: ran.code, err: ran.err, written: ran.written.size },
    };
  }

  it.each([
    ["a goal with typos", "schemas/examples/invalid/goal-statement-typos.json", POLICY],
    ["a missing goal file", "examples/no-such-goal.json", POLICY],
    ["a bad policy", "examples/web-api.json", "schemas/examples/invalid/org-policy-bad-values.yml"],
    ["a missing policy file", "examples/web-api.json", "no-such-policy.yml"],
  ])("%s: as infracrew plan says it, exit 2, nothing written", async (_, goal, policy) => {
    const { single, run: ran } = await both(["plan", goal, "--policy", policy], [goal, "--policy", policy]);
    expect(single.code).toBe(2);
    expect(ran).toEqual({ code: 2, err: single.err, written: 0 });
  });

  it.each([
    ["a garbage scanner file", "--trivy", "garbage.json", { "garbage.json": "{ not json" }],
    ["another tool's output", "--trivy", "test/fixtures/tfsec/tfsec_results_null.json", {}],
    ["a missing scanner file", "--checkov", "no-such-checkov.json", {}],
    ["a garbage plan", "--plan-json", "garbage.json", { "garbage.json": "[]" }],
  ])("%s: as infracrew check says it, exit 2, nothing written", async (_, option, file, files) => {
    const { single, run: ran } = await both(
      ["check", option, file, "--budget", "100"],
      ["examples/web-api.json", option, file],
      files,
    );
    expect(single.code).toBe(2);
    expect(single.err).not.toBe("");
    expect(ran).toEqual({ code: 2, err: single.err, written: 0 });
  });

  it.each([
    [
      ["examples/web-api.json", "--now", "yesterday"],
      'infracrew run: --now must be an ISO-8601 date-time such as 2026-11-27T00:00:00Z (got "yesterday")\n',
    ],
    [
      ["examples/web-api.json", "--bogus", "x"],
      "infracrew run: --bogus: is not an option of infracrew run\n",
    ],
    [
      ["examples/web-api.json", "--polcy", "p.yml"],
      "infracrew run: --polcy: is not an option of infracrew run (did you mean --policy?)\n",
    ],
    [["examples/web-api.json", "--out"], "infracrew run: --out: needs a value\n"],
    [
      ["examples/web-api.json", "--out", "package.json"],
      "infracrew run: --out: must be a directory, and package.json is a file\n",
    ],
    [
      ["examples/web-api.json", "--out", "package.json/orders"],
      "infracrew run: --out: must be a directory, and package.json is a file\n",
    ],
    [["examples/web-api.json", "--no-diagram=yes"], "infracrew run: --no-diagram: takes no value\n"],
    [[], expect.stringMatching(/^infracrew run: name exactly one goal file \(usage: infracrew run <goal/)],
    [["a.json", "b.json"], expect.stringMatching(/^infracrew run: name exactly one goal file/)],
  ])("%j: exit 2 with %s", async (args, message) => {
    const ran = await run(args);
    expect(ran.code).toBe(2);
    expect(ran.err).toEqual(message);
    expect(ran.written.size).toBe(0);
  });
});
