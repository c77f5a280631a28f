/**
 * The GitHub adapter's environment methods on GitHub's refusals. GitHub's description documents only the success
 * statuses of some of these calls, so the strict mock cannot answer them with an error: a stub client plays the
 * refusals GitHub gives where a plan lacks the feature (403, 404, 422), and a server error that must still throw.
 */
import { describe, expect, it } from "vitest";
import { createGitHubPlatform } from "../../app/platform/github/create-github-platform.js";
import { GitHubApiError } from "../../app/platform/github/github-api-error.js";
import type { GitHubClient } from "../../app/platform/github/github-client.js";

type Answer = { status: number; data?: unknown; message?: string };

/** A client whose answers are given per route ("METHOD /path"); every request is recorded. */
function stub(answers: Record<string, Answer>) {
  const seen: { route: string; params: Record<string, unknown> }[] = [];
  const request = (async (route: string, params: Record<string, unknown>) => {
    seen.push({ route, params });
    const answer = answers[route];
    if (!answer) throw new Error(`unexpected ${route}`);
    if (answer.status >= 400)
      throw Object.assign(new Error(answer.message ?? "failed"), {
        status: answer.status,
        response: { data: { message: answer.message ?? "" }, headers: {} },
      });
    return { status: answer.status, data: answer.data, headers: {} };
  }) as unknown as GitHubClient["request"];
  return { client: { request } as GitHubClient, seen };
}

const ENV_ROUTE = "PUT /repos/{owner}/{repo}/environments/{environment_name}";
const POLICY_ROUTE = "POST /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies";
const ENABLED = "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules";
const AVAILABLE =
  "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/apps";
const ENABLE = "POST /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules";
const REPO = { owner: "acme", repo: "infra" };

const offered = {
  [ENABLED]: { status: 200, data: { total_count: 0, custom_deployment_protection_rules: [] } },
  [AVAILABLE]: {
    status: 200,
    data: {
      total_count: 1,
      available_custom_deployment_protection_rule_integrations: [{ id: 123, slug: "infracrew" }],
    },
  },
};

describe("GitHub environments for onboarding", () => {
  it("restricts the environment to the default branch with a custom branch policy", async () => {
    const { client, seen } = stub({ [ENV_ROUTE]: { status: 200 }, [POLICY_ROUTE]: { status: 200 } });
    const platform = createGitHubPlatform(client, REPO, { appId: 123 });
    expect(await platform.ensureDeploymentEnvironment("infracrew-apply", "main")).toEqual({ ok: true });
    expect(seen.map((s) => [s.route, s.params])).toEqual([
      [
        ENV_ROUTE,
        {
          ...REPO,
          environment_name: "infracrew-apply",
          deployment_branch_policy: { protected_branches: false, custom_branch_policies: true },
        },
      ],
      [POLICY_ROUTE, { ...REPO, environment_name: "infracrew-apply", name: "main", type: "branch" }],
    ]);
  });

  it.each([403, 404, 422])("says why when GitHub refuses the rule with %i, and goes on", async (status) => {
    const { client } = stub({
      ...offered,
      [ENABLE]: { status, message: "Not available for this repository" },
    });
    const platform = createGitHubPlatform(client, REPO, { appId: 123 });
    expect(await platform.enableAppProtectionRule("infracrew-apply")).toEqual({
      ok: false,
      reason: `GitHub refused to enable the App's deployment protection rule on infracrew-apply (${status}: Not available for this repository)`,
    });
  });

  it.each([403, 404, 422])("says why when GitHub refuses the environment with %i", async (status) => {
    const { client, seen } = stub({ [ENV_ROUTE]: { status, message: "Environments are not available" } });
    const platform = createGitHubPlatform(client, REPO, { appId: 123 });
    expect(await platform.ensureDeploymentEnvironment("infracrew-apply", "main")).toMatchObject({
      ok: false,
    });
    expect(seen).toHaveLength(1);
  });

  it("treats a 404 on the rule look-ups as not offered", async () => {
    const { client, seen } = stub({ [ENABLED]: { status: 404 }, [AVAILABLE]: { status: 404 } });
    const platform = createGitHubPlatform(client, REPO, { appId: 123 });
    expect(await platform.enableAppProtectionRule("infracrew-apply")).toMatchObject({ ok: false });
    expect(seen.map((s) => s.route)).toEqual([ENABLED, AVAILABLE]);
  });

  it("counts a rule of this App already enabled as done, without enabling it again", async () => {
    const { client, seen } = stub({
      [ENABLED]: {
        status: 200,
        data: {
          total_count: 1,
          custom_deployment_protection_rules: [{ id: 1, enabled: true, app: { id: 123, slug: "infracrew" } }],
        },
      },
    });
    const platform = createGitHubPlatform(client, REPO, { appId: 123 });
    expect(await platform.enableAppProtectionRule("infracrew-apply")).toEqual({ ok: true });
    expect(seen.map((s) => s.route)).toEqual([ENABLED]);
  });

  it("needs the App's id, and throws on a server error rather than call it a refusal", async () => {
    const { client } = stub({ ...offered, [ENABLE]: { status: 502, message: "Bad Gateway" } });
    expect(await createGitHubPlatform(client, REPO, {}).enableAppProtectionRule("infracrew-apply")).toEqual({
      ok: false,
      reason: "the App's id is not known to this process",
    });
    await expect(
      createGitHubPlatform(client, REPO, { appId: 123 }).enableAppProtectionRule("infracrew-apply"),
    ).rejects.toBeInstanceOf(GitHubApiError);
  });
});
