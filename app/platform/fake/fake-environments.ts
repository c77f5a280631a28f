import type { EnvironmentStep } from "../environments.js";

/** Deployment environments in memory: their branch policies, the rules enabled, and whether the plan offers rules. */
export class FakeEnvironments {
  readonly environments = new Map<string, { branches: string[]; appRule: boolean }>();
  /** Whether GitHub would offer custom deployment protection rules here (public, or Enterprise). */
  offersRules = true;
  /** Whether GitHub would create environments at all here (not on private repositories of the Free plan). */
  offersEnvironments = true;

  constructor(private readonly write: (entry: string) => void) {}

  ensure(name: string, branch: string): EnvironmentStep {
    if (!this.offersEnvironments)
      return { ok: false, reason: `GitHub refused to create the environment ${name} (422)` };
    const environment = this.environments.get(name) ?? { branches: [], appRule: false };
    if (!environment.branches.includes(branch)) environment.branches.push(branch);
    this.environments.set(name, environment);
    this.write(`environment ${name}: deployments from ${branch}`);
    return { ok: true };
  }

  enableAppRule(name: string): EnvironmentStep {
    const environment = this.environments.get(name);
    if (!environment)
      return { ok: false, reason: `GitHub refused to enable the rule on ${name} (404: Not Found)` };
    if (!this.offersRules)
      return {
        ok: false,
        reason:
          "GitHub does not offer the App's custom deployment protection rule on this repository (it needs a public repository or GitHub Enterprise)",
      };
    if (!environment.appRule) this.write(`environment ${name}: the App's protection rule enabled`);
    environment.appRule = true;
    return { ok: true };
  }
}
