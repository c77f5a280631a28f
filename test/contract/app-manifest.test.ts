import YAML from "yaml";
import { describe, expect, it } from "vitest";
import { githubOpenApi } from "../support/openapi.js";
import { readRepoFile } from "../support/repo-files.js";
import { webhookExamples } from "../support/webhook-examples.js";

const text = readRepoFile("app.yml");

/** The webhook events of GitHub's OpenAPI description (x-webhooks), each with what its summary says it needs. */
function webhookEvents(): Map<string, string> {
  const hooks = (
    githubOpenApi() as unknown as {
      "x-webhooks": Record<string, { post: { summary?: string; "x-github": { subcategory: string } } }>;
    }
  )["x-webhooks"];
  const events = new Map<string, string>();
  for (const hook of Object.values(hooks))
    events.set(hook.post["x-github"].subcategory, hook.post.summary ?? "");
  return events;
}

/** The repository permission GitHub's description says an App needs to subscribe to `event`. */
function subscriptionPermission(event: string): { permission: string; level: string } | undefined {
  const found = /must have at least (\w+)-level access for the "([^"]+)" repository permission/.exec(
    webhookEvents().get(event) ?? "",
  );
  if (!found) return undefined;
  const permission = found[2]!.toLowerCase().replace(/ /g, "_");
  return { permission, level: found[1]! };
}
const manifest = YAML.parse(text) as {
  name: string;
  default_events: string[];
  default_permissions: Record<string, string>;
};

describe("app.yml, the GitHub App manifest", () => {
  it("asks for exactly the events the design needs", () => {
    expect(manifest.default_events.sort()).toEqual(
      [
        "check_run",
        "deployment_protection_rule",
        "issue_comment",
        "issues",
        "pull_request",
        "workflow_run",
      ].sort(),
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
      deployments: "write",
      administration: "write",
    });
  });

  it("grants each event the permission GitHub requires to subscribe to it", () => {
    const level = { read: 1, write: 2 } as Record<string, number>;
    for (const event of manifest.default_events) {
      const required = subscriptionPermission(event);
      expect(required, event).toBeDefined();
      const granted = manifest.default_permissions[required!.permission];
      expect(
        level[granted ?? ""] ?? 0,
        `${event} needs ${required!.permission}: ${required!.level}`,
      ).toBeGreaterThanOrEqual(level[required!.level]!);
    }
  });

  it("names only events GitHub sends", () => {
    const known = new Set([...webhookExamples().map((group) => group.name), ...webhookEvents().keys()]);
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
