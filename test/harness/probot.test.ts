import { describe, expect, test } from "vitest";
import type { Probot } from "probot";
import { createGitHubPlatform } from "../../app/platform/github/create-github-platform.js";
import { TEST_TOKEN, githubMock } from "../support/github-mock.js";
import { createTestProbot } from "../support/probot.js";
import { examplePayload } from "../support/webhook-payloads.js";

/** A tiny app, as the Conductor's handlers will be: the platform is made from context.octokit and context.repo(). */
function echoApp(app: Probot): void {
  app.on("issues.opened", async (context) => {
    const platform = createGitHubPlatform(context.octokit, context.repo());
    await platform.createComment(context.payload.issue.number, `Seen: ${context.payload.issue.title}`);
  });
}

describe("the Probot test factory", () => {
  test("delivers a real example payload; the app's call is made with the installation token and counted", async () => {
    const gh = githubMock("acme", "infra");
    const token = gh.installationToken();
    const comment = gh
      .post("issues/7/comments", { body: "Seen: Need a database" })
      .reply(201, { id: 501, body: "Seen: Need a database" });
    const { receive } = await createTestProbot(echoApp);

    await receive(
      "issues",
      examplePayload("issues", "opened", { issue: { number: 7, title: "Need a database" } }),
    );

    expect(gh.calls).toEqual(["POST /repos/acme/infra/issues/7/comments"]);
    expect(token.headers.authorization).toMatch(/^bearer [\w-]+\.[\w-]+\.[\w-]+$/i);
    expect(comment.headers.authorization).toBe(`token ${TEST_TOKEN}`);
  });

  test("passes cwd and addHandler to the app, so apps that register HTTP routes load in tests", async () => {
    const seen: string[] = [];
    const { handlers } = await createTestProbot((_app, { cwd, addHandler }) => {
      seen.push(cwd);
      addHandler(() => false);
    });
    expect(seen).toHaveLength(1);
    expect(handlers).toHaveLength(1);
  });

  test("a handler's GitHub failure rejects receive", async () => {
    const gh = githubMock("acme", "infra");
    gh.installationToken();
    gh.post("issues/7/comments").reply(403, { message: "Resource not accessible by integration" });
    const { receive } = await createTestProbot(echoApp);
    await expect(
      receive("issues", examplePayload("issues", "opened", { issue: { number: 7 } })),
    ).rejects.toThrow(/Resource not accessible by integration/);
  });
});
