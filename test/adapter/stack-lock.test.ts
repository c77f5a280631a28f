import { describe, expect, test } from "vitest";
import { FakePlatform } from "../../app/platform/fake-platform.js";
import { PlatformInputError } from "../../app/platform/platform-input-error.js";
import { readApplied, recordApplied, tryLock, unlock } from "../../app/platform/stack-lock.js";
import { SHA, githubPlatform, pullBody, refBody } from "./github-fixtures.js";

const LOCK = "refs/infracrew/locks/app";
const claimant = { number: 12, headSha: SHA.head, url: "https://github.com/acme/infra/pull/12" };

describe("tryLock", () => {
  test("a free lock is taken by creating the ref at the PR's head: 1 call", async () => {
    const { gh, platform } = githubPlatform();
    gh.post("git/refs", { ref: LOCK, sha: SHA.head }).reply(201, refBody(LOCK, SHA.head));
    expect(await tryLock(platform, "app", claimant)).toEqual({ acquired: true });
    expect(gh.calls).toHaveLength(1);
  });

  test("a lock held by another pull request names it, with a ready-to-post reason: 3 calls", async () => {
    const { gh, platform } = githubPlatform();
    gh.post("git/refs", { ref: LOCK, sha: SHA.head }).reply(422, { message: "Reference already exists" });
    gh.get("git/ref/infracrew/locks/app").reply(200, refBody(LOCK, SHA.other));
    gh.get(`commits/${SHA.other}/pulls`).reply(200, [
      pullBody(3, { headSha: SHA.base, state: "closed", merged: true }),
      pullBody(7, { headSha: SHA.other, branch: "infracrew/other" }),
    ]);
    expect(await tryLock(platform, "app", claimant)).toEqual({
      acquired: false,
      holderPr: 7,
      holderUrl: "https://github.com/acme/infra/pull/7",
      lockSha: SHA.other,
      reason:
        "Stack `app` is locked by #7 (https://github.com/acme/infra/pull/7). It is released when that pull request " +
        "finishes applying or rolls back, or with `/unlock` on #7.",
    });
    expect(gh.calls).toHaveLength(3);
  });

  test("the pull request that holds the lock at its head does not take it twice: 2 calls", async () => {
    const { gh, platform } = githubPlatform();
    gh.post("git/refs", { ref: LOCK, sha: SHA.head }).reply(422, { message: "Reference already exists" });
    gh.get("git/ref/infracrew/locks/app").reply(200, refBody(LOCK, SHA.head));
    expect(await tryLock(platform, "app", claimant)).toMatchObject({
      acquired: false,
      holderPr: 12,
      lockSha: SHA.head,
    });
    expect(gh.calls).toHaveLength(2);
  });

  test("a lock this pull request took at an earlier head names this pull request as its holder: 3 calls", async () => {
    const { gh, platform } = githubPlatform();
    gh.post("git/refs", { ref: LOCK, sha: SHA.head }).reply(422, { message: "Reference already exists" });
    gh.get("git/ref/infracrew/locks/app").reply(200, refBody(LOCK, SHA.other));
    gh.get(`commits/${SHA.other}/pulls`).reply(200, [pullBody(12, { headSha: SHA.head })]);
    expect(await tryLock(platform, "app", claimant)).toMatchObject({
      acquired: false,
      holderPr: 12,
      lockSha: SHA.other,
    });
    expect(gh.calls).toHaveLength(3);
  });

  test("a lock at a commit no open pull request has: the holder is unknown, the commit is named", async () => {
    const { gh, platform } = githubPlatform();
    gh.post("git/refs", { ref: LOCK, sha: SHA.head }).reply(422, { message: "Reference already exists" });
    gh.get("git/ref/infracrew/locks/app").reply(200, refBody(LOCK, SHA.other));
    gh.get(`commits/${SHA.other}/pulls`).reply(200, [pullBody(7, { headSha: SHA.other, state: "closed" })]);
    expect(await tryLock(platform, "app", claimant)).toEqual({
      acquired: false,
      holderPr: null,
      holderUrl: null,
      lockSha: SHA.other,
      reason:
        "Stack `app` is locked at commit 6666666, which no open pull request has. If nothing is applying it, `/unlock` releases it.",
    });
  });

  test("two pull requests racing for a free lock: exactly one gets it, and the other is told which", async () => {
    const fake = new FakePlatform();
    const a = fake.seedPullRequest({ branch: "infracrew/a" });
    const b = fake.seedPullRequest({ branch: "infracrew/b" });
    const [first, second] = await Promise.all([tryLock(fake, "app", a), tryLock(fake, "app", b)]);
    expect([first.acquired, second.acquired].sort()).toEqual([false, true]);
    const loser = first.acquired ? second : first;
    expect(loser).toMatchObject({ holderPr: first.acquired ? a.number : b.number });
  });

  test.each(["App", "../main", "a b", "app.lock", ""])("refuses the stack name %j", async (stack) => {
    await expect(tryLock(new FakePlatform(), stack, claimant)).rejects.toBeInstanceOf(PlatformInputError);
  });
});

describe("unlock", () => {
  test("the holder releases the lock", async () => {
    const { gh, platform } = githubPlatform();
    gh.get("git/ref/infracrew/locks/app").reply(200, refBody(LOCK, SHA.head));
    gh.get(`commits/${SHA.head}/pulls`).reply(200, [pullBody(12)]);
    gh.delete("git/refs/infracrew/locks/app").reply(204);
    expect(await unlock(platform, "app", 12)).toBe(true);
  });

  test("another pull request cannot release it, and nothing is deleted", async () => {
    const { gh, platform } = githubPlatform();
    gh.get("git/ref/infracrew/locks/app").reply(200, refBody(LOCK, SHA.other));
    gh.get(`commits/${SHA.other}/pulls`).reply(200, [pullBody(7, { headSha: SHA.other })]);
    expect(await unlock(platform, "app", 12)).toBe(false);
  });

  test("a free lock has nothing to release: 1 call", async () => {
    const { gh, platform } = githubPlatform();
    gh.get("git/ref/infracrew/locks/app").reply(404, { message: "Not Found" });
    expect(await unlock(platform, "app", 12)).toBe(false);
  });
});

describe("the applied revision", () => {
  test("is recorded, read back and forgotten", async () => {
    const { gh, platform } = githubPlatform();
    const APPLIED = "refs/infracrew/applied/app";
    gh.get("git/ref/infracrew/applied/app").reply(404, { message: "Not Found" });
    gh.patch("git/refs/infracrew/applied/app", { sha: SHA.head, force: true }).reply(422, {
      message: "Reference does not exist",
    });
    gh.post("git/refs", { ref: APPLIED, sha: SHA.head }).reply(201, refBody(APPLIED, SHA.head));
    gh.get("git/ref/infracrew/applied/app").reply(200, refBody(APPLIED, SHA.head));
    gh.patch("git/refs/infracrew/applied/app", { sha: SHA.other, force: true }).reply(
      200,
      refBody(APPLIED, SHA.other),
    );
    gh.delete("git/refs/infracrew/applied/app").reply(204);
    expect(await readApplied(platform, "app")).toBeUndefined();
    await recordApplied(platform, "app", SHA.head);
    expect(await readApplied(platform, "app")).toBe(SHA.head);
    await recordApplied(platform, "app", SHA.other);
    await recordApplied(platform, "app", null);
  });

  test("behaves the same on the fake", async () => {
    const fake = new FakePlatform();
    await recordApplied(fake, "app", SHA.head);
    expect(await readApplied(fake, "app")).toBe(SHA.head);
    await recordApplied(fake, "app", null);
    expect(await readApplied(fake, "app")).toBeUndefined();
  });
});
