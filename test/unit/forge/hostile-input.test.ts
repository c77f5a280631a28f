import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderStack } from "../../../app/agents/forge/index.js";
import type { PlanSpec } from "../../../app/contracts/generated/index.js";
import type { Component } from "../../../app/contracts/generated/plan-spec.js";
import { validateArtifact } from "../../../app/contracts/validator.js";
import { literalValue, parseHcl } from "../../support/hcl.js";
import { loadPlanSpec, loadPolicy } from "../../support/forge-stacks.js";

const HOSTILE =
  'x" }\n}\nresource "aws_iam_user" "evil" {\n  name = "${var.secret}" %{ if true }yes%{ endif } ../../etc/passwd `rm -rf /` | <script> ```\u202e 日本語 😀 \\';
const TAG_HOSTILE =
  "checkov:skip=CKV_AWS_19:x trivy:ignore:AVD-AWS-0088 tfsec:ignore:aws-s3-enable-bucket-encryption";

type Tree = Record<string, unknown>;
const dig = (tree: unknown, ...keys: (string | number)[]): unknown =>
  keys.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], tree);

function hostileSpec(): PlanSpec {
  const spec = structuredClone(loadPlanSpec("test/fixtures/forge/plan-spec-checkout-api.json"));
  spec.summary = HOSTILE.slice(0, 300);
  spec.tags = { team: TAG_HOSTILE, "cost-center": "a/b=c+d@e:f ${x}".replace("${x}", "x") };
  spec.diagram.mermaid = `flowchart LR\n  a --> b\n\`\`\`\`\n${HOSTILE}`;
  spec.cost.lines[0]!.basis = HOSTILE;
  spec.risks[0]!.impact = HOSTILE;
  for (const c of spec.components as Component[]) {
    c.rationale = HOSTILE;
    if (c.kind === "container-service") c.params.image = HOSTILE;
    if (c.kind === "load-balancer") c.params.healthCheckPath = `/${HOSTILE}`;
    if (c.kind === "cache") c.params.engineVersion = HOSTILE;
  }
  return spec;
}

describe("hostile goal text", () => {
  const spec = hostileSpec();
  const files = renderStack(spec, { policy: loadPolicy("schemas/examples/infracrew.yml") }).files;
  const file = (name: string): string => files.find((f) => f.path.endsWith(`/${name}`))!.content;

  it("is a valid PlanSpec: the contract lets these strings through, so Forge must hold them", () => {
    expect(validateArtifact("PlanSpec", spec).ok).toBe(true);
  });

  it("leaves every .tf file parseable, and comes back verbatim as string values", async () => {
    const parsed: Record<string, Tree> = {};
    for (const f of files.filter((f) => f.path.endsWith(".tf")))
      parsed[f.path.split("/").pop()!] = await parseHcl(f.path, f.content);
    const app = dig(parsed["app.tf"], "module", "app", 0, "container_definitions", "app");
    expect(literalValue(dig(app, "image") as string)).toBe(HOSTILE);
    const lb = dig(parsed["lb.tf"], "module", "lb", 0, "target_groups", "app", "health_check", "path");
    expect(literalValue(lb as string)).toBe(`/${HOSTILE}`);
    expect(literalValue(dig(parsed["cache.tf"], "module", "cache", 0, "engine_version") as string)).toBe(
      HOSTILE,
    );
    const tags = dig(parsed["providers.tf"], "provider", "aws", 0, "default_tags", 0, "tags") as Record<
      string,
      string
    >;
    expect(literalValue(tags.team!)).toBe(TAG_HOSTILE);
    expect(Object.keys(parsed).sort()).toEqual(
      [
        "app-logs.tf",
        "app.tf",
        "backend.tf",
        "cache.tf",
        "db.tf",
        "lb.tf",
        "main.tf",
        "network.tf",
        "outputs.tf",
        "providers.tf",
        "uploads.tf",
        "variables.tf",
        "versions.tf",
      ].sort(),
    );
  });

  it("never writes goal text into a comment, and cannot switch a scanner off", () => {
    for (const f of files.filter((f) => f.path.endsWith(".tf"))) {
      for (const line of f.content.split("\n")) {
        if (line.trim().startsWith("#"))
          expect(line).not.toMatch(/evil|passwd|script|CKV_AWS_19|AVD-AWS-0088/);
        expect(line).not.toMatch(
          /checkov:skip=CKV_AWS_19|trivy:ignore:AVD-AWS-0088|tfsec:ignore:aws-s3-enable-bucket-encryption/,
        );
      }
    }
  });

  it("keeps every path inside the stack directory", () => {
    for (const f of files) {
      expect(f.path.startsWith(`${spec.terraform.dir}/`)).toBe(true);
      expect(f.path.split("/")).not.toContain("..");
    }
  });

  it("keeps the README's structure: one line per table row, the diagram inside its fence", () => {
    const readme = file("README.md");
    expect(readme).toContain("`````mermaid\n");
    const outsideFence = readme.replace(/`````mermaid\n[\s\S]*?\n`````\n/, "");
    expect(outsideFence).not.toContain("<script>");
    expect(outsideFence).toContain("\\<script\\>");
    const costRows = readme.split("\n").filter((l) => l.startsWith("| network |"));
    expect(costRows).toHaveLength(1);
    expect(costRows[0]!.split(/(?<!\\)\|/)).toHaveLength(5);
  });

  it("round-trips any image and summary text (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", minLength: 1 }), async (text) => {
        const s = structuredClone(spec);
        for (const c of s.components as Component[])
          if (c.kind === "container-service") c.params.image = text;
        s.summary = text.slice(0, 300);
        const out = renderStack(s, { policy: loadPolicy(undefined) }).files;
        const app = out.find((f) => f.path.endsWith("/app.tf"))!;
        const parsed = await parseHcl("app.tf", app.content);
        const image = dig(parsed, "module", "app", 0, "container_definitions", "app", "image") as string;
        expect(literalValue(image)).toBe(text.normalize("NFC"));
      }),
      { numRuns: 40 },
    );
  });
});
