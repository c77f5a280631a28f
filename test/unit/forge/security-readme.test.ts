import { describe, expect, it } from "vitest";
import {
  SCANNER_EXCEPTIONS,
  type ScannerException,
} from "../../../app/agents/forge/catalog/scanner-exceptions.js";
import { ALB_SSL_POLICY } from "../../../app/agents/forge/components/load-balancer.js";
import { readRepoFile } from "../../support/repo-files.js";
import { FORGE_STACKS, renderFixture } from "../../support/forge-stacks.js";

const readme = readRepoFile("templates/terraform/README.md");
const EXCEPTIONS: ScannerException[] = Object.values(SCANNER_EXCEPTIONS);

describe("templates/terraform/README.md", () => {
  it("lists every deliberate scanner exception with its rule IDs and reason", () => {
    const section = readme.slice(
      readme.indexOf("## Deliberate exceptions"),
      readme.indexOf("## Not covered yet"),
    );
    for (const e of EXCEPTIONS) {
      const ids = [e.trivy, e.tfsec && `\`${e.tfsec}\``, e.checkov].filter(Boolean).join(" ");
      expect(section).toContain(`| ${ids} |`);
      expect(section).toContain(`| ${e.reason} |`);
    }
    expect(section.split("\n").filter((l) => /^\| (AVD|CKV)/.test(l))).toHaveLength(
      Object.keys(SCANNER_EXCEPTIONS).length,
    );
  });

  it("names the TLS policy the load balancers use", () => {
    expect(readme).toContain(ALB_SSL_POLICY);
  });

  it("matches the rendered stacks: every scanner directive in them is a listed exception", () => {
    const listed = new Set(EXCEPTIONS.flatMap((e) => [e.trivy, e.tfsec, e.checkov].filter(Boolean)));
    for (const stack of FORGE_STACKS) {
      for (const file of renderFixture(stack).files.filter((f) => f.path.endsWith(".tf"))) {
        for (const [, id] of file.content.matchAll(
          /#(?:trivy:ignore:|tfsec:ignore:|checkov:skip=)([A-Za-z0-9_-]+)/g,
        )) {
          expect(listed, `${file.path}: ${id}`).toContain(id);
        }
      }
    }
  });
});
