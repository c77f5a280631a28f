import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { callGitHub } from "../../app/platform/github/call-github.js";
import { GitHubApiError } from "../../app/platform/github/github-api-error.js";
import { TEST_TOKEN } from "../support/github-mock.js";
import { githubPlatform } from "./github-fixtures.js";

describe("GitHubApiError", () => {
  test("names the method, route template, status, GitHub's message and request id, and never the token", async () => {
    const { gh, platform } = githubPlatform();
    gh.get("pulls/12").reply(500, { message: "Server Error" }, { "x-github-request-id": "C0DE:1" });
    const error = await platform.getPullRequest(12).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error).toMatchObject({
      method: "GET",
      route: "/repos/{owner}/{repo}/pulls/{pull_number}",
      status: 500,
      githubMessage: "Server Error",
      requestId: "C0DE:1",
      message: "GitHub GET /repos/{owner}/{repo}/pulls/{pull_number} failed with 500: Server Error",
    });
    const everything = [
      inspect(error, { depth: null, showHidden: true }),
      JSON.stringify(error),
      String(error),
    ];
    for (const text of everything) {
      expect(text).not.toContain(TEST_TOKEN);
      expect(text.toLowerCase()).not.toContain("authorization");
    }
  });

  test("errors that are not GitHub's answers pass through unchanged", async () => {
    const bug = new TypeError("cannot read properties of undefined");
    await expect(callGitHub("GET /x", Promise.reject(bug))).rejects.toBe(bug);
  });
});
