import { createPublicKey, type KeyObject } from "node:crypto";

/** The issuer of GitHub Actions OIDC tokens on github.com (GHES: `https://<host>/_services/token`). */
export const GITHUB_ACTIONS_ISSUER = "https://token.actions.githubusercontent.com";

/** Where an Actions token issuer publishes its signing keys: `<issuer>/.well-known/jwks`. */
export function jwksUrlFor(issuer: string): string {
  return `${issuer.replace(/\/+$/, "")}/.well-known/jwks`;
}

/** The public keys tokens are checked against, by key id. */
export interface SigningKeys {
  /** The RS256 key with this id, or undefined when the issuer has none; throws when the keys cannot be fetched. */
  key(kid: string): Promise<KeyObject | undefined>;
}

export interface JwksClientOptions {
  /** An https URL, e.g. jwksUrlFor(GITHUB_ACTIONS_ISSUER). */
  readonly url: string;
  readonly clock: () => Date;
  readonly fetch?: typeof fetch;
  /** How long a fetched key set is used before it is fetched again (default 1 hour). */
  readonly ttlSeconds?: number;
  /** The key set is fetched at most once in this many seconds, whatever kids arrive (default 60). */
  readonly minRefetchSeconds?: number;
  /** When fetching fails, a key set this many seconds past its TTL is still used (default 1 day). */
  readonly maxStaleSeconds?: number;
  /** The largest key set read (default 64 KiB); GitHub's is a few KiB. */
  readonly maxBytes?: number;
  readonly timeoutMs?: number;
}

/** The key set could not be had: GitHub unreachable, an error status, or a body that is not a key set. */
export class JwksFetchError extends Error {
  override readonly name = "JwksFetchError";
}

const MAX_KEYS = 50;
const MIN_MODULUS_BITS = 2048;

/**
 * GitHub's token signing keys, fetched over HTTPS and cached by kid. An unknown kid fetches the set again, but at
 * most once per `minRefetchSeconds` for all callers together, so a stream of tokens with made-up kids costs GitHub
 * one request a minute, not one each. Concurrent callers share one fetch.
 */
export function createJwksClient(options: JwksClientOptions): SigningKeys {
  if (!options.url.startsWith("https://")) throw new Error(`the JWKS URL must be https: ${options.url}`);
  const ttl = (options.ttlSeconds ?? 3600) * 1000;
  const minRefetch = (options.minRefetchSeconds ?? 60) * 1000;
  const maxStale = (options.maxStaleSeconds ?? 86_400) * 1000;
  const now = () => options.clock().getTime();
  let keys: ReadonlyMap<string, KeyObject> | undefined;
  let fetchedAt = Number.NEGATIVE_INFINITY;
  let attemptedAt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<void> | undefined;

  const refresh = (): Promise<void> => {
    inFlight ??= (async () => {
      attemptedAt = now();
      try {
        keys = await fetchKeySet(options);
        fetchedAt = now();
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  };

  /** Fetches when allowed (or joins the fetch under way); true when a fetch was made or joined. */
  const tryRefresh = async (): Promise<boolean> => {
    if (inFlight) await inFlight;
    else if (now() - attemptedAt >= minRefetch) await refresh();
    else return false;
    return true;
  };

  const usable = (): ReadonlyMap<string, KeyObject> | undefined =>
    keys && now() - fetchedAt < ttl + maxStale ? keys : undefined;

  return {
    async key(kid) {
      let refreshed = false;
      if (!keys || now() - fetchedAt >= ttl || inFlight) {
        try {
          refreshed = await tryRefresh();
        } catch (error) {
          if (!usable()) throw error;
        }
        if (!usable()) throw new JwksFetchError(`no current signing keys from ${options.url}`);
      }
      const found = keys?.get(kid);
      if (found || refreshed) return found;
      return (await tryRefresh()) ? keys?.get(kid) : undefined;
    },
  };
}

async function fetchKeySet(options: JwksClientOptions): Promise<ReadonlyMap<string, KeyObject>> {
  const maxBytes = options.maxBytes ?? 64 * 1024;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(options.url, {
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    });
  } catch (error) {
    throw new JwksFetchError(
      `GET ${options.url} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new JwksFetchError(`GET ${options.url} answered ${response.status}`);
  }
  const body = await readCapped(response, maxBytes, options.url);
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    throw new JwksFetchError(`${options.url} did not answer JSON`);
  }
  const entries = typeof data === "object" && data !== null ? (data as { keys?: unknown }).keys : undefined;
  if (!Array.isArray(entries)) throw new JwksFetchError(`${options.url} answered no "keys" array`);
  const keys = new Map<string, KeyObject>();
  for (const entry of entries.slice(0, MAX_KEYS)) {
    const parsed = rs256Key(entry);
    if (parsed && !keys.has(parsed.kid)) keys.set(parsed.kid, parsed.key);
  }
  if (keys.size === 0) throw new JwksFetchError(`${options.url} holds no RS256 signing key`);
  return keys;
}

async function readCapped(response: Response, maxBytes: number, url: string): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new JwksFetchError(`${url} answered ${declared} bytes, more than ${maxBytes}`);
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new JwksFetchError(`${url} answered more than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** A JWK usable for RS256 signatures (RSA, for signing, at least 2048 bits), or undefined. */
function rs256Key(entry: unknown): { kid: string; key: KeyObject } | undefined {
  if (typeof entry !== "object" || entry === null) return undefined;
  const jwk = entry as Record<string, unknown>;
  const { kid, kty, use, alg, n, e } = jwk;
  if (typeof kid !== "string" || kid.length === 0 || kid.length > 256) return undefined;
  if (kty !== "RSA" || (use !== undefined && use !== "sig") || (alg !== undefined && alg !== "RS256"))
    return undefined;
  if (typeof n !== "string" || typeof e !== "string") return undefined;
  try {
    const key = createPublicKey({ key: { kty: "RSA", n, e }, format: "jwk" });
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    return bits >= MIN_MODULUS_BITS ? { kid, key } : undefined;
  } catch {
    return undefined;
  }
}
