import { describe, expect, test } from "vitest";
import { githubMock, takeGitHubMockProblems } from "../support/github-mock.js";
import { testOctokit } from "../support/test-octokit.js";

const REF = {
  ref: "refs/heads/main",
  node_id: "R",
  url: "u",
  object: { sha: "a".repeat(40), type: "commit", url: "u" },
};

describe("the GitHub mock refuses mocks GitHub's API description does not allow", () => {
  test.each([
    [
      "a path no operation has",
      () => githubMock("acme", "infra").get("git/nope").reply(200),
      /no operation of GitHub's REST API has this path/,
    ],
    [
      "a method the path lacks",
      () => githubMock("acme", "infra").post("git/ref/heads/main").reply(201),
      /GitHub's API has GET for this path, not POST/,
    ],
    [
      "a status the operation does not document",
      () => githubMock("acme", "infra").post("check-runs").reply(200),
      /\(checks\/create\): GitHub does not document status 200 \(it documents 201\)/,
    ],
    [
      "an expected body that breaks the schema",
      () =>
        githubMock("acme", "infra")
          .post("git/trees", { tree: [{ path: "a", mode: "644", type: "blob" }] })
          .reply(201),
      /POST \/repos\/acme\/infra\/git\/trees \(git\/create-tree\): expected body is invalid: \/tree\/0\/mode must be equal to one of the allowed values/,
    ],
  ])("%s", (_name, define, message) => {
    expect(define).toThrow(message);
    takeGitHubMockProblems();
  });
});

describe("the GitHub mock fails a test after the fact", () => {
  test("for a mock the code never used", () => {
    githubMock("acme", "infra").get("git/ref/heads/main").reply(200, REF);
    expect(takeGitHubMockProblems()).toEqual([
      "unused mock: GET /repos/acme/infra/git/ref/heads/main (git/get-ref)",
    ]);
  });

  test("for a request nothing mocked, which the code sees fail", async () => {
    await expect(testOctokit().request("GET /repos/acme/infra/pulls/3")).rejects.toThrow();
    expect(takeGitHubMockProblems()).toEqual([
      "unmatched request: GET api.github.com/repos/acme/infra/pulls/3",
    ]);
  });

  test("for a request body that breaks GitHub's schema, naming the operation", async () => {
    const gh = githubMock("acme", "infra");
    const call = gh.post("labels").reply(201, { id: 1, name: "x" });
    await testOctokit().request("POST /repos/acme/infra/labels", { name: "x", color: 7 } as never);
    expect(call.body).toEqual({ name: "x", color: 7 });
    expect(takeGitHubMockProblems()).toEqual([
      "POST /repos/acme/infra/labels (issues/create-label): request body does not fit GitHub's schema: /color must be string",
    ]);
  });

  test("for a body other than the expected one: the request is unmatched and the mock unused", async () => {
    githubMock("acme", "infra").post("labels", { name: "infracrew:done", color: "0e8a16" }).reply(201, {});
    await expect(
      testOctokit().request("POST /repos/{owner}/{repo}/labels", {
        owner: "acme",
        repo: "infra",
        name: "other",
      }),
    ).rejects.toThrow();
    expect(takeGitHubMockProblems()).toEqual([
      'unmatched request: POST api.github.com/repos/acme/infra/labels with body {"name":"other"}',
      'unused mock: POST /repos/acme/infra/labels (issues/create-label) with body {"name":"infracrew:done","color":"0e8a16"}',
    ]);
  });

  test("for a query other than the mocked one", async () => {
    githubMock("acme", "infra").get("pulls?state=open&head=acme:infracrew/app").reply(200, []);
    await expect(testOctokit().request("GET /repos/acme/infra/pulls", { state: "closed" })).rejects.toThrow();
    expect(takeGitHubMockProblems()).toEqual([
      "unmatched request: GET api.github.com/repos/acme/infra/pulls?state=closed",
      "unused mock: GET /repos/acme/infra/pulls?state=open&head=acme:infracrew/app (pulls/list)",
    ]);
  });

  test("for any request off the machine", async () => {
    await expect(fetch("https://example.com/")).rejects.toThrow();
    expect(takeGitHubMockProblems()).toEqual(["unmatched request: GET example.com/"]);
  });
});

describe("the GitHub mock matches and counts", () => {
  test("decoded paths with slashes match encoded requests, queries match in any order, calls are listed", async () => {
    const gh = githubMock("acme", "infra");
    gh.get("git/ref/infracrew/locks/app").reply(200, REF);
    gh.get("pulls?state=open&head=acme:infracrew/app").reply(200, []);
    gh.installationToken();
    const octokit = testOctokit();
    await octokit.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
      owner: "acme",
      repo: "infra",
      ref: "infracrew/locks/app",
    });
    await octokit.request("GET /repos/{owner}/{repo}/pulls", {
      owner: "acme",
      repo: "infra",
      head: "acme:infracrew/app",
      state: "open",
    });
    await octokit.request("POST /app/installations/{installation_id}/access_tokens", {
      installation_id: 4242,
    });
    expect(gh.calls).toEqual([
      "GET /repos/acme/infra/git/ref/infracrew/locks/app",
      "GET /repos/acme/infra/pulls?head=acme:infracrew/app&state=open",
    ]);
  });

  test("absolute paths reach endpoints outside the repository", async () => {
    const gh = githubMock("acme", "infra");
    gh.get("/orgs/acme/teams/platform/memberships/mona").reply(200, {
      state: "active",
      role: "member",
      url: "u",
    });
    const { data } = await testOctokit().request("GET /orgs/{org}/teams/{team_slug}/memberships/{username}", {
      org: "acme",
      team_slug: "platform",
      username: "mona",
    });
    expect(data.state).toBe("active");
    expect(gh.calls).toEqual(["GET /orgs/acme/teams/platform/memberships/mona"]);
  });
});
