import { createHmac, generateKeyPairSync, sign, type KeyObject } from "node:crypto";

export const ISSUER = "https://token.actions.githubusercontent.com";
export const JWKS_URL = `${ISSUER}/.well-known/jwks`;
export const KID = "cc413527-173f-5a05-976e-9c52b1d7b431";
/** The clock the tokens are minted on: 2026-11-27T12:00:00Z. */
export const NOW_SECONDS = 1_795_780_800;
export const NOW = new Date(NOW_SECONDS * 1000);

let cachedPair: { publicKey: KeyObject; privateKey: KeyObject } | undefined;
let cachedOther: { publicKey: KeyObject; privateKey: KeyObject } | undefined;

/** The test issuer's RSA key pair (2048 bits), made once per test file. */
export function issuerKeys(): { publicKey: KeyObject; privateKey: KeyObject } {
  cachedPair ??= generateKeyPairSync("rsa", { modulusLength: 2048 });
  return cachedPair;
}

/** Another RSA key pair: an attacker's. */
export function otherKeys(): { publicKey: KeyObject; privateKey: KeyObject } {
  cachedOther ??= generateKeyPairSync("rsa", { modulusLength: 2048 });
  return cachedOther;
}

/** A JWK of the public key, as GitHub publishes it. */
export function publicJwk(publicKey: KeyObject = issuerKeys().publicKey, kid = KID): Record<string, unknown> {
  return { ...publicKey.export({ format: "jwk" }), kid, use: "sig", alg: "RS256" };
}

export const b64url = (value: string | Buffer): string => Buffer.from(value).toString("base64url");
const part = (value: object): string => b64url(JSON.stringify(value));

/** The claims GitHub puts in the apply job's token for run 4242 of acme/infra, audience `infracrew`. */
export function applyClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    jti: "6f4762ed-0758-4ccb-808d-ee3af5d723a8",
    sub: "repo:acme/infra:environment:infracrew-apply",
    aud: "infracrew",
    ref: "refs/heads/main",
    sha: "3333333333333333333333333333333333333333",
    repository: "acme/infra",
    repository_owner: "acme",
    repository_owner_id: "4100",
    run_id: "4242",
    run_number: "17",
    run_attempt: "1",
    repository_visibility: "private",
    repository_id: "4200",
    actor_id: "99999",
    actor: "infracrew[bot]",
    workflow: "Infracrew apply",
    head_ref: "",
    base_ref: "",
    event_name: "workflow_dispatch",
    ref_type: "branch",
    environment: "infracrew-apply",
    workflow_ref: "acme/infra/.github/workflows/infracrew-apply.yml@refs/heads/main",
    workflow_sha: "3333333333333333333333333333333333333333",
    job_workflow_ref: "acme/infra/.github/workflows/infracrew-apply.yml@refs/heads/main",
    job_workflow_sha: "3333333333333333333333333333333333333333",
    runner_environment: "github-hosted",
    iss: ISSUER,
    nbf: NOW_SECONDS - 10,
    exp: NOW_SECONDS + 290,
    iat: NOW_SECONDS - 5,
    ...overrides,
  };
}

/** A compact RS256 JWS of the claims, signed with the issuer's key (or another). */
export function signToken(
  claims: Record<string, unknown> = applyClaims(),
  options: { header?: Record<string, unknown>; privateKey?: KeyObject } = {},
): string {
  const header = { alg: "RS256", typ: "JWT", kid: KID, ...options.header };
  const input = `${part(header)}.${part(claims)}`;
  const signature = sign("RSA-SHA256", Buffer.from(input), options.privateKey ?? issuerKeys().privateKey);
  return `${input}.${b64url(signature)}`;
}

/** The classic confusion: HS256 "signed" with the issuer's public key (PEM) as the HMAC secret. */
export function hmacWithPublicKey(claims: Record<string, unknown> = applyClaims()): string {
  const input = `${part({ alg: "HS256", typ: "JWT", kid: KID })}.${part(claims)}`;
  const secret = issuerKeys().publicKey.export({ format: "pem", type: "spki" });
  return `${input}.${b64url(createHmac("sha256", secret).update(input).digest())}`;
}

/** An unsigned token (`alg: none`) with an empty or a made-up signature part. */
export function unsignedToken(claims: Record<string, unknown> = applyClaims(), signature = ""): string {
  return `${part({ alg: "none", typ: "JWT" })}.${part(claims)}.${signature}`;
}

/** A fetch that serves the JWKS (whatever `jwks()` returns at the time) and counts its calls. */
export function jwksFetch(jwks: () => unknown = () => ({ keys: [publicJwk()] })): typeof fetch & {
  calls: string[];
} {
  const calls: string[] = [];
  const fake = async (input: string | URL | Request): Promise<Response> => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    calls.push(url);
    if (url !== JWKS_URL) return new Response("not found", { status: 404 });
    return new Response(JSON.stringify(jwks()), {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  };
  return Object.assign(fake as typeof fetch, { calls });
}
