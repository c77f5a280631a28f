/**
 * The environment Terraform runs in. Terraform runs the pull request's code (providers, external data sources), so
 * it gets what it needs (AWS credentials, TF_VAR_*, PATH, HOME, the GITHUB_* facts) and nothing the action holds
 * for itself: its inputs (INPUT_*, among them the plan key and the GitHub token) and the runner's tokens for
 * artifacts, caches and OIDC. Code that runs in the job could still read them by other ways; this keeps them out
 * of the one place Terraform code looks first.
 */
const WITHHELD = [
  /^INPUT_/i,
  /^ACTIONS_RUNTIME_TOKEN$/i,
  /^ACTIONS_ID_TOKEN_REQUEST_(TOKEN|URL)$/i,
  /^ACTIONS_RESULTS_URL$/i,
  /^ACTIONS_CACHE_URL$/i,
  /^ACTIONS_RUNTIME_URL$/i,
];

export function childEnvironment(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || WITHHELD.some((pattern) => pattern.test(name))) continue;
    out[name] = value;
  }
  return out;
}
