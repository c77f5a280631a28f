import YAML from "yaml";
import { describe, expect, it } from "vitest";
import { githubOpenApi } from "../support/openapi.js";
import { readRepoFile } from "../support/repo-files.js";
import { webhookExamples } from "../support/webhook-examples.js";

const text = readRepoFile("app.yml");
const manifest = YAML.parse(text) as {
  name: string;
  default_events: string[];
  default_permissions: Record<string, string>;
};

describe("app.yml, the GitHub App manifest", () => {
  it("asks for exactly the events the design needs", () => {
    expect(manifest.default_events.sort()).toEqual(
      ["check_run", "issue_comment", "issues", "pull_request", "workflow_run"].sort(),
    );
  });

  it("asks for exactly the permissions the design needs", () => {
    expect(manifest.default_permissions).toEqual({
      metadata: "read",
      issues: "write",
      pull_requests: "write",
      checks: "write",
      contents: "write",
      actions: "write",
      workflows: "write",
      members: "read",
    });
  });

  it("names only events GitHub sends", () => {
    const known = new Set(webhookExamples().map((group) => group.name));
    for (const event of manifest.default_events) expect(known).toContain(event);
  });

  it("names only permissions and levels GitHub's API defines", () => {
    const schema = githubOpenApi().components.schemas["app-permissions"] as {
      properties: Record<string, { enum: string[] }>;
    };
    for (const [permission, level] of Object.entries(manifest.default_permissions)) {
      if (permission === "metadata") continue;
      expect(schema.properties[permission]?.enum, permission).toContain(level);
    }
  });

  it("says why for every event and permission", () => {
    const lines = text.split("\n");
    const section = (name: string): string[] => {
      const start = lines.indexOf(`${name}:`);
      const end = lines.findIndex((l, i) => i > start && l !== "" && !l.startsWith(" "));
      return lines.slice(start + 1, end === -1 ? undefined : end).filter((l) => l.trim() !== "");
    };
    for (const line of [...section("default_events"), ...section("default_permissions")]) {
      expect(line, line).toMatch(/ # \S/);
    }
  });
});
