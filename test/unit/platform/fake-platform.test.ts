import { describe, expect, test } from "vitest";
import { FakePlatform } from "../../../app/platform/fake-platform.js";
import { annotations } from "../../support/annotations.js";

describe("FakePlatform, beyond the shared contract", () => {
  test("lists every write in order, which is what a dry run reports, and no reads", async () => {
    const fake = new FakePlatform();
    const { sha } = await fake.commitFiles({
      branch: "infracrew/app",
      base: "main",
      message: "Infracrew: app",
      files: [{ path: "infra/app/main.tf", content: "x" }],
    });
    const pull = await fake.createPullRequest({
      branch: "infracrew/app",
      base: "main",
      title: "t",
      body: "b",
    });
    await fake.findOpenPullRequest("infracrew/app");
    await fake.setLabels(pull.number, ["infracrew:validating"]);
    await fake.ensureComment(pull.number, "<!-- m -->", "<!-- m --> hi");
    await fake.dispatchWorkflow("infracrew-plan.yml", "infracrew/app", { pr: "1" });
    expect(fake.writes).toEqual([
      "commitFiles infracrew/app on main: infra/app/main.tf",
      "createPullRequest #1 infracrew/app → main",
      "setLabels #1 [infracrew:validating]",
      "createComment 1001 on #1",
      'dispatchWorkflow infracrew-plan.yml on infracrew/app {"pr":"1"}',
    ]);
    expect(pull.headSha).toBe(sha);
  });

  test("a push to the branch moves the open pull request's head; a merge moves the base", async () => {
    const fake = new FakePlatform();
    const pull = fake.seedPullRequest({ branch: "infracrew/app", files: { "a.tf": "1" } });
    const pushed = fake.seedFiles("infracrew/app", { "a.tf": "2" });
    expect((await fake.getPullRequest(pull.number)).headSha).toBe(pushed);
    await fake.mergePullRequest(pull.number, pushed, "merge");
    expect(await fake.readFile("a.tf")).toBe("2");
    expect(await fake.pullRequestsForCommit(pushed)).toHaveLength(1);
  });

  test("pullRequestsForCommit leaves out pull requests for which the commit is a base commit", async () => {
    const fake = new FakePlatform();
    const mainSha = fake.seedFiles("main", { "base.tf": "b" });
    const pull = fake.seedPullRequest({ branch: "infracrew/app" });
    expect(await fake.pullRequestsForCommit(mainSha)).toEqual([]);
    expect((await fake.pullRequestsForCommit(pull.headSha)).map((p) => p.number)).toEqual([pull.number]);
  });

  test("seeds a pull request with the number, head SHA and labels a test names", async () => {
    const fake = new FakePlatform();
    fake.seedFiles("main", { "config.yml": "x: 1" });
    const headSha = "a".repeat(40);
    const pull = fake.seedPullRequest({
      branch: "infracrew/app",
      files: { "a.tf": "1" },
      headSha,
      number: 12,
      labels: ["infracrew:validating"],
    });
    expect(pull).toMatchObject({
      number: 12,
      url: "https://github.com/acme/infra/pull/12",
      headSha,
      headRef: "infracrew/app",
      labels: ["infracrew:validating"],
    });
    expect(await fake.readFile("a.tf", headSha)).toBe("1");
    expect(await fake.readFile("config.yml", headSha)).toBe("x: 1");
    expect((await fake.pullRequestsForCommit(headSha)).map((p) => p.number)).toEqual([12]);
    expect(fake.seedIssue()).toBe(13);
    const open = { branch: "infracrew/app", base: "main", title: "t", body: "" };
    await expect(fake.createPullRequest(open)).rejects.toMatchObject({ status: 422 });
    fake.seedFiles("infracrew/other", { "b.tf": "2" });
    expect((await fake.createPullRequest({ ...open, branch: "infracrew/other" })).number).toBe(14);
  });

  test("never numbers backwards, and names no two commits alike", () => {
    const fake = new FakePlatform();
    fake.seedPullRequest({ branch: "infracrew/a", number: 5 });
    expect(() => fake.seedPullRequest({ branch: "infracrew/b", number: 5 })).toThrow(
      "#5 cannot be a new issue or pull request: the next free number is #6",
    );
    expect(() => fake.seedIssue([], 2)).toThrow(/next free number is #6/);
    expect(fake.seedIssue([], 9)).toBe(9);
    expect(fake.seedPullRequest({ branch: "infracrew/b" }).number).toBe(10);
    fake.seedPullRequest({ branch: "infracrew/c", headSha: "b".repeat(40) });
    for (const taken of ["b".repeat(40), "B".repeat(40), "abc"]) {
      expect(() => fake.seedFiles("infracrew/d", { d: "d" }, "seed", taken)).toThrow(
        `a new commit cannot be named "${taken}"`,
      );
    }
  });

  test("keeps each check run's annotation count and the requests GitHub would have taken", async () => {
    const fake = new FakePlatform();
    const input = {
      name: "Infracrew / Sentinel",
      headSha: "5".repeat(40),
      status: "in_progress" as const,
      title: "t",
      summary: "s",
    };
    await fake.upsertCheckRun({ ...input, annotations: annotations(120) });
    await fake.upsertCheckRun({ ...input, status: "completed", conclusion: "success" });
    expect(fake.checkRun(input.name, input.headSha)).toMatchObject({
      status: "completed",
      conclusion: "success",
      annotationCount: 120,
      requests: 4,
    });
  });
});
