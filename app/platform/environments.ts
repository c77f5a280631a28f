/**
 * Deployment environments on the code host, for onboarding: the environment the apply runs in, restricted to the
 * default branch, and the App's custom deployment protection rule on it. Added to the Platform apart from its
 * other methods (app/platform/platform.ts); GitHub and the fake implement both.
 */

/** What GitHub did: done, or why not (a sentence for the onboarding PR; the repository goes on without it). */
export type EnvironmentStep = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export interface DeploymentEnvironments {
  /**
   * Creates the environment `name` (or keeps it) so that only the branch `branch` may deploy to it: custom branch
   * policies, with one policy naming `branch`.
   */
  ensureDeploymentEnvironment(name: string, branch: string): Promise<EnvironmentStep>;
  /**
   * Enables this App's custom deployment protection rule on the environment `name`, when the repository offers it
   * (public repositories, and GitHub Enterprise). Already enabled counts as done.
   */
  enableAppProtectionRule(name: string): Promise<EnvironmentStep>;
}
