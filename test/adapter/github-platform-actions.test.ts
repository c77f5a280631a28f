import { zipSync } from "fflate";
import { describe, expect, test } from "vitest";
import { ArtifactTooLargeError } from "../../app/platform/artifact-too-large-error.js";
import { GitHubApiError } from "../../app/platform/github/github-api-error.js";
import { PlatformInputError } from "../../app/platform/platform-input-error.js";
import { githubPlatform } from "./github-fixtures.js";

const BLOB =
  "https://productionresultssa1.blob.core.windows.net/actions-results/abc/artifact.zip?sig=s3cret&se=2026";
const encode = (text: string) => new TextEncoder().encode(text);

describe("permissions", () => {
  test.each([
    ["admin", "admin", "admin"],
    ["write", "maintain", "maintain"],
    ["write", "write", "write"],
    ["read", "triage", "triage"],
    ["read", "read", "read"],
    ["write", "deployer", "write"],
    ["none", "none", "none"],
  ])("permission %s with role_name %s reads as %s", async (permission, role, expected) => {
    const { gh, platform } = githubPlatform();
    gh.get("collaborators/mona/permission").reply(200, {
      permission,
      role_name: role,
      user: { login: "mona" },
    });
    expect(await platform.getPermission("mona")).toBe(expected);
  });

  test("someone who is not a collaborator (404) has none", async () => {
    const { gh, platform } = githubPlatform();
    gh.get("collaborators/stranger/permission").reply(404, { message: "Not Found" });
    expect(await platform.getPermission("stranger")).toBe("none");
  });

  test.each([
    [200, { state: "active", role: "member" }, true],
    [200, { state: "pending", role: "member" }, false],
    [404, { message: "Not Found" }, false],
  ])("team membership answered %i %j is %s", async (status, body, expected) => {
    const { gh, platform } = githubPlatform();
    gh.get("/orgs/acme/teams/platform/memberships/mona").reply(status, body);
    expect(await platform.isTeamMember("acme", "platform", "mona")).toBe(expected);
  });
});

describe("workflows", () => {
  test("dispatchWorkflow sends the ref and the inputs, and answers the run GitHub started", async () => {
    const { gh, platform } = githubPlatform();
    const inputs = { pr: "12", sha: "5".repeat(40), stack: "app", mode: "apply" };
    gh.post("actions/workflows/infracrew-apply.yml/dispatches", {
      ref: "main",
      inputs,
      return_run_details: true,
    }).reply(200, {
      workflow_run_id: 4242,
      run_url: "https://api.github.com/repos/acme/infra/actions/runs/4242",
      html_url: "https://github.com/acme/infra/actions/runs/4242",
    });
    expect(await platform.dispatchWorkflow("infracrew-apply.yml", "main", inputs)).toEqual({
      runId: 4242,
      htmlUrl: "https://github.com/acme/infra/actions/runs/4242",
    });
  });

  test("dispatchWorkflow takes a GitHub that answers 204 without the run: it is found by its nonce later", async () => {
    const { gh, platform } = githubPlatform();
    const inputs = { pr: "12", sha: "5".repeat(40), stack: "app", mode: "apply" };
    gh.post("actions/workflows/infracrew-apply.yml/dispatches", {
      ref: "main",
      inputs,
      return_run_details: true,
    }).reply(204);
    expect(await platform.dispatchWorkflow("infracrew-apply.yml", "main", inputs)).toEqual({});
  });

  test("getWorkflowRun reads who started a run, where, and how it ended", async () => {
    const { gh, platform } = githubPlatform();
    gh.get("actions/runs/4242").reply(200, {
      id: 4242,
      run_attempt: 2,
      event: "workflow_dispatch",
      path: ".github/workflows/infracrew-apply.yml",
      head_branch: "main",
      head_sha: "a".repeat(40),
      actor: { login: "infracrew[bot]" },
      triggering_actor: { login: "mallory" },
      display_title: `infracrew apply app pr-12 apply ${"5".repeat(40)} n-${"1".repeat(32)}`,
      repository: { id: 1 },
      head_repository: { id: 1 },
      pull_requests: [],
      status: "queued",
      conclusion: null,
      html_url: "https://github.com/acme/infra/actions/runs/4242",
    });
    expect(await platform.getWorkflowRun(4242)).toMatchObject({
      id: 4242,
      runAttempt: 2,
      actor: "infracrew[bot]",
      triggeringActor: "mallory",
      status: "queued",
    });
  });

  test("findDispatchedRun finds the App's run by the nonce its title ends with", async () => {
    const { gh, platform } = githubPlatform();
    const nonce = "1".repeat(32);
    const run = (id: number, title: string) => ({
      id,
      event: "workflow_dispatch",
      path: ".github/workflows/infracrew-apply.yml",
      head_branch: "main",
      head_sha: "a".repeat(40),
      display_title: title,
      repository: { id: 1 },
      status: "queued",
      conclusion: null,
      html_url: `https://github.com/acme/infra/actions/runs/${id}`,
    });
    gh.get(
      "actions/workflows/infracrew-apply.yml/runs?event=workflow_dispatch&created=>=2026-11-27T11:59:00.000Z&per_page=100",
    ).reply(200, {
      total_count: 2,
      workflow_runs: [
        run(1, `infracrew apply app pr-12 apply x n-${"2".repeat(32)}`),
        run(2, `t n-${nonce}`),
      ],
    });
    expect(
      (await platform.findDispatchedRun("infracrew-apply.yml", nonce, "2026-11-27T11:59:00.000Z"))?.id,
    ).toBe(2);
  });

  test("reviewDeploymentProtectionRule answers for the run, in the environment", async () => {
    const { gh, platform } = githubPlatform();
    const review = gh
      .post("actions/runs/4242/deployment_protection_rule", {
        environment_name: "infracrew-apply",
        state: "rejected",
        comment: "Infracrew: run 4242 was dispatched by @mallory, not by the App",
      })
      .reply(204);
    await platform.reviewDeploymentProtectionRule(
      4242,
      "infracrew-apply",
      "rejected",
      "Infracrew: run 4242 was dispatched by @mallory, not by the App",
    );
    expect(review.called).toBe(true);
  });

  test("listPullRequestFiles lists every changed path, renames with their old path", async () => {
    const { gh, platform } = githubPlatform();
    const file = (filename: string, previous?: string) => ({
      sha: "0".repeat(40),
      filename,
      status: previous ? "renamed" : "modified",
      additions: 1,
      deletions: 0,
      changes: 1,
      blob_url: "https://github.com/x",
      raw_url: "https://github.com/x",
      contents_url: "https://api.github.com/x",
      ...(previous ? { previous_filename: previous } : {}),
    });
    gh.get("pulls/12/files?per_page=100&page=1").reply(200, [
      file("infra/app/main.tf"),
      file(".github/workflows/infracrew-plan.yml", "infra/app/x.yml"),
    ]);
    expect(await platform.listPullRequestFiles(12)).toEqual([
      "infra/app/main.tf",
      ".github/workflows/infracrew-plan.yml",
      "infra/app/x.yml",
    ]);
  });

  test("dispatchWorkflow refuses more than 25 inputs before any call", async () => {
    const { platform } = githubPlatform();
    const inputs = Object.fromEntries(Array.from({ length: 26 }, (_, i) => [`in${i}`, "x"]));
    await expect(platform.dispatchWorkflow("infracrew-apply.yml", "main", inputs)).rejects.toThrow(
      PlatformInputError,
    );
  });

  test("listRunArtifacts maps id, name and expiry", async () => {
    const { gh, platform } = githubPlatform();
    gh.get("actions/runs/9/artifacts?per_page=100").reply(200, {
      total_count: 2,
      artifacts: [
        { id: 11, name: "infracrew-validation-result", expired: false, size_in_bytes: 300 },
        { id: 12, name: "old", expired: true, size_in_bytes: 10 },
      ],
    });
    expect(await platform.listRunArtifacts(9)).toEqual([
      { id: 11, name: "infracrew-validation-result", expired: false },
      { id: 12, name: "old", expired: true },
    ]);
  });
});

describe("downloadArtifact", () => {
  test("follows GitHub's 302 to the signed address without the token and unpacks the zip", async () => {
    const { gh, platform } = githubPlatform();
    const zip = zipSync({
      "validation-result.json": encode('{"verdict":"PASS"}'),
      "logs/": new Uint8Array(),
    });
    gh.get("actions/artifacts/11/zip").reply(302, undefined, { location: BLOB });
    const download = gh.download(BLOB).reply(200, zip, { "content-type": "application/zip" });
    const files = await platform.downloadArtifact(11);
    expect([...files.keys()]).toEqual(["validation-result.json"]);
    expect(new TextDecoder().decode(files.get("validation-result.json"))).toBe('{"verdict":"PASS"}');
    expect(download.headers.authorization).toBeUndefined();
    expect(gh.calls).toEqual(["GET /repos/acme/infra/actions/artifacts/11/zip"]);
  });

  test("refuses an archive whose Content-Length is over the limit, without reading it", async () => {
    const { gh, platform } = githubPlatform({ artifactLimit: 1000 });
    gh.get("actions/artifacts/11/zip").reply(302, undefined, { location: BLOB });
    gh.download(BLOB).reply(200, new Uint8Array(2000), { "content-length": "2000" });
    await expect(platform.downloadArtifact(11)).rejects.toThrow(
      new ArtifactTooLargeError("11", "archive", 2000, 1000),
    );
  });

  test("refuses an archive over the limit while reading it when no length is declared", async () => {
    const { gh, platform } = githubPlatform({ artifactLimit: 1000 });
    gh.get("actions/artifacts/11/zip").reply(302, undefined, { location: BLOB });
    gh.download(BLOB).reply(200, new Uint8Array(5000));
    await expect(platform.downloadArtifact(11)).rejects.toThrow(ArtifactTooLargeError);
  });

  test("refuses a small archive that unpacks to more than the limit", async () => {
    const { gh, platform } = githubPlatform({ artifactLimit: 1000 });
    const zip = zipSync({ "big.json": new Uint8Array(5000) });
    expect(zip.byteLength).toBeLessThan(1000);
    gh.get("actions/artifacts/11/zip").reply(302, undefined, { location: BLOB });
    gh.download(BLOB).reply(200, zip);
    await expect(platform.downloadArtifact(11)).rejects.toThrow(/unpacked size 4\.9 KiB, limit 1000 bytes/);
  });

  test("an expired artifact (410) is a GitHubApiError that never shows the signed address", async () => {
    const { gh, platform } = githubPlatform();
    gh.get("actions/artifacts/11/zip").reply(410, { message: "Artifact has expired" });
    const failure = await platform.downloadArtifact(11).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GitHubApiError);
    expect(failure).toMatchObject({ status: 410, githubMessage: "Artifact has expired" });
  });

  test("a failing download names neither the signed address nor its signature", async () => {
    const { gh, platform } = githubPlatform();
    gh.get("actions/artifacts/11/zip").reply(302, undefined, { location: BLOB });
    gh.download(BLOB).reply(403, "AuthenticationFailed");
    const failure = (await platform.downloadArtifact(11).catch((error: unknown) => error)) as Error;
    expect(failure).toBeInstanceOf(GitHubApiError);
    expect(`${failure.message} ${failure.stack ?? ""} ${JSON.stringify(failure)}`).not.toMatch(
      /s3cret|blob\.core/,
    );
  });
});
