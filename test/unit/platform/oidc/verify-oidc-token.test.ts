import { generateKeyPairSync } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { judgeOidcClaims, type DispatchRecord } from "../../../../app/conductor/run-trust.js";
import { createJwksClient } from "../../../../app/platform/oidc/jwks-client.js";
import {
  verifyOidcToken,
  type OidcRefusalCode,
  type OidcVerifyOptions,
} from "../../../../app/platform/oidc/verify-oidc-token.js";
import {
  applyClaims,
  b64url,
  hmacWithPublicKey,
  ISSUER,
  JWKS_URL,
  jwksFetch,
  KID,
  NOW,
  NOW_SECONDS,
  otherKeys,
  publicJwk,
  signToken,
  unsignedToken,
} from "../../../support/oidc-issuer.js";

function setup(overrides: Partial<OidcVerifyOptions> = {}, now = NOW) {
  const fetch = jwksFetch();
  const keys = createJwksClient({ url: JWKS_URL, clock: () => now, fetch });
  const options: OidcVerifyOptions = { audience: "infracrew", keys, clock: () => now, ...overrides };
  return { fetch, verify: (token: string) => verifyOidcToken(token, options) };
}

async function refusal(token: string, overrides: Partial<OidcVerifyOptions> = {}, now = NOW) {
  const verified = await setup(overrides, now).verify(token);
  return verified.ok ? { code: "accepted" } : { code: verified.code, reason: verified.reason };
}

describe("verifyOidcToken", () => {
  it("accepts GitHub's token for the apply job and returns its claims", async () => {
    const { verify, fetch } = setup();
    const verified = await verify(signToken());
    expect(verified).toMatchObject({
      ok: true,
      kid: KID,
      claims: {
        iss: ISSUER,
        aud: "infracrew",
        repository: "acme/infra",
        run_id: "4242",
        run_attempt: "1",
        job_workflow_ref: "acme/infra/.github/workflows/infracrew-apply.yml@refs/heads/main",
        environment: "infracrew-apply",
        exp: NOW_SECONDS + 290,
      },
    });
    expect(fetch.calls).toEqual([JWKS_URL]);
  });

  it("accepts an audience list that holds the audience, and a GHES issuer when told", async () => {
    expect((await refusal(signToken(applyClaims({ aud: ["sts.amazonaws.com", "infracrew"] })))).code).toBe(
      "accepted",
    );
    const ghes = "https://ghe.example.com/_services/token";
    expect((await refusal(signToken(applyClaims({ iss: ghes })), { issuer: ghes })).code).toBe("accepted");
  });

  it("gives numeric GitHub claims to the judge as strings, and drops objects", async () => {
    const verified = await setup().verify(signToken(applyClaims({ run_id: 4242, run_attempt: { n: 1 } })));
    expect(verified.ok && verified.claims.run_id).toBe("4242");
    expect(verified.ok && verified.claims.run_attempt).toBeUndefined();
  });

  const LATE = new Date((NOW_SECONDS + 290 + 61) * 1000);
  const JUST_LATE_ENOUGH = new Date((NOW_SECONDS + 290 + 59) * 1000);

  it.each<[string, () => string, Partial<OidcVerifyOptions>, Date, OidcRefusalCode | "accepted"]>([
    ["expired (past the leeway)", () => signToken(), {}, LATE, "expired"],
    ["expired, within the 60 s leeway", () => signToken(), {}, JUST_LATE_ENOUGH, "accepted"],
    [
      "expired, with no leeway",
      () => signToken(),
      { leewaySeconds: 0 },
      new Date((NOW_SECONDS + 290) * 1000),
      "expired",
    ],
    ["not yet valid", () => signToken(applyClaims({ nbf: NOW_SECONDS + 120 })), {}, NOW, "not-yet-valid"],
    [
      "not yet valid, within the leeway",
      () => signToken(applyClaims({ nbf: NOW_SECONDS + 30 })),
      {},
      NOW,
      "accepted",
    ],
    [
      "issued in the future",
      () => signToken(applyClaims({ iat: NOW_SECONDS + 600 })),
      {},
      NOW,
      "issued-in-future",
    ],
    ["without exp", () => signToken(applyClaims({ exp: undefined })), {}, NOW, "malformed"],
    [
      "with a string exp",
      () => signToken(applyClaims({ exp: String(NOW_SECONDS + 290) })),
      {},
      NOW,
      "malformed",
    ],
    ["without iat", () => signToken(applyClaims({ iat: undefined })), {}, NOW, "malformed"],
    [
      "for another audience",
      () => signToken(applyClaims({ aud: "https://github.com/acme" })),
      {},
      NOW,
      "audience",
    ],
    ["for a list of other audiences", () => signToken(applyClaims({ aud: ["a", "b"] })), {}, NOW, "audience"],
    ["for no audience", () => signToken(applyClaims({ aud: undefined })), {}, NOW, "audience"],
    [
      "for an audience only in other case",
      () => signToken(applyClaims({ aud: "Infracrew" })),
      {},
      NOW,
      "audience",
    ],
    ["from another issuer", () => signToken(applyClaims({ iss: "https://evil.example" })), {}, NOW, "issuer"],
    [
      "from the issuer with a trailing slash",
      () => signToken(applyClaims({ iss: `${ISSUER}/` })),
      {},
      NOW,
      "issuer",
    ],
    [
      "from github.com's issuer on GHES",
      () => signToken(),
      { issuer: "https://ghe.example.com/_services/token" },
      NOW,
      "issuer",
    ],
    ["unsigned (alg none, empty signature)", () => unsignedToken(), {}, NOW, "malformed"],
    ["unsigned (alg none, any signature)", () => unsignedToken(applyClaims(), "AAAA"), {}, NOW, "algorithm"],
    ["HS256 keyed with the public key", () => hmacWithPublicKey(), {}, NOW, "algorithm"],
    [
      "RS256 in lower case",
      () => signToken(applyClaims(), { header: { alg: "rs256" } }),
      {},
      NOW,
      "algorithm",
    ],
    ["RS512", () => signToken(applyClaims(), { header: { alg: "RS512" } }), {}, NOW, "algorithm"],
    ["PS256", () => signToken(applyClaims(), { header: { alg: "PS256" } }), {}, NOW, "algorithm"],
    ["ES256", () => signToken(applyClaims(), { header: { alg: "ES256" } }), {}, NOW, "algorithm"],
    ["no alg", () => signToken(applyClaims(), { header: { alg: undefined } }), {}, NOW, "algorithm"],
    [
      "a jku pointing at the attacker's keys",
      () =>
        signToken(applyClaims(), {
          header: { jku: "https://evil.example/jwks" },
          privateKey: otherKeys().privateKey,
        }),
      {},
      NOW,
      "key-in-header",
    ],
    [
      "an embedded jwk of the attacker's key",
      () =>
        signToken(applyClaims(), {
          header: { jwk: publicJwk(otherKeys().publicKey) },
          privateKey: otherKeys().privateKey,
        }),
      {},
      NOW,
      "key-in-header",
    ],
    [
      "an x5u",
      () => signToken(applyClaims(), { header: { x5u: "https://evil.example/cert" } }),
      {},
      NOW,
      "key-in-header",
    ],
    ["an x5c chain", () => signToken(applyClaims(), { header: { x5c: ["MIIB"] } }), {}, NOW, "key-in-header"],
    [
      "critical extensions",
      () => signToken(applyClaims(), { header: { crit: ["b64"], b64: false } }),
      {},
      NOW,
      "malformed",
    ],
    ["no kid", () => signToken(applyClaims(), { header: { kid: undefined } }), {}, NOW, "malformed"],
    ["a numeric kid", () => signToken(applyClaims(), { header: { kid: 7 } }), {}, NOW, "malformed"],
    [
      "an unknown kid",
      () => signToken(applyClaims(), { header: { kid: "made-up" } }),
      {},
      NOW,
      "unknown-key",
    ],
    [
      "GitHub's kid on the attacker's signature",
      () => signToken(applyClaims(), { privateKey: otherKeys().privateKey }),
      {},
      NOW,
      "signature",
    ],
    [
      "a tampered payload (another run id after signing)",
      () => {
        const [header, , signature] = signToken().split(".");
        return `${header}.${b64url(JSON.stringify(applyClaims({ run_id: "9999" })))}.${signature}`;
      },
      {},
      NOW,
      "signature",
    ],
    [
      "a tampered header (kid swapped after signing)",
      () => {
        const [, payload, signature] = signToken().split(".");
        return `${b64url(JSON.stringify({ alg: "RS256", kid: KID, typ: "JWS" }))}.${payload}.${signature}`;
      },
      {},
      NOW,
      "signature",
    ],
    ["an empty string", () => "", {}, NOW, "malformed"],
    ["two parts", () => signToken().split(".").slice(0, 2).join("."), {}, NOW, "malformed"],
    ["five parts (JWE)", () => `${signToken()}.a.b`, {}, NOW, "malformed"],
    ["padding in a part", () => signToken().replace(".", "=."), {}, NOW, "malformed"],
    [
      "a header that is not JSON",
      () => `${b64url("{alg")}.${signToken().split(".")[1]}.AAAA`,
      {},
      NOW,
      "malformed",
    ],
    [
      "a header that is an array",
      () => `${b64url('["RS256"]')}.${signToken().split(".")[1]}.AAAA`,
      {},
      NOW,
      "malformed",
    ],
    [
      "a payload that is not an object",
      () => signToken("null" as unknown as Record<string, unknown>),
      {},
      NOW,
      "malformed",
    ],
    [
      "a header that is not UTF-8",
      () => `${b64url(Buffer.from([0xff, 0xfe]))}.e30.AAAA`,
      {},
      NOW,
      "malformed",
    ],
    ["oversize", () => signToken(applyClaims({ padding: "x".repeat(20_000) })), {}, NOW, "too-large"],
    ["over a smaller limit", () => signToken(), { maxTokenBytes: 500 }, NOW, "too-large"],
  ])("refuses a token %s", async (_name, token, overrides, now, code) => {
    expect((await refusal(token(), overrides, now)).code).toBe(code);
  });

  it("never fetches keys for an oversize, unsigned or wrongly signed-by-algorithm token", async () => {
    const { verify, fetch } = setup();
    for (const token of [
      signToken(applyClaims({ padding: "x".repeat(20_000) })),
      unsignedToken(),
      hmacWithPublicKey(),
    ])
      expect((await verify(token)).ok).toBe(false);
    expect(fetch.calls).toEqual([]);
  });

  it("says why, in a sentence", async () => {
    expect(await refusal(hmacWithPublicKey())).toEqual({
      code: "algorithm",
      reason: 'the token is signed with "HS256"; only RS256 is accepted',
    });
    expect(await refusal(signToken(), {}, LATE)).toEqual({
      code: "expired",
      reason: "the token expired at 2026-11-27T12:04:50.000Z",
    });
  });

  it("verifies a token from another repository or for another run, which the judge then refuses", async () => {
    const record: DispatchRecord = {
      nonce: "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
      repo: "acme/infra",
      pr: 12,
      stack: "orders-api",
      workflow: "infracrew-apply.yml",
      mode: "apply",
      sha: "1".repeat(40),
      targetSha: null,
      plan: null,
      ref: "main",
      createdAt: "2026-11-27T11:59:00Z",
      runId: 4242,
      gate: null,
    };
    const judge = async (claims: Record<string, unknown>) => {
      const verified = await setup().verify(signToken(applyClaims(claims)));
      if (!verified.ok) throw new Error(verified.reason);
      return judgeOidcClaims(verified.claims, record, {
        repository: "acme/infra",
        defaultBranch: "main",
        appLogin: "infracrew[bot]",
        nonce: record.nonce,
      });
    };
    expect(await judge({})).toEqual({ trusted: true });
    expect(
      await judge({
        repository: "mallory/infra",
        job_workflow_ref: "mallory/infra/.github/workflows/infracrew-apply.yml@refs/heads/main",
      }),
    ).toMatchObject({ trusted: false, reason: expect.stringMatching(/comes from "mallory\/infra"/) });
    expect(await judge({ run_id: "4343" })).toMatchObject({
      trusted: false,
      reason: expect.stringMatching(/started run 4242, not run 4343/),
    });
  });

  it("refuses any change to a valid token", async () => {
    const { verify } = setup();
    const token = signToken();
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: token.length - 1 }),
        fc.constantFrom(..."ABCabc012-_.="),
        async (at, char) => {
          fc.pre(token[at] !== char);
          const changed = token.slice(0, at) + char + token.slice(at + 1);
          expect((await verify(changed)).ok).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("refuses random input without throwing", async () => {
    const { verify } = setup();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: "binary" }),
          fc
            .tuple(fc.base64String(), fc.base64String(), fc.base64String())
            .map((parts) =>
              parts.map((p) => p.replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_")).join("."),
            ),
          fc
            .tuple(fc.jsonValue(), fc.jsonValue())
            .map(([h, p]) => `${b64url(JSON.stringify(h) ?? "")}.${b64url(JSON.stringify(p) ?? "")}.AAAA`),
        ),
        async (input) => {
          expect((await verify(input)).ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("does not accept a key of under 2048 bits from the key set", async () => {
    const weak = generateKeyPairSync("rsa", { modulusLength: 1024 });
    const fetch = jwksFetch(() => ({ keys: [publicJwk(weak.publicKey, "weak"), publicJwk()] }));
    const keys = createJwksClient({ url: JWKS_URL, clock: () => NOW, fetch });
    const verified = await verifyOidcToken(
      signToken(applyClaims(), { header: { kid: "weak" }, privateKey: weak.privateKey }),
      { audience: "infracrew", keys, clock: () => NOW },
    );
    expect(verified).toMatchObject({ ok: false, code: "unknown-key" });
  });
});
