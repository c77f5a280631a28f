import { generateKeyPairSync } from "node:crypto";
import nock from "nock";
import { describe, expect, it } from "vitest";
import {
  createJwksClient,
  GITHUB_ACTIONS_ISSUER,
  JwksFetchError,
  jwksUrlFor,
} from "../../../../app/platform/oidc/jwks-client.js";
import {
  issuerKeys,
  JWKS_URL,
  jwksFetch,
  KID,
  NOW,
  otherKeys,
  publicJwk,
} from "../../../support/oidc-issuer.js";
import { strictNock } from "../../../support/strict-nock.js";

strictNock();

/** A clock the test moves by hand. */
function clock(start = NOW) {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (seconds: number) => void (now += seconds * 1000) };
}

const respond =
  (body: string, init: ResponseInit = {}): typeof fetch =>
  async () =>
    new Response(body, init);

describe("jwksUrlFor", () => {
  it("is GitHub's documented key set for the github.com issuer, and <issuer>/.well-known/jwks on GHES", () => {
    expect(jwksUrlFor(GITHUB_ACTIONS_ISSUER)).toBe(
      "https://token.actions.githubusercontent.com/.well-known/jwks",
    );
    expect(jwksUrlFor("https://ghe.example.com/_services/token/")).toBe(
      "https://ghe.example.com/_services/token/.well-known/jwks",
    );
  });
});

describe("createJwksClient", () => {
  it("fetches GitHub's key set with the default fetch (nock, no real network)", async () => {
    const scope = nock("https://token.actions.githubusercontent.com")
      .get("/.well-known/jwks")
      .reply(200, { keys: [publicJwk()] });
    const keys = createJwksClient({ url: jwksUrlFor(GITHUB_ACTIONS_ISSUER), clock: () => NOW });
    const key = await keys.key(KID);
    expect(key?.equals(issuerKeys().publicKey)).toBe(true);
    scope.done();
  });

  it("caches keys by kid for the TTL, then fetches again", async () => {
    const time = clock();
    const fetch = jwksFetch();
    const keys = createJwksClient({ url: JWKS_URL, clock: time.now, fetch, ttlSeconds: 600 });
    for (let i = 0; i < 5; i += 1) expect(await keys.key(KID)).toBeDefined();
    expect(fetch.calls).toHaveLength(1);
    time.advance(599);
    await keys.key(KID);
    expect(fetch.calls).toHaveLength(1);
    time.advance(1);
    await keys.key(KID);
    expect(fetch.calls).toHaveLength(2);
  });

  it("fetches once for concurrent first look-ups", async () => {
    const fetch = jwksFetch();
    const keys = createJwksClient({ url: JWKS_URL, clock: () => NOW, fetch });
    const found = await Promise.all(Array.from({ length: 20 }, () => keys.key(KID)));
    expect(found.every(Boolean)).toBe(true);
    expect(fetch.calls).toHaveLength(1);
  });

  it("refetches once on an unknown kid, then refuses it; a flood of unknown kids fetches at most once a window", async () => {
    const time = clock();
    const fetch = jwksFetch();
    const keys = createJwksClient({ url: JWKS_URL, clock: time.now, fetch, minRefetchSeconds: 60 });
    await keys.key(KID);
    time.advance(60);
    expect(await keys.key("unknown-1")).toBeUndefined();
    expect(fetch.calls).toHaveLength(2);
    for (let i = 0; i < 1000; i += 1) expect(await keys.key(`random-${i}`)).toBeUndefined();
    expect(fetch.calls).toHaveLength(2);
    time.advance(59);
    await Promise.all(Array.from({ length: 100 }, (_, i) => keys.key(`again-${i}`)));
    expect(fetch.calls).toHaveLength(2);
    time.advance(1);
    await Promise.all(Array.from({ length: 100 }, (_, i) => keys.key(`later-${i}`)));
    expect(fetch.calls).toHaveLength(3);
    expect(await keys.key(KID)).toBeDefined();
  });

  it("an unknown kid right after the first fetch does not fetch again", async () => {
    const fetch = jwksFetch();
    const keys = createJwksClient({ url: JWKS_URL, clock: () => NOW, fetch });
    expect(await keys.key("made-up")).toBeUndefined();
    expect(fetch.calls).toHaveLength(1);
  });

  it("finds a key GitHub rotated in, on the refetch", async () => {
    const time = clock();
    let published = [publicJwk()];
    const fetch = jwksFetch(() => ({ keys: published }));
    const keys = createJwksClient({ url: JWKS_URL, clock: time.now, fetch });
    await keys.key(KID);
    published = [publicJwk(), publicJwk(otherKeys().publicKey, "rotated")];
    time.advance(61);
    expect((await keys.key("rotated"))?.equals(otherKeys().publicKey)).toBe(true);
    expect(fetch.calls).toHaveLength(2);
  });

  it("keeps only RS256 signing keys of 2048 bits or more", async () => {
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const weak = generateKeyPairSync("rsa", { modulusLength: 1024 });
    const fetch = jwksFetch(() => ({
      keys: [
        { ...ec.publicKey.export({ format: "jwk" }), kid: "ec" },
        publicJwk(weak.publicKey, "weak"),
        { ...publicJwk(issuerKeys().publicKey, "enc"), use: "enc" },
        { ...publicJwk(issuerKeys().publicKey, "rs512"), alg: "RS512" },
        { ...publicJwk(), kid: undefined },
        { kty: "RSA", kid: "broken", n: "AA", e: "AQAB" },
        "not a key",
        null,
        publicJwk(),
      ],
    }));
    const keys = createJwksClient({ url: JWKS_URL, clock: () => NOW, fetch });
    expect(await keys.key(KID)).toBeDefined();
    for (const kid of ["ec", "weak", "enc", "rs512", "broken"]) expect(await keys.key(kid)).toBeUndefined();
  });

  it.each([
    ["an error status", respond("oops", { status: 503 }), /answered 503/],
    ["a body that is not JSON", respond("<html>"), /did not answer JSON/],
    ["no keys array", respond(JSON.stringify({ keys: "x" })), /no "keys" array/],
    ["no usable key", respond(JSON.stringify({ keys: [] })), /holds no RS256 signing key/],
    [
      "a declared length over the limit",
      respond("{}", { headers: { "content-length": String(1024 * 1024) } }),
      /more than 65536/,
    ],
    [
      "a streamed body over the limit",
      respond(JSON.stringify({ keys: [], pad: "x".repeat(70_000) })),
      /more than 65536/,
    ],
    [
      "a network failure",
      (async () => {
        throw new TypeError("fetch failed");
      }) as unknown as typeof fetch,
      /failed: fetch failed/,
    ],
  ])("throws a JwksFetchError (a fault, not a refusal) for %s", async (_name, fetch, message) => {
    const keys = createJwksClient({ url: JWKS_URL, clock: () => NOW, fetch });
    const error = await keys.key(KID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JwksFetchError);
    expect((error as Error).message).toMatch(message);
  });

  it("after a failed first fetch, waits out the window before trying again", async () => {
    const time = clock();
    let fail = true;
    const calls: string[] = [];
    const serve = jwksFetch();
    const flaky: typeof fetch = async (url) => {
      calls.push(String(url));
      return fail ? new Response("", { status: 500 }) : serve(url);
    };
    const keys = createJwksClient({ url: JWKS_URL, clock: time.now, fetch: flaky });
    await expect(keys.key(KID)).rejects.toThrow(JwksFetchError);
    await expect(keys.key(KID)).rejects.toThrow(/no current signing keys/);
    expect(calls).toHaveLength(1);
    fail = false;
    time.advance(60);
    expect(await keys.key(KID)).toBeDefined();
    expect(calls).toHaveLength(2);
  });

  it("uses the last keys while a refresh fails, up to the stale limit", async () => {
    const time = clock();
    let fail = false;
    const serve = jwksFetch();
    const flaky: typeof fetch = async (url) => (fail ? new Response("", { status: 502 }) : serve(url));
    const keys = createJwksClient({
      url: JWKS_URL,
      clock: time.now,
      fetch: flaky,
      ttlSeconds: 3600,
      maxStaleSeconds: 7200,
    });
    await keys.key(KID);
    fail = true;
    time.advance(3600);
    expect(await keys.key(KID)).toBeDefined();
    time.advance(7199);
    expect(await keys.key(KID)).toBeDefined();
    time.advance(1);
    await expect(keys.key(KID)).rejects.toThrow(JwksFetchError);
  });

  it("refuses a key set URL that is not https", () => {
    expect(() =>
      createJwksClient({
        url: "http://token.actions.githubusercontent.com/.well-known/jwks",
        clock: () => NOW,
      }),
    ).toThrow(/must be https/);
  });
});
