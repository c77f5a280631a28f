import { afterEach, describe, expect, it } from "vitest";
import type { DispatchRecord } from "../../app/conductor/run-trust.js";
import { GATE_PATH, gateHandler } from "../../app/handlers/gate-endpoint.js";
import { createJwksClient } from "../../app/platform/oidc/jwks-client.js";
import { verifyOidcToken } from "../../app/platform/oidc/verify-oidc-token.js";
import { applyDispatch, fakeGateStore, GATE_NONCE } from "../support/fake-gate-store.js";
import { memoryLog } from "../support/memory-log.js";
import {
  applyClaims,
  hmacWithPublicKey,
  JWKS_URL,
  jwksFetch,
  NOW,
  NOW_SECONDS,
  signToken,
  unsignedToken,
} from "../support/oidc-issuer.js";
import { serve } from "../support/serve.js";
import { strictNock } from "../support/strict-nock.js";

strictNock({ allowLoopback: true });

let closeServer: (() => Promise<void>) | undefined;
afterEach(async () => {
  await closeServer?.();
  closeServer = undefined;
});

interface Setup {
  readonly records?: readonly DispatchRecord[];
  readonly fetch?: typeof fetch;
  readonly breakStore?: boolean;
}

async function setup(options: Setup = {}) {
  const fake = fakeGateStore(options.records);
  const log = memoryLog();
  const keys = createJwksClient({ url: JWKS_URL, clock: () => NOW, fetch: options.fetch ?? jwksFetch() });
  const store = options.breakStore
    ? {
        ...fake.store,
        findDispatch: async () => {
          throw new Error("connection to database at 10.0.0.5 refused (password=hunter2)");
        },
      }
    : fake.store;
  const handler = gateHandler({
    verifyToken: (token) => verifyOidcToken(token, { audience: "infracrew", keys, clock: () => NOW }),
    store,
    audit: fake.recordAudit,
    clock: () => NOW,
    appLogin: "infracrew[bot]",
    log,
  });
  const server = await serve([handler]);
  closeServer = server.close;
  const call = async (init: {
    token?: string | null;
    body?: string;
    method?: string;
    contentType?: string;
    authorization?: string;
    path?: string;
  }) => {
    const headers: Record<string, string> = { "content-type": init.contentType ?? "application/json" };
    const token = init.token === undefined ? signToken() : init.token;
    if (init.authorization !== undefined) headers.authorization = init.authorization;
    else if (token !== null) headers.authorization = `Bearer ${token}`;
    const method = init.method ?? "POST";
    const response = await fetch(`${server.url}${init.path ?? GATE_PATH}`, {
      method,
      headers,
      ...(method === "GET" || method === "HEAD"
        ? {}
        : { body: init.body ?? JSON.stringify({ nonce: GATE_NONCE }) }),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: response.status, json, headers: response.headers };
  };
  return { ...fake, log, call };
}

const APPROVED_DISPATCH = {
  pr: 12,
  stack: "orders-api",
  mode: "apply",
  sha: "1111111111111111111111111111111111111111",
  targetSha: null,
  nonce: GATE_NONCE,
  plan: { runId: 100, artifactId: 200, sha256: "f".repeat(64) },
};

describe("POST /infracrew/gate", () => {
  it("approves the App's apply run with its dispatch, records it, and audits it", async () => {
    const gate = await setup();
    const answer = await gate.call({});
    expect(answer).toMatchObject({ status: 200, json: { approved: true, dispatch: APPROVED_DISPATCH } });
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(gate.record()?.gate).toEqual({
      runId: 4242,
      runAttempt: 1,
      answer: "approved",
      at: NOW.toISOString(),
    });
    expect(gate.audit).toMatchObject([
      { via: "oidc", repo: "acme/infra", pr: 12, runId: 4242, answer: "approved" },
    ]);
  });

  it("answers the same run attempt the same way again (a second job, or a retry)", async () => {
    const gate = await setup();
    await gate.call({});
    expect(await gate.call({})).toMatchObject({
      status: 200,
      json: { approved: true, dispatch: APPROVED_DISPATCH },
    });
    expect(gate.answers.map((a) => a.outcome)).toEqual(["recorded", "already-answered-same"]);
  });

  it("approves a rollback with its target and no plan", async () => {
    const target = "4".repeat(40);
    const gate = await setup({
      records: [applyDispatch({ mode: "rollback", targetSha: target, plan: null })],
    });
    expect((await gate.call({})).json).toEqual({
      approved: true,
      dispatch: { ...APPROVED_DISPATCH, mode: "rollback", targetSha: target, plan: null },
    });
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ["a hand-dispatched run", { actor: "mallory" }, /dispatched by @mallory, not by the App/],
    ["a re-run", { run_attempt: "2" }, /from attempt "2"/],
    [
      "the apply workflow from another branch",
      {
        ref: "refs/heads/feature",
        job_workflow_ref: "acme/infra/.github/workflows/infracrew-apply.yml@refs/heads/feature",
      },
      /ran on "refs\/heads\/feature"/,
    ],
    ["a job outside the apply environment", { environment: "dev" }, /environment "dev"/],
    ["a pull_request run", { event_name: "pull_request" }, /"pull_request" event/],
    [
      "another repository",
      {
        repository: "mallory/infra",
        job_workflow_ref: "mallory/infra/.github/workflows/infracrew-apply.yml@refs/heads/main",
      },
      /does not serve mallory\/infra/,
    ],
  ])("answers 403 with the reason to %s", async (_name, claims, reason) => {
    const gate = await setup();
    const answer = await gate.call({ token: signToken(applyClaims(claims)) });
    expect(answer.status).toBe(403);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.json).toEqual({ approved: false, reason: expect.stringMatching(reason) });
    expect(gate.record()?.gate).toBeNull();
    expect(gate.audit).toMatchObject([{ answer: "rejected" }]);
  });

  it("answers 403 to a token for another run once the dispatch is answered", async () => {
    const gate = await setup();
    await gate.call({});
    const other = await gate.call({ token: signToken(applyClaims({ run_id: "4343" })) });
    expect(other).toMatchObject({
      status: 403,
      json: { approved: false, reason: expect.stringMatching(/already answered \(approved\) for run 4242/) },
    });
  });

  it("answers 403 to a token for another run than the one the dispatch started", async () => {
    const gate = await setup({ records: [applyDispatch({ runId: 4242 })] });
    const other = await gate.call({ token: signToken(applyClaims({ run_id: "4343" })) });
    expect(other).toMatchObject({
      status: 403,
      json: { reason: expect.stringMatching(/started run 4242, not run 4343/) },
    });
  });

  it("answers 403 to an unknown nonce", async () => {
    const gate = await setup();
    const answer = await gate.call({ body: JSON.stringify({ nonce: "a".repeat(32) }) });
    expect(answer).toMatchObject({ status: 403, json: { reason: expect.stringMatching(/never recorded/) } });
  });

  it.each<[string, { token?: string | null; authorization?: string }, RegExp]>([
    ["no Authorization header", { token: null }, /no bearer token/],
    ["a Basic Authorization header", { authorization: "Basic dXNlcjpwYXNz" }, /no bearer token/],
    ["an expired token", { token: signToken(applyClaims({ exp: NOW_SECONDS - 120 })) }, /expired/],
    [
      "a token for another audience",
      { token: signToken(applyClaims({ aud: "sts.amazonaws.com" })) },
      /not for "infracrew"/,
    ],
    ["an unsigned token", { token: unsignedToken(applyClaims(), "AAAA") }, /only RS256/],
    ["HS256 keyed with GitHub's public key", { token: hmacWithPublicKey() }, /"HS256"; only RS256/],
    ["a token that is not a JWT", { token: "not-a-jwt" }, /not a signed JWT/],
  ])("answers 401 to %s", async (_name, init, reason) => {
    const gate = await setup();
    const answer = await gate.call(init);
    expect(answer.status).toBe(401);
    expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(answer.json).toEqual({ approved: false, reason: expect.stringMatching(reason) });
    expect(gate.lookups).toEqual([]);
  });

  it.each<[string, { body?: string; contentType?: string }, number, RegExp]>([
    ["a body that is not JSON", { body: "nonce=abc" }, 400, /not JSON/],
    ["a JSON array", { body: "[]" }, 400, /must be/],
    ["no nonce", { body: "{}" }, 400, /must be/],
    ["an upper-case nonce", { body: JSON.stringify({ nonce: GATE_NONCE.toUpperCase() }) }, 400, /must be/],
    ["a short nonce", { body: JSON.stringify({ nonce: "abc" }) }, 400, /must be/],
    ["a nonce that is a number", { body: '{"nonce": 1}' }, 400, /must be/],
    ["extra fields", { body: JSON.stringify({ nonce: GATE_NONCE, sha: "x" }) }, 400, /must be/],
    ["another content type", { contentType: "text/plain" }, 415, /application\/json/],
    [
      "a body over 1 KiB",
      { body: JSON.stringify({ nonce: GATE_NONCE, pad: "x".repeat(2000) }) },
      413,
      /larger than 1024/,
    ],
  ])("answers a malformed request (%s) before verifying anything", async (_name, init, status, reason) => {
    const fetch = jwksFetch();
    const gate = await setup({ fetch });
    const answer = await gate.call(init);
    expect(answer).toMatchObject({
      status,
      json: { approved: false, reason: expect.stringMatching(reason) },
    });
    expect(fetch.calls).toEqual([]);
  });

  it("answers 405 to other methods and leaves other paths alone", async () => {
    const gate = await setup();
    const get = await gate.call({ method: "GET" });
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect((await gate.call({ method: "PUT" })).status).toBe(405);
    expect((await gate.call({ path: "/infracrew/gate/x" })).status).toBe(404);
  });

  it("answers 500 with a generic message when the store fails, and logs the error", async () => {
    const gate = await setup({ breakStore: true });
    const answer = await gate.call({});
    expect(answer).toEqual({
      status: 500,
      json: { approved: false, reason: "the App could not decide; the error is in its log" },
      headers: answer.headers,
    });
    expect(JSON.stringify(answer.json)).not.toMatch(/hunter2|10\.0\.0\.5/);
    expect(gate.log.lines.find((l) => l.level === "error")?.details).toMatchObject({
      err: expect.stringMatching(/connection to database/),
    });
  });

  it("answers 500 when GitHub's keys cannot be fetched", async () => {
    const down: typeof fetch = async () => new Response("", { status: 503 });
    const gate = await setup({ fetch: down });
    const answer = await gate.call({});
    expect(answer.status).toBe(500);
    expect(gate.log.lines.find((l) => l.level === "error")?.details).toMatchObject({
      err: expect.stringMatching(/503/),
    });
  });
});
