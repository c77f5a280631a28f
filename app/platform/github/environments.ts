import type { EnvironmentStep } from "../environments.js";
import { callGitHub, type GitHubFailure, UNEXPECTED } from "./call-github.js";
import type { GitHubScope } from "./github-client.js";

const PUT_ENVIRONMENT = "PUT /repos/{owner}/{repo}/environments/{environment_name}";
const CREATE_BRANCH_POLICY =
  "POST /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies";
const ENABLED_RULES = "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules";
const AVAILABLE_RULES =
  "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/apps";
const ENABLE_RULE = "POST /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules";

/** GitHub's refusals that mean "not on this repository" (plan, visibility, permission): said, not thrown. */
const REFUSED = [403, 404, 422];

function refused(what: string): (failure: GitHubFailure) => EnvironmentStep | typeof UNEXPECTED {
  return (failure) =>
    REFUSED.includes(failure.status)
      ? {
          ok: false,
          reason: `GitHub refused to ${what} (${failure.status}${failure.message ? `: ${failure.message}` : ""})`,
        }
      : UNEXPECTED;
}

/**
 * PUT the environment with custom branch policies, then the policy naming `branch` (GitHub answers 303 when it
 * exists already, which the client follows to the existing policy). 2 calls.
 */
export async function ensureDeploymentEnvironment(
  scope: GitHubScope,
  name: string,
  branch: string,
): Promise<EnvironmentStep> {
  const { owner, repo } = scope;
  const created = await callGitHub(
    PUT_ENVIRONMENT,
    scope.octokit
      .request(PUT_ENVIRONMENT, {
        owner,
        repo,
        environment_name: name,
        deployment_branch_policy: { protected_branches: false, custom_branch_policies: true },
      })
      .then((): EnvironmentStep => ({ ok: true })),
    refused(`create the environment ${name}`),
  );
  if (!created.ok) return created;
  return callGitHub(
    CREATE_BRANCH_POLICY,
    scope.octokit
      .request(CREATE_BRANCH_POLICY, { owner, repo, environment_name: name, name: branch, type: "branch" })
      .then((): EnvironmentStep => ({ ok: true })),
    refused(`restrict ${name} to deployments from ${branch}`),
  );
}

/**
 * Enables the App's rule: done when it is enabled already; not offered when GitHub does not list the App among the
 * rules available to the environment (no custom rules on this plan); else enabled. 2 or 3 calls.
 */
export async function enableAppProtectionRule(scope: GitHubScope, name: string): Promise<EnvironmentStep> {
  const { owner, repo, options } = scope;
  const appId = options.appId;
  if (appId === undefined) return { ok: false, reason: "the App's id is not known to this process" };
  const params = { owner, repo, environment_name: name };
  const enabled = await callGitHub(
    ENABLED_RULES,
    scope.octokit.request(ENABLED_RULES, params).then((r) => r.data.custom_deployment_protection_rules ?? []),
    (f) => (REFUSED.includes(f.status) ? undefined : UNEXPECTED),
  );
  if (enabled?.some((rule) => rule.app.id === appId)) return { ok: true };
  const available = await callGitHub(
    AVAILABLE_RULES,
    scope.octokit
      .request(AVAILABLE_RULES, { ...params, per_page: 100 })
      .then((r) => r.data.available_custom_deployment_protection_rule_integrations ?? []),
    (f) => (REFUSED.includes(f.status) ? undefined : UNEXPECTED),
  );
  if (!available?.some((integration) => integration.id === appId))
    return {
      ok: false,
      reason:
        "GitHub does not offer the App's custom deployment protection rule on this repository (it needs a public repository or GitHub Enterprise)",
    };
  return callGitHub(
    ENABLE_RULE,
    scope.octokit
      .request(ENABLE_RULE, { ...params, integration_id: appId })
      .then((): EnvironmentStep => ({ ok: true })),
    refused(`enable the App's deployment protection rule on ${name}`),
  );
}
