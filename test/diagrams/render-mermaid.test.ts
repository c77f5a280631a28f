import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ChromiumMissingError,
  findChromium,
  launchMermaidBrowser,
  MermaidSyntaxError,
  renderMermaid,
  type MermaidRenderer,
} from "../../app/platform/mermaid/render-mermaid.js";
import { svgText } from "../support/svg-text.js";

const root = path.resolve(import.meta.dirname, "..", "..");
const srcDir = path.join(root, "docs", "diagrams", "src");
const svgDir = path.join(root, "docs", "diagrams", "svg");
const browserTimeout = 120_000;

const states = [
  "PENDING",
  "IN_PROGRESS",
  "VALIDATING",
  "READY_FOR_APPLY",
  "WAIT_FOR_APPROVE",
  "APPLYING",
  "DONE",
  "BLOCKED",
  "ROLLBACK",
];

const expectedLabels: Readonly<Record<string, readonly string[]>> = {
  "artifact-flow": [
    "Developer",
    "Reviewer",
    "GitHub",
    "Conductor",
    "Atlas",
    "Forge",
    "Sentinel",
    "Slack",
    "#infra-reviews",
    "GoalStatement",
    "PlanSpec",
    "DesignBlocked",
    "ValidateRequest",
    "ValidationResult",
    "ApplyResult",
    "infracrew-validation-result",
    "infracrew-apply-result",
    "Infracrew / Sentinel",
    "Infracrew / Conductor",
    "issues.opened",
    "pull_request.synchronize",
    "workflow_run.completed",
    "workflow_dispatch",
    "/approve",
    "infra/<goal>/",
    "State of record",
    "deployment_protection_rule",
    "nonce",
  ],
  "conductor-state-machine": [
    ...states,
    "issues.opened",
    "pull request opened",
    "workflow_run.completed",
    "pull_request.synchronize",
    "/approve",
    "/rollback",
    "last known-good",
  ],
  "deployment-topology": [
    "GitHub",
    "infracrew:<state>",
    "Infracrew / Sentinel",
    "Infracrew / Conductor",
    "infracrew-apply",
    "N Probot replicas",
    "State of record",
    "PostgreSQL",
    "/infracrew/gate",
    "Gate",
    "Conductor",
    "Atlas",
    "Forge",
    "Sentinel",
    "Trivy",
    "Checkov",
    "Conftest",
    "Infracost",
    "Slack #infra-reviews",
    "Prometheus",
    "Grafana",
    "/metrics",
  ],
};

const sources = readdirSync(srcDir)
  .filter((file) => file.endsWith(".mmd"))
  .map((file) => path.basename(file, ".mmd"))
  .sort();

function expectLabels(svg: string, name: string): void {
  const text = svgText(svg);
  const missing = (expectedLabels[name] ?? []).filter((label) => !text.includes(label));
  expect(missing, `labels missing from ${name}`).toEqual([]);
}

it("has a table of expected labels for exactly the diagrams in docs/diagrams/src", () => {
  expect(sources.length).toBeGreaterThan(0);
  expect(Object.keys(expectedLabels).sort()).toEqual(sources);
});

describe("the Mermaid renderer", () => {
  let renderer: MermaidRenderer;

  beforeAll(async () => {
    renderer = await launchMermaidBrowser();
  }, browserTimeout);

  afterAll(async () => {
    await renderer?.close();
  }, browserTimeout);

  it.each(sources)(
    "renders %s.mmd with every label",
    async (name) => {
      const svg = await renderer.render(readFileSync(path.join(srcDir, `${name}.mmd`), "utf8"), {
        svgId: name,
      });
      expect(svg.startsWith("<svg")).toBe(true);
      expect(svg).toContain(`id="${name}"`);
      expectLabels(svg, name);
    },
    browserTimeout,
  );

  it(
    "turns a syntax error into MermaidSyntaxError with Mermaid's message, and keeps working",
    async () => {
      const source = "flowchart LR\n  A --> B\n  B -->> C\n  C --> D";
      const error = await renderer.render(source).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MermaidSyntaxError);
      const syntaxError = error as MermaidSyntaxError;
      expect(syntaxError.message).toMatch(/^Parse error on line 3:/);
      expect(syntaxError.message).not.toMatch(/https?:\/\//);
      expect(syntaxError.line).toBe(3);

      const unknown = await renderer.render("not-a-diagram\n  A --> B").catch((e: unknown) => e);
      expect(unknown).toBeInstanceOf(MermaidSyntaxError);
      expect((unknown as MermaidSyntaxError).message).toMatch(/No diagram type detected/);

      expect(await renderer.render("flowchart LR\n  A --> B")).toMatch(/^<svg/);
    },
    browserTimeout,
  );

  it(
    "gives the same SVG for the same source",
    async () => {
      const source = readFileSync(path.join(srcDir, "deployment-topology.mmd"), "utf8");
      const [first, second] = await Promise.all([renderer.render(source), renderer.render(source)]);
      expect(first).toBe(second);
    },
    browserTimeout,
  );
});

describe("locating Chromium", () => {
  it("reports a missing executable as ChromiumMissingError that says how to install it", async () => {
    const error = await launchMermaidBrowser({ executablePath: "/nonexistent/chromium" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ChromiumMissingError);
    expect((error as Error).message).toContain("/nonexistent/chromium");
    expect((error as Error).message).toContain("apt-get install -y chromium");
    expect((error as Error).message).toContain("PUPPETEER_EXECUTABLE_PATH");
  });

  it("names the environment variable that pointed to the missing executable", async () => {
    const error = await renderMermaid("flowchart LR\n  A --> B", {
      env: { CHROMIUM_PATH: "/nonexistent/chromium" },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChromiumMissingError);
    expect((error as ChromiumMissingError).source).toBe("CHROMIUM_PATH");
    expect((error as Error).message).toContain("(from CHROMIUM_PATH)");
  });

  it("prefers PUPPETEER_EXECUTABLE_PATH, then CHROMIUM_PATH, then /usr/bin/chromium", async () => {
    expect(
      await findChromium({ PUPPETEER_EXECUTABLE_PATH: "/nonexistent/a", CHROMIUM_PATH: "/usr/bin/chromium" }),
    ).toBe(undefined);
    expect(await findChromium({ CHROMIUM_PATH: "/nonexistent/b" })).toBe(undefined);
    expect(await findChromium({})).toBe(existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  });
});

describe("the committed SVGs in docs/diagrams/svg", () => {
  it.each(sources)("%s.svg exists and carries the labels of its source", (name) => {
    const file = path.join(svgDir, `${name}.svg`);
    expect(
      existsSync(file),
      `${path.relative(root, file)} is missing; run npx tsx scripts/render-diagrams.ts`,
    ).toBe(true);
    const svg = readFileSync(file, "utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    expectLabels(svg, name);
  });
});
