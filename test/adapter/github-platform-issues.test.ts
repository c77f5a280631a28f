import { describe, expect, test } from "vitest";
import { PlatformInputError } from "../../app/platform/platform-input-error.js";
import { GitHubApiError } from "../../app/platform/github/github-api-error.js";
import { githubPlatform, validationFailed } from "./github-fixtures.js";

const MARKER = "<!-- infracrew:sticky -->";
const comment = (id: number, body: string) => ({ id, body, user: { login: "someone" } });
const next = (page: number) => ({
  link: `<https://api.github.com/repositories/1/issues/12/comments?per_page=100&page=${page}>; rel="next"`,
});

describe("labels and issue state", () => {
  test("setLabels replaces the labels with PUT", async () => {
    const { gh, platform } = githubPlatform();
    gh.put("issues/12/labels", { labels: ["infracrew:wait-for-approve"] }).reply(200, [
      { name: "infracrew:wait-for-approve" },
    ]);
    await platform.setLabels(12, ["infracrew:wait-for-approve"]);
  });

  test("setLabels with none removes them all with DELETE (GitHub's PUT wants at least one)", async () => {
    const { gh, platform } = githubPlatform();
    gh.delete("issues/12/labels").reply(204);
    await platform.setLabels(12, []);
  });

  test("ensureLabel creates the label without the colour's #; already_exists is fine, other 422s are not", async () => {
    const { gh, platform } = githubPlatform();
    gh.post("labels", { name: "infracrew:done", color: "0e8a16", description: "Applied" }).reply(201, {
      name: "infracrew:done",
    });
    gh.post("labels", { name: "infracrew:done", color: "0e8a16", description: "Applied" }).reply(
      422,
      validationFailed("Label", "already_exists", "name"),
    );
    gh.post("labels", { name: "infracrew:done", color: "green", description: "Applied" }).reply(
      422,
      validationFailed("Label", "invalid", "color"),
    );
    await platform.ensureLabel("infracrew:done", "#0e8a16", "Applied");
    await platform.ensureLabel("infracrew:done", "0e8a16", "Applied");
    await expect(platform.ensureLabel("infracrew:done", "green", "Applied")).rejects.toThrow(GitHubApiError);
  });

  test("closeIssue closes with the reason", async () => {
    const { gh, platform } = githubPlatform();
    gh.patch("issues/3", { state: "closed", state_reason: "completed" }).reply(200, {
      number: 3,
      state: "closed",
    });
    await platform.closeIssue(3, "completed");
  });
});

describe("comments", () => {
  test("findComment pages through 100 at a time and stops at the page that has the marker", async () => {
    const { gh, platform } = githubPlatform();
    gh.get("issues/12/comments?per_page=100&page=1").reply(200, [comment(1, "hello")], next(2));
    gh.get("issues/12/comments?per_page=100&page=2").reply(
      200,
      [comment(2, "no"), comment(3, `${MARKER}\nfirst`), comment(4, `${MARKER}\nsecond`)],
      next(3),
    );
    expect(await platform.findComment(12, MARKER)).toEqual({ id: 3, body: `${MARKER}\nfirst` });
    expect(gh.calls).toHaveLength(2);
  });

  test("findComment answers undefined after the last page", async () => {
    const { gh, platform } = githubPlatform();
    gh.get("issues/12/comments?per_page=100&page=1").reply(200, [comment(1, "hello")]);
    expect(await platform.findComment(12, MARKER)).toBeUndefined();
  });

  test("ensureComment creates the comment once when none has the marker", async () => {
    const { gh, platform } = githubPlatform();
    gh.get("issues/12/comments?per_page=100&page=1").reply(200, []);
    gh.post("issues/12/comments", { body: `${MARKER}\nstate` }).reply(201, comment(77, `${MARKER}\nstate`));
    expect(await platform.ensureComment(12, MARKER, `${MARKER}\nstate`)).toEqual({
      id: 77,
      body: `${MARKER}\nstate`,
    });
  });

  test("ensureComment updates the marked comment in place", async () => {
    const { gh, platform } = githubPlatform();
    gh.get("issues/12/comments?per_page=100&page=1").reply(200, [comment(77, `${MARKER}\nold`)]);
    gh.patch("issues/comments/77", { body: `${MARKER}\nnew` }).reply(200, comment(77, `${MARKER}\nnew`));
    expect(await platform.ensureComment(12, MARKER, `${MARKER}\nnew`)).toEqual({
      id: 77,
      body: `${MARKER}\nnew`,
    });
  });

  test("ensureComment writes nothing when the body is the same, and `known` saves the look-up", async () => {
    const { gh, platform } = githubPlatform();
    gh.get("issues/12/comments?per_page=100&page=1").reply(200, [comment(77, `${MARKER}\nsame`)]);
    gh.patch("issues/comments/77", { body: `${MARKER}\nnewer` }).reply(200, comment(77, `${MARKER}\nnewer`));
    const found = await platform.ensureComment(12, MARKER, `${MARKER}\nsame`);
    await platform.ensureComment(12, MARKER, `${MARKER}\nnewer`, found);
    expect(gh.calls).toEqual([
      "GET /repos/acme/infra/issues/12/comments?per_page=100&page=1",
      "PATCH /repos/acme/infra/issues/comments/77",
    ]);
  });

  test.each([
    ["a body without its marker", "no marker here", /does not contain its marker/],
    ["a body over 65,536 characters", `${MARKER}${"x".repeat(65_537)}`, /at most 65536/],
  ])("ensureComment refuses %s before any call", async (_name, body, message) => {
    const { platform } = githubPlatform();
    await expect(platform.ensureComment(12, MARKER, body)).rejects.toThrow(message);
  });

  test("createComment posts and answers the id; a body too long is refused", async () => {
    const { gh, platform } = githubPlatform();
    gh.post("issues/12/comments", { body: "Applied." }).reply(201, comment(78, "Applied."));
    expect(await platform.createComment(12, "Applied.")).toBe(78);
    await expect(platform.createComment(12, "x".repeat(65_537))).rejects.toThrow(PlatformInputError);
  });

  test("addReaction reacts to an issue comment", async () => {
    const { gh, platform } = githubPlatform();
    gh.post("issues/comments/78/reactions", { content: "eyes" }).reply(201, { id: 1, content: "eyes" });
    gh.post("issues/comments/78/reactions", { content: "eyes" }).reply(200, { id: 1, content: "eyes" });
    await platform.addReaction(78, "eyes");
    await platform.addReaction(78, "eyes");
  });
});
