import { expect } from "vitest";
import type { FakePlatform } from "../../app/platform/fake-platform.js";
import { GitHubApiError } from "../../app/platform/github/github-api-error.js";
import { PlatformInputError } from "../../app/platform/platform-input-error.js";
import { SHA, pullBody, validationFailed } from "./github-fixtures.js";
import { type ContractCase, contractCase } from "./platform-contract.js";

const BRANCH = "infracrew/app";
const MARKER = "<!-- infracrew:sticky -->";
const OPEN_FROM_BRANCH = "pulls?head=acme:infracrew/app&state=open";
const COMMENTS = "issues/1/comments?per_page=100&page=1";
const comment = (id: number, body: string) => ({ id, body });

interface PullWorld {
  readonly number: number;
  readonly head: string;
}

const seededPull = { number: 1, head: SHA.head };

function seedPull(fake: FakePlatform): PullWorld {
  const pull = fake.seedPullRequest({ branch: BRANCH });
  return { number: pull.number, head: pull.headSha };
}

export const collaborationCases: ContractCase<unknown>[] = [
  contractCase<{ head: string }>({
    name: "pull requests: none open, created once, found, updated, a second create refused with 422",
    fake: (f) => ({ head: f.seedFiles(BRANCH, { "infra/app/main.tf": "v1" }) }),
    github: (gh) => {
      gh.get(OPEN_FROM_BRANCH).reply(200, []);
      gh.post("pulls", { head: BRANCH, base: "main", title: "Infracrew: app", body: "v1" }).reply(
        201,
        pullBody(1, { body: "v1" }),
      );
      gh.get(OPEN_FROM_BRANCH).reply(200, [pullBody(1, { body: "v1" })]);
      gh.patch("pulls/1", { body: "v2" }).reply(200, pullBody(1, { body: "v2" }));
      gh.get("pulls/1").reply(200, pullBody(1, { body: "v2" }));
      gh.post("pulls").reply(422, validationFailed("PullRequest", "custom", "head"));
      return { head: SHA.head };
    },
    run: async (p, world) => {
      expect(await p.findOpenPullRequest(BRANCH)).toBeUndefined();
      const created = await p.createPullRequest({
        branch: BRANCH,
        base: "main",
        title: "Infracrew: app",
        body: "v1",
      });
      expect(created).toMatchObject({
        headSha: world.head,
        headRef: BRANCH,
        baseRef: "main",
        state: "open",
        merged: false,
        body: "v1",
        author: "infracrew[bot]",
      });
      expect((await p.findOpenPullRequest(BRANCH))?.number).toBe(created.number);
      await p.updatePullRequest(created.number, { body: "v2" });
      expect((await p.getPullRequest(created.number)).body).toBe("v2");
      const again = p.createPullRequest({ branch: BRANCH, base: "main", title: "again", body: "" });
      await expect(again).rejects.toMatchObject({ status: 422 });
    },
  }),
  contractCase({
    name: "getPullRequest of an unknown number is GitHub's 404",
    fake: () => undefined,
    github: (gh) => gh.get("pulls/404").reply(404, { message: "Not Found" }),
    run: async (p) => {
      await expect(p.getPullRequest(404)).rejects.toBeInstanceOf(GitHubApiError);
    },
  }),
  contractCase<PullWorld>({
    name: "mergePullRequest: refused at another SHA, merged at the head, then no longer mergeable",
    fake: seedPull,
    github: (gh) => {
      gh.put("pulls/1/merge", { sha: SHA.other, merge_method: "squash" }).reply(409, {
        message: "Head branch was modified.",
      });
      gh.put("pulls/1/merge", { sha: SHA.head, merge_method: "squash" }).reply(200, {
        sha: SHA.commit,
        merged: true,
        message: "Pull Request successfully merged",
      });
      gh.get("pulls/1").reply(200, pullBody(1, { state: "closed", merged: true }));
      gh.put("pulls/1/merge", { sha: SHA.head, merge_method: "squash" }).reply(405, {
        message: "Pull Request is not mergeable",
      });
      return seededPull;
    },
    run: async (p, { number, head }) => {
      expect((await p.mergePullRequest(number, SHA.other, "squash")).merged).toBe(false);
      expect((await p.mergePullRequest(number, head, "squash")).merged).toBe(true);
      expect(await p.getPullRequest(number)).toMatchObject({ state: "closed", merged: true });
      expect((await p.mergePullRequest(number, head, "squash")).merged).toBe(false);
    },
  }),
  contractCase<PullWorld>({
    name: "pullRequestsForCommit finds the open pull request whose head the commit is",
    fake: seedPull,
    github: (gh) => {
      gh.get(`commits/${SHA.head}/pulls`).reply(200, [pullBody(1)]);
      return seededPull;
    },
    run: async (p, { number, head }) => {
      const pulls = await p.pullRequestsForCommit(head);
      expect(pulls.map((pull) => [pull.number, pull.headSha, pull.state])).toEqual([[number, head, "open"]]);
    },
  }),
  contractCase<PullWorld>({
    name: "labels: set, read back on the pull request, cleared; ensureLabel twice is fine",
    fake: seedPull,
    github: (gh) => {
      gh.put("issues/1/labels", { labels: ["infracrew:validating"] }).reply(200, [
        { name: "infracrew:validating" },
      ]);
      gh.get("pulls/1").reply(200, pullBody(1, { labels: ["infracrew:validating"] }));
      gh.delete("issues/1/labels").reply(204);
      gh.get("pulls/1").reply(200, pullBody(1));
      gh.post("labels").reply(201, { name: "infracrew:done" });
      gh.post("labels").reply(422, validationFailed("Label", "already_exists", "name"));
      return seededPull;
    },
    run: async (p, { number }) => {
      await p.setLabels(number, ["infracrew:validating"]);
      expect((await p.getPullRequest(number)).labels).toEqual(["infracrew:validating"]);
      await p.setLabels(number, []);
      expect((await p.getPullRequest(number)).labels).toEqual([]);
      await p.ensureLabel("infracrew:done", "0e8a16", "Applied");
      await p.ensureLabel("infracrew:done", "0e8a16", "Applied");
    },
  }),
  contractCase<{ issue: number }>({
    name: "comments: the sticky one created once and updated in place; others posted, reacted to; the issue closed",
    fake: (f) => {
      const issue = f.seedIssue();
      f.seedComment(issue, "hello");
      return { issue };
    },
    github: (gh) => {
      gh.get(COMMENTS).reply(200, [comment(500, "hello")]);
      gh.get(COMMENTS).reply(200, [comment(500, "hello")]);
      gh.post("issues/1/comments", { body: `${MARKER} v1` }).reply(201, comment(501, `${MARKER} v1`));
      gh.get(COMMENTS).reply(200, [comment(500, "hello"), comment(501, `${MARKER} v1`)]);
      gh.patch("issues/comments/501", { body: `${MARKER} v2` }).reply(200, comment(501, `${MARKER} v2`));
      gh.get(COMMENTS).reply(200, [comment(500, "hello"), comment(501, `${MARKER} v2`)]);
      gh.post("issues/1/comments", { body: "Applied." }).reply(201, comment(502, "Applied."));
      gh.post("issues/comments/502/reactions", { content: "rocket" }).reply(201, {
        id: 1,
        content: "rocket",
      });
      gh.patch("issues/1", { state: "closed", state_reason: "completed" }).reply(200, { number: 1 });
      return { issue: 1 };
    },
    run: async (p, { issue }) => {
      expect(await p.findComment(issue, MARKER)).toBeUndefined();
      const created = await p.ensureComment(issue, MARKER, `${MARKER} v1`);
      const updated = await p.ensureComment(issue, MARKER, `${MARKER} v2`);
      expect(updated).toEqual({ id: created.id, body: `${MARKER} v2` });
      expect(await p.ensureComment(issue, MARKER, `${MARKER} v2`)).toEqual(updated);
      const other = await p.createComment(issue, "Applied.");
      expect(other).not.toBe(created.id);
      await p.addReaction(other, "rocket");
      await p.closeIssue(issue, "completed");
      await expect(p.ensureComment(issue, MARKER, "no marker")).rejects.toBeInstanceOf(PlatformInputError);
    },
  }),
];
