import { createJwksClient, GITHUB_ACTIONS_ISSUER, jwksUrlFor } from "./jwks-client.js";
import { verifyOidcToken, type OidcVerification } from "./verify-oidc-token.js";

/** The audience the gate action asks GitHub's OIDC provider for. */
export const GATE_AUDIENCE = "infracrew";

/**
 * The verifier of the gate endpoint: GitHub Actions tokens for audience `infracrew`, from github.com's issuer or,
 * with GHE_HOST, from `https://<host>/_services/token` (INFRACREW_OIDC_ISSUER overrides both, e.g. a GHEC enterprise
 * issuer; INFRACREW_OIDC_JWKS_URL then names its key set when it is not `<issuer>/.well-known/jwks`).
 */
export function oidcVerifier(
  env: Readonly<Record<string, string | undefined>>,
  clock: () => Date,
): (token: string) => Promise<OidcVerification> {
  const issuer =
    env.INFRACREW_OIDC_ISSUER ??
    (env.GHE_HOST ? `https://${env.GHE_HOST}/_services/token` : GITHUB_ACTIONS_ISSUER);
  const keys = createJwksClient({ url: env.INFRACREW_OIDC_JWKS_URL ?? jwksUrlFor(issuer), clock });
  return (token) => verifyOidcToken(token, { audience: GATE_AUDIENCE, issuer, keys, clock });
}
