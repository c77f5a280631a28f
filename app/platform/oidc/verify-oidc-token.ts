import { verify } from "node:crypto";
import type { OidcClaims } from "../../conductor/run-trust.js";
import { GITHUB_ACTIONS_ISSUER, type SigningKeys } from "./jwks-client.js";

/** GitHub's Actions claims as strings (the ids and attempt included), plus the registered claims checked here. */
export interface GitHubOidcClaims extends OidcClaims {
  readonly iss: string;
  readonly aud: string | readonly string[];
  readonly exp: number;
  readonly iat: number;
  readonly nbf?: number;
  readonly sub?: string;
  readonly jti?: string;
  readonly actor_id?: string;
  readonly base_ref?: string;
  readonly head_ref?: string;
  readonly job_workflow_sha?: string;
  readonly repository_id?: string;
  readonly repository_owner?: string;
  readonly repository_owner_id?: string;
  readonly repository_visibility?: string;
  readonly run_number?: string;
  readonly runner_environment?: string;
  readonly sha?: string;
  readonly workflow?: string;
  readonly workflow_sha?: string;
}

const STRING_CLAIMS = [
  "sub",
  "jti",
  "actor",
  "actor_id",
  "base_ref",
  "environment",
  "event_name",
  "head_ref",
  "job_workflow_ref",
  "job_workflow_sha",
  "ref",
  "ref_type",
  "repository",
  "repository_id",
  "repository_owner",
  "repository_owner_id",
  "repository_visibility",
  "run_id",
  "run_number",
  "run_attempt",
  "runner_environment",
  "sha",
  "workflow",
  "workflow_ref",
  "workflow_sha",
] as const;

export type OidcRefusalCode =
  | "malformed"
  | "too-large"
  | "algorithm"
  | "key-in-header"
  | "unknown-key"
  | "signature"
  | "issuer"
  | "audience"
  | "expired"
  | "not-yet-valid"
  | "issued-in-future";

export type OidcVerification =
  | { readonly ok: true; readonly kid: string; readonly claims: GitHubOidcClaims }
  | { readonly ok: false; readonly code: OidcRefusalCode; readonly reason: string };

export interface OidcVerifyOptions {
  /** The audience the token must be for (the gate action asks for `infracrew`). */
  readonly audience: string;
  /** Default GITHUB_ACTIONS_ISSUER; GHES `https://<host>/_services/token`. Compared exactly. */
  readonly issuer?: string;
  readonly keys: SigningKeys;
  readonly clock: () => Date;
  /** Clock skew allowed on exp, nbf and iat (default 60 s). */
  readonly leewaySeconds?: number;
  /** Tokens longer than this are refused unread (default 16 KiB; GitHub's are about 1.5 KiB). */
  readonly maxTokenBytes?: number;
}

export const MAX_TOKEN_BYTES = 16 * 1024;
const COMPACT_JWS = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/;
/** Header parameters that bring their own key or key location: a token never chooses the key it is checked with. */
const KEY_HEADERS = ["jku", "jwk", "x5u", "x5c"] as const;

const refuse = (code: OidcRefusalCode, reason: string): OidcVerification => ({ ok: false, code, reason });

/** A short, printable rendering of a value the token chose, for a refusal reason. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** The bytes of a base64url segment, when it is the canonical encoding of them. */
function base64url(segment: string): Buffer | undefined {
  const bytes = Buffer.from(segment, "base64url");
  return bytes.toString("base64url") === segment ? bytes : undefined;
}

function jsonObject(segment: string): Record<string, unknown> | undefined {
  const bytes = base64url(segment);
  if (!bytes) return undefined;
  try {
    const value: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Verifies a GitHub Actions OIDC token: compact JWS, RS256 only, signed by a key of the issuer's JWKS chosen by
 * `kid` (never by the token's own `jku`/`jwk`/`x5u`/`x5c`), the exact issuer, the audience, and exp/nbf/iat within
 * the leeway of the injected clock. Bad input gets a typed refusal with a reason; only a fault (the keys cannot be
 * fetched) throws.
 */
export async function verifyOidcToken(token: string, options: OidcVerifyOptions): Promise<OidcVerification> {
  const maxBytes = options.maxTokenBytes ?? MAX_TOKEN_BYTES;
  if (Buffer.byteLength(token, "utf8") > maxBytes)
    return refuse("too-large", `the token is longer than ${maxBytes} bytes`);
  const parts = COMPACT_JWS.exec(token);
  if (!parts) return refuse("malformed", "the token is not a signed JWT (three base64url parts)");
  const [, headerPart = "", payloadPart = "", signaturePart = ""] = parts;
  const header = jsonObject(headerPart);
  if (!header) return refuse("malformed", "the token's header is not a base64url JSON object");
  if (header.alg !== "RS256")
    return refuse("algorithm", `the token is signed with ${shown(header.alg)}; only RS256 is accepted`);
  const keyHeader = KEY_HEADERS.find((name) => name in header);
  if (keyHeader)
    return refuse("key-in-header", `the token names its own key (${keyHeader}); keys come from the issuer`);
  if ("crit" in header)
    return refuse("malformed", "the token has critical header extensions, which are not understood");
  const kid = header.kid;
  if (typeof kid !== "string" || kid.length === 0 || kid.length > 256)
    return refuse("malformed", "the token's header names no key id (kid)");
  const payload = jsonObject(payloadPart);
  if (!payload) return refuse("malformed", "the token's payload is not a base64url JSON object");
  const signature = base64url(signaturePart);
  if (!signature) return refuse("malformed", "the token's signature is not base64url");

  const key = await options.keys.key(kid);
  if (!key)
    return refuse(
      "unknown-key",
      `the token is signed with key ${shown(kid)}, which the issuer does not publish`,
    );
  const signed = verify("RSA-SHA256", Buffer.from(`${headerPart}.${payloadPart}`, "ascii"), key, signature);
  if (!signed) return refuse("signature", "the token's signature does not verify");

  return checkClaims(payload, kid, options);
}

function checkClaims(
  payload: Record<string, unknown>,
  kid: string,
  options: OidcVerifyOptions,
): OidcVerification {
  const issuer = options.issuer ?? GITHUB_ACTIONS_ISSUER;
  if (payload.iss !== issuer)
    return refuse("issuer", `the token was issued by ${shown(payload.iss)}, not ${issuer}`);
  const aud = payload.aud;
  const audiences = Array.isArray(aud) ? aud : [aud];
  if (!audiences.every((a) => typeof a === "string") || !audiences.includes(options.audience))
    return refuse("audience", `the token is for ${shown(aud)}, not for ${JSON.stringify(options.audience)}`);
  const { exp, iat, nbf } = payload;
  const isTime = (t: unknown): t is number => typeof t === "number" && Number.isFinite(t);
  if (!isTime(exp) || !isTime(iat) || (nbf !== undefined && !isTime(nbf)))
    return refuse("malformed", "the token's exp, iat or nbf is missing or not a number");
  const now = options.clock().getTime() / 1000;
  const leeway = options.leewaySeconds ?? 60;
  if (now >= exp + leeway)
    return refuse("expired", `the token expired at ${new Date(exp * 1000).toISOString()}`);
  if (nbf !== undefined && now + leeway < nbf)
    return refuse("not-yet-valid", `the token is not valid before ${new Date(nbf * 1000).toISOString()}`);
  if (now + leeway < iat)
    return refuse(
      "issued-in-future",
      `the token says it was issued at ${new Date(iat * 1000).toISOString()}, later than now`,
    );

  const strings: Record<string, string> = {};
  for (const name of STRING_CLAIMS) {
    const value = payload[name];
    if (typeof value === "string") strings[name] = value;
    else if (typeof value === "number" && Number.isSafeInteger(value)) strings[name] = String(value);
  }
  const claims: GitHubOidcClaims = {
    ...strings,
    iss: issuer,
    aud: Array.isArray(aud) ? (aud as string[]) : (aud as string),
    exp,
    iat,
    ...(nbf === undefined ? {} : { nbf }),
  };
  return { ok: true, kid, claims };
}
