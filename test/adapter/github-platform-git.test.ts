import { describe, expect, test } from "vitest";
import { PlatformInputError } from "../../app/platform/platform-input-error.js";
import { GitHubApiError } from "../../app/platform/github/github-api-error.js";
import { SHA, githubPlatform, refBody } from "./github-fixtures.js";

const base64Lines = (text: string) =>
  Buffer.from(text)
    .toString("base64")
    .replace(/(.{60})/g, "$1\n");

describe("readFile", () => {
  test("decodes the file's base64 (line-wrapped, as GitHub sends it) at the ref", async () => {
    const { gh, platform } = githubPlatform();
    const text = 'variable "region" {\n  default = "eu-west-1"\n}\n'.repeat(5);
    gh.get("contents/infra/app/main.tf?ref=infracrew/app").reply(200, {
      type: "file",
      encoding: "base64",
      path: "infra/app/main.tf",
      content: base64Lines(text),
    });
    expect(await platform.readFile("infra/app/main.tf", "infracrew/app")).toBe(text);
  });

  test("reads the default branch when no ref is given, and answers undefined for a 404", async () => {
    const { gh, platform } = githubPlatform();
    gh.get("contents/.github/infracrew.yml").reply(404, { message: "Not Found" });
    expect(await platform.readFile(".github/infracrew.yml")).toBeUndefined();
    expect(gh.calls).toEqual(["GET /repos/acme/infra/contents/.github/infracrew.yml"]);
  });

  test("refuses a directory", async () => {
    const { gh, platform } = githubPlatform();
    gh.get("contents/infra").reply(200, [{ type: "dir", name: "app", path: "infra/app" }]);
    await expect(platform.readFile("infra")).rejects.toThrow(PlatformInputError);
  });
});

describe("getBranchSha and getDefaultBranch", () => {
  test("a branch's commit, or undefined for a 404", async () => {
    const { gh, platform } = githubPlatform();
    gh.get("git/ref/heads/infracrew/app").reply(200, refBody("refs/heads/infracrew/app", SHA.head));
    gh.get("git/ref/heads/gone").reply(404, { message: "Not Found" });
    expect(await platform.getBranchSha("infracrew/app")).toBe(SHA.head);
    expect(await platform.getBranchSha("gone")).toBeUndefined();
  });

  test("the default branch is read once per platform", async () => {
    const { gh, platform } = githubPlatform();
    gh.get("").reply(200, { default_branch: "trunk", full_name: "acme/infra" });
    expect(await platform.getDefaultBranch()).toBe("trunk");
    expect(await platform.getDefaultBranch()).toBe("trunk");
    expect(gh.calls).toEqual(["GET /repos/acme/infra"]);
  });
});

describe("commitFiles: one commit from one tree", () => {
  const files = [
    { path: "infra/app/main.tf", content: 'module "db" {}\n' },
    { path: "infra/app/old.tf", content: null },
  ];
  const input = { branch: "infracrew/app", base: "main", message: "Infracrew: app", files };

  function mockCommit(gh: ReturnType<typeof githubPlatform>["gh"]) {
    gh.get("branches/main").reply(200, {
      name: "main",
      commit: { sha: SHA.base, commit: { tree: { sha: SHA.baseTree } } },
    });
    gh.post("git/trees", {
      base_tree: SHA.baseTree,
      tree: [
        { path: "infra/app/main.tf", mode: "100644", type: "blob", content: 'module "db" {}\n' },
        { path: "infra/app/old.tf", mode: "100644", type: "blob", sha: null },
      ],
    }).reply(201, { sha: SHA.tree, tree: [] });
    gh.post("git/commits", { message: "Infracrew: app", tree: SHA.tree, parents: [SHA.base] }).reply(201, {
      sha: SHA.commit,
    });
  }

  test("a new branch: 4 calls, the last creating the ref", async () => {
    const { gh, platform } = githubPlatform();
    mockCommit(gh);
    gh.post("git/refs", { ref: "refs/heads/infracrew/app", sha: SHA.commit }).reply(
      201,
      refBody("refs/heads/infracrew/app", SHA.commit),
    );
    const result = await platform.commitFiles(input);
    expect(result).toEqual({ sha: SHA.commit, branchCreated: true });
    expect(gh.calls).toEqual([
      "GET /repos/acme/infra/branches/main",
      "POST /repos/acme/infra/git/trees",
      "POST /repos/acme/infra/git/commits",
      "POST /repos/acme/infra/git/refs",
    ]);
  });

  test("an existing branch (422 Reference already exists): moved with force, 5 calls", async () => {
    const { gh, platform } = githubPlatform();
    mockCommit(gh);
    gh.post("git/refs", { ref: "refs/heads/infracrew/app", sha: SHA.commit }).reply(422, {
      message: "Reference already exists",
    });
    gh.patch("git/refs/heads/infracrew/app", { sha: SHA.commit, force: true }).reply(
      200,
      refBody("refs/heads/infracrew/app", SHA.commit),
    );
    const result = await platform.commitFiles(input);
    expect(result).toEqual({ sha: SHA.commit, branchCreated: false });
    expect(gh.calls).toHaveLength(5);
  });

  test("a missing base branch is a fault", async () => {
    const { gh, platform } = githubPlatform();
    gh.get("branches/main").reply(404, { message: "Branch not found" });
    const failure = platform.commitFiles({ branch: "infracrew/app", base: "main", message: "m", files });
    await expect(failure).rejects.toThrow(GitHubApiError);
    await expect(failure).rejects.toMatchObject({
      status: 404,
      route: "/repos/{owner}/{repo}/branches/{branch}",
    });
  });
});
