/**
 * The job's GitHub Actions OIDC token. The gate asks for it with the audience `infracrew`, checks that it is a JWT
 * whose claims it can read, and sends it to the App, which verifies it against GitHub's keys. Read here, the claims
 * are only used to say which run this is and, on the protection-rule path, to check where the job runs: the token
 * comes straight from the runner's token service, and the gate is the job's first step.
 */
export const AUDIENCE = "infracrew";

export interface Claims {
  readonly [claim: string]: unknown;
}

export type TokenRead =
  { readonly ok: true; readonly claims: Claims } | { readonly ok: false; readonly message: string };

/** Reads a JWT's claims, without verifying it (the App does that). Anything that is not a JWT is refused. */
export function readToken(token: string): TokenRead {
  const parts = token.split(".");
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p)))
    return { ok: false, message: "the OIDC token is not a JWT" };
  try {
    const header = JSON.parse(Buffer.from(parts[0]!, "base64url").toString("utf8")) as Record<
      string,
      unknown
    >;
    const claims = JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8")) as unknown;
    if (
      typeof claims !== "object" ||
      claims === null ||
      Array.isArray(claims) ||
      typeof header.alg !== "string"
    )
      return { ok: false, message: "the OIDC token's header or claims are not JSON objects" };
    const aud = (claims as Claims).aud;
    if (aud !== AUDIENCE && !(Array.isArray(aud) && aud.includes(AUDIENCE)))
      return { ok: false, message: `the OIDC token is not for the audience ${AUDIENCE}` };
    return { ok: true, claims: claims as Claims };
  } catch {
    return { ok: false, message: "the OIDC token's header or claims are not JSON" };
  }
}

/** Where the job runs, as the token says, against where an Infracrew apply must run; the mismatches, if any. */
export function placeProblems(
  claims: Claims,
  expected: {
    readonly repository: string;
    readonly runId: string;
    readonly defaultBranch: string;
    readonly environment: string;
    readonly workflowFile: string;
  },
): string[] {
  const want: Record<string, string> = {
    repository: expected.repository,
    run_id: expected.runId,
    event_name: "workflow_dispatch",
    ref: `refs/heads/${expected.defaultBranch}`,
    environment: expected.environment,
    job_workflow_ref: `${expected.repository}/.github/workflows/${expected.workflowFile}@refs/heads/${expected.defaultBranch}`,
  };
  return Object.entries(want)
    .filter(([claim, value]) => claims[claim] !== value)
    .map(
      ([claim, value]) =>
        `${claim} is ${JSON.stringify(claims[claim] ?? null)}, not ${JSON.stringify(value)}`,
    );
}
