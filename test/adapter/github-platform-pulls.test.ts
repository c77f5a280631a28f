import { describe, expect, test } from "vitest";
import { GitHubApiError } from "../../app/platform/github/github-api-error.js";
import { SHA, githubPlatform, pullBody } from "./github-fixtures.js";

describe("pull requests", () => {
  test("findOpenPullRequest asks for open ones from owner:branch and maps the first", async () => {
    const { gh, platform } = githubPlatform();
    gh.get("pulls?head=acme:infracrew/app&state=open").reply(200, [
      pullBody(12, { labels: ["infracrew:validating"] }),
    ]);
    gh.get("pulls?head=acme:infracrew/none&state=open").reply(200, []);
    expect(await platform.findOpenPullRequest("infracrew/app")).toEqual({
      number: 12,
      url: "https://github.com/acme/infra/pull/12",
      headSha: SHA.head,
      headRef: "infracrew/app",
      baseRef: "main",
      title: "Infracrew: app",
      body: "the body",
      state: "open",
      merged: false,
      labels: ["infracrew:validating"],
      author: "infracrew[bot]",
    });
    expect(await platform.findOpenPullRequest("infracrew/none")).toBeUndefined();
  });

  test("getPullRequest reads merged from merged_at and an empty body from null", async () => {
    const { gh, platform } = githubPlatform();
    gh.get("pulls/12").reply(200, pullBody(12, { state: "closed", merged: true, body: null }));
    expect(await platform.getPullRequest(12)).toMatchObject({ state: "closed", merged: true, body: "" });
  });

  test("createPullRequest sends head, base, title and body", async () => {
    const { gh, platform } = githubPlatform();
    gh.post("pulls", { head: "infracrew/app", base: "main", title: "Infracrew: app", body: "Plan" }).reply(
      201,
      pullBody(13, { body: "Plan" }),
    );
    const pull = await platform.createPullRequest({
      branch: "infracrew/app",
      base: "main",
      title: "Infracrew: app",
      body: "Plan",
    });
    expect(pull.number).toBe(13);
  });

  test("updatePullRequest sends only what changes, and nothing when nothing does", async () => {
    const { gh, platform } = githubPlatform();
    gh.patch("pulls/13", { body: "New plan" }).reply(200, pullBody(13, { body: "New plan" }));
    await platform.updatePullRequest(13, { body: "New plan" });
    await platform.updatePullRequest(13, {});
    expect(gh.calls).toEqual(["PATCH /repos/acme/infra/pulls/13"]);
  });

  test("mergePullRequest merges at the SHA", async () => {
    const { gh, platform } = githubPlatform();
    gh.put("pulls/13/merge", { sha: SHA.head, merge_method: "squash" }).reply(200, {
      sha: SHA.commit,
      merged: true,
      message: "Pull Request successfully merged",
    });
    expect(await platform.mergePullRequest(13, SHA.head, "squash")).toEqual({
      merged: true,
      message: "Pull Request successfully merged",
    });
  });

  test.each([
    [405, "Pull Request is not mergeable"],
    [409, "Head branch was modified. Review and try the merge again."],
  ])("mergePullRequest answers GitHub's %i as not merged, with its message", async (status, message) => {
    const { gh, platform } = githubPlatform();
    gh.put("pulls/13/merge", { sha: SHA.head, merge_method: "merge" }).reply(status, { message });
    expect(await platform.mergePullRequest(13, SHA.head, "merge")).toEqual({ merged: false, message });
  });

  test("mergePullRequest throws for any other failure", async () => {
    const { gh, platform } = githubPlatform();
    gh.put("pulls/13/merge", { sha: SHA.head, merge_method: "merge" }).reply(403, { message: "Forbidden" });
    await expect(platform.mergePullRequest(13, SHA.head, "merge")).rejects.toThrow(GitHubApiError);
  });

  test("pullRequestsForCommit lists the commit's pull requests", async () => {
    const { gh, platform } = githubPlatform();
    gh.get(`commits/${SHA.head}/pulls`).reply(200, [
      pullBody(12),
      pullBody(9, { state: "closed", merged: true }),
    ]);
    const pulls = await platform.pullRequestsForCommit(SHA.head);
    expect(pulls.map((p) => [p.number, p.state, p.merged])).toEqual([
      [12, "open", false],
      [9, "closed", true],
    ]);
  });
});
