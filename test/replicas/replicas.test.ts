import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { pgClient } from "../../app/store/pg-client.js";
import { sqlStore } from "../../app/store/sql-store.js";
import type { Store } from "../../app/store/store.js";
import { pullBody } from "../adapter/github-fixtures.js";
import { fakeGitHubServer, type FakeGitHubServer } from "../support/fake-github-server.js";
import { TEST_INSTALLATION_ID } from "../support/github-mock.js";
import { prCommentPayload } from "../support/journey-payloads.js";
import { NONCE_APPLY, SAVED_PLAN, SHA_A, SHA_GOOD, prState } from "../support/pr-states.js";
import { testPrivateKey } from "../support/probot.js";
import { waitFor } from "../support/prometheus.js";
import { repoPath } from "../support/repo-files.js";
import { freshDatabase } from "../support/test-stores.js";

/**
 * The App as several processes on one PostgreSQL, the way it runs in production behind a load balancer, against a
 * GitHub on loopback. These prove what in-process tests cannot: that a replica's claim is exclusive, and that work a
 * killed replica left is finished by another, once.
 */

const REPO = "/repos/acme/infra";
const KEY = { repo: "acme/infra", pr: 12 };
const running: ChildProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const child of running.splice(0)) child.kill("SIGKILL");
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function world(): Promise<{ store: Store; url: string; github: FakeGitHubServer }> {
  const db = await freshDatabase();
  const store = sqlStore(pgClient(db.url));
  const github = await fakeGitHubServer();
  cleanups.push(db.drop, () => store.close(), github.close);
  github.route(`POST /app/installations/${TEST_INSTALLATION_ID}/access_tokens`, {
    status: 201,
    body: { token: "ghs_replica", expires_at: "2099-01-01T00:00:00Z", permissions: {} },
  });
  github.route(`GET ${REPO}/pulls/12`, {
    status: 200,
    body: pullBody(12, { headSha: SHA_A, branch: "infracrew/checkout-api" }),
  });
  github.route(`GET ${REPO}/contents/.github/infracrew.yml`, { status: 404, body: { message: "Not Found" } });
  let comment = 9100;
  github.route(`POST ${REPO}/issues/12/comments`, () => ({ status: 201, body: { id: ++comment } }));
  github.route(`PUT ${REPO}/issues/12/labels`, { status: 200, body: [] });
  github.route(`POST ${REPO}/check-runs`, { status: 201, body: { id: 502 } });
  github.route(`PATCH ${REPO}/check-runs/502`, { status: 200, body: { id: 502 } });
  github.route(`PATCH ${REPO}/issues/comments/9101`, { status: 200, body: { id: 9101 } });
  await store.read.upsertRepo("acme/infra", TEST_INSTALLATION_ID, "main", new Date());
  return { store, url: db.url, github };
}

/** Starts one replica: its own process, this database, that GitHub; resolves once it has loaded. */
async function replica(url: string, github: FakeGitHubServer, name: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", repoPath("test/support/replica-process.ts")], {
    cwd: repoPath("."),
    env: {
      ...process.env,
      APP_ID: "123",
      PRIVATE_KEY: testPrivateKey(),
      GHE_HOST: github.host,
      GHE_PROTOCOL: "http",
      DATABASE_URL: url,
      INFRACREW_SWEEP_SECONDS: "1",
      INFRACREW_CLAIM_SECONDS: "3",
      LOG_LEVEL: "info",
      HOSTNAME: name,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let out = "";
  child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (out += c.toString()));
  await waitFor(`replica ${name} to start`, 30_000, async () =>
    out.includes("ready") ? true : undefined,
  ).catch((error: Error) => {
    throw new Error(`${error.message}\n${out}`);
  });
  return child;
}

const calls = (github: FakeGitHubServer, call: string) => github.calls.filter((c) => c.call.startsWith(call));

describe("two replicas on one PostgreSQL", () => {
  it("roll back a timed-out apply exactly once: one cancel of its run, one rollback dispatch", async () => {
    const { store, url, github } = await world();
    const now = Date.now();
    const dispatchedAt = new Date(now - 40 * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
    const applying = prState("APPLYING", {
      apply: { sha: SHA_A, approvedBy: ["bob"], dispatchedAt, nonce: NONCE_APPLY, knownGood: SHA_GOOD },
    });
    await store.read.createPr(KEY, applying, new Date());
    await store.read.tryLock(KEY.repo, applying.stack, { pr: 12, sha: SHA_A }, new Date());
    await store.read.insertDispatch({
      nonce: NONCE_APPLY,
      repo: KEY.repo,
      pr: 12,
      stack: applying.stack,
      workflow: "infracrew-apply.yml",
      mode: "apply",
      sha: SHA_A,
      targetSha: null,
      plan: SAVED_PLAN,
      ref: "main",
      createdAt: dispatchedAt,
      runId: 401,
      gate: null,
    });
    await store.read.setTimers(KEY, [{ kind: "apply-timeout", dueAt: new Date(now - 1000) }]);
    // The apply's run is still going: GitHub says so every time a replica asks.
    github.route(`GET ${REPO}/actions/runs/401`, {
      status: 200,
      body: appRun(401, `infracrew apply checkout-api pr-12 apply ${SHA_A} n-${NONCE_APPLY}`, "in_progress"),
    });
    github.route(`POST ${REPO}/actions/runs/401/cancel`, { status: 202, body: {} });
    github.route(`POST ${REPO}/actions/workflows/infracrew-apply.yml/dispatches`, {
      status: 200,
      body: {
        workflow_run_id: 501,
        run_url: "https://x/501",
        html_url: "https://github.com/acme/infra/actions/runs/501",
      },
    });

    await Promise.all([replica(url, github, "replica-a"), replica(url, github, "replica-b")]);
    await waitFor("the rollback to be dispatched and its effects done", 30_000, async () => {
      const state = (await store.read.loadPr(KEY))?.state;
      const counts = await store.queueCounts();
      return state?.state === "ROLLBACK" && counts.effectsPending === 0 ? true : undefined;
    });
    // Both replicas keep sweeping for a few more rounds: nothing is done twice.
    await new Promise((r) => setTimeout(r, 3000));

    expect(calls(github, `POST ${REPO}/actions/workflows/infracrew-apply.yml/dispatches`)).toHaveLength(1);
    expect(calls(github, `POST ${REPO}/actions/runs/401/cancel`)).toHaveLength(1);
    const [dispatch] = calls(github, `POST ${REPO}/actions/workflows/infracrew-apply.yml/dispatches`);
    expect(dispatch!.body).toMatchObject({
      ref: "main",
      inputs: { mode: "rollback", sha: SHA_A, target_sha: SHA_GOOD },
    });
    const state = (await store.read.loadPr(KEY))!.state;
    expect(state).toMatchObject({
      state: "ROLLBACK",
      rollback: { trigger: "apply-timeout", toSha: SHA_GOOD },
    });
    expect((await store.auditFor(KEY.repo, 12)).filter((a) => a.action === "dispatch rollback")).toHaveLength(
      1,
    );
    expect(github.violations).toEqual([]);
  });
});

describe("a replica killed between sending a dispatch and recording its run", () => {
  it("leaves it to the next replica, which finds the run by its nonce instead of dispatching again", async () => {
    const { store, url, github } = await world();
    await store.read.createPr(KEY, prState("WAIT_FOR_APPROVE"), new Date());
    github.route(`GET ${REPO}/collaborators/bob/permission`, {
      status: 200,
      body: { permission: "write", role_name: "write", user: { login: "bob" } },
    });
    github.route(`POST ${REPO}/issues/comments/8001/reactions`, {
      status: 201,
      body: { id: 1, content: "eyes" },
    });
    // GitHub receives the dispatch; the replica dies before it hears back.
    github.route(`POST ${REPO}/actions/workflows/infracrew-apply.yml/dispatches`, { hold: true });
    github.route(`GET ${REPO}/actions/workflows/infracrew-apply.yml/runs`, () => {
      const nonce = (dispatched()?.body as { inputs: { nonce: string } }).inputs.nonce;
      return {
        status: 200,
        body: {
          total_count: 1,
          workflow_runs: [
            appRun(401, `infracrew apply checkout-api pr-12 apply ${SHA_A} n-${nonce}`, "queued"),
          ],
        },
      };
    });
    const dispatched = () =>
      calls(github, `POST ${REPO}/actions/workflows/infracrew-apply.yml/dispatches`)[0];

    // bob's /approve arrives as every webhook does: a row of the delivery queue.
    await store.enqueueDelivery({
      id: "d-approve",
      name: "issue_comment",
      action: "created",
      installationId: TEST_INSTALLATION_ID,
      repo: KEY.repo,
      payload: prCommentPayload("bob", "/approve", 8001),
      receivedAt: new Date(),
    });
    const first = await replica(url, github, "replica-a");
    await waitFor("the dispatch to reach GitHub", 30_000, async () => (dispatched() ? true : undefined));
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));

    // The state was written before the dispatch was sent; the run it started is not known yet.
    const applying = (await store.read.loadPr(KEY))!.state;
    expect(applying.state).toBe("APPLYING");
    expect(await store.read.getDispatch(applying.apply!.nonce)).toMatchObject({ runId: null });

    await replica(url, github, "replica-b");
    await waitFor("the run to be tracked", 30_000, async () =>
      (await store.read.getDispatch(applying.apply!.nonce))?.runId === 401 ? true : undefined,
    );
    await waitFor("the effects to be done", 30_000, async () =>
      (await store.queueCounts()).effectsPending === 0 ? true : undefined,
    );
    expect(calls(github, `POST ${REPO}/actions/workflows/infracrew-apply.yml/dispatches`)).toHaveLength(1);
    expect(calls(github, `GET ${REPO}/actions/workflows/infracrew-apply.yml/runs`)).toHaveLength(1);
    // The redelivered /approve (its claim expired with the dead replica) was already handled: no second answer.
    expect(
      calls(github, `POST ${REPO}/issues/12/comments`).filter((c) =>
        JSON.stringify(c.body).includes("refused"),
      ),
    ).toEqual([]);
    expect((await store.read.loadPr(KEY))!.state).toMatchObject({
      state: "APPLYING",
      approvals: [{ login: "bob" }],
    });
    expect(github.violations).toEqual([]);
  });
});

/** A run the App dispatched, as GitHub's REST API describes it. */
function appRun(id: number, title: string, status: string) {
  const app = { login: "infracrew[bot]", type: "Bot" };
  return {
    id,
    run_attempt: 1,
    event: "workflow_dispatch",
    path: ".github/workflows/infracrew-apply.yml",
    head_branch: "main",
    head_sha: "a".repeat(40),
    actor: app,
    triggering_actor: app,
    display_title: title,
    repository: { id: 1 },
    head_repository: { id: 1 },
    pull_requests: [],
    status,
    conclusion: null,
    html_url: `https://github.com/acme/infra/actions/runs/${id}`,
  };
}
