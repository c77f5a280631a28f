import type { Logger } from "../conductor/deps.js";
import { NAMES } from "../conductor/names.js";
import { APPLY_ENVIRONMENT } from "../conductor/run-trust.js";
import { LABEL_COLORS, STATES, labelFor } from "../conductor/states.js";
import type { DeploymentEnvironments, EnvironmentStep } from "../platform/environments.js";
import type { FileChange, Platform } from "../platform/platform.js";
import { code, plain } from "../render/markdown.js";

export const ONBOARDING_TITLE = "Configure Infracrew";
export { APPLY_ENVIRONMENT };

/** How the apply job is guarded on this repository, as onboarding could set it up. */
export interface ApplyGuard {
  readonly branch: string;
  readonly environment: EnvironmentStep;
  /** The App's custom deployment protection rule; not tried when the environment could not be created. */
  readonly rule: EnvironmentStep;
}

function guardSection(guard: ApplyGuard): string[] {
  const env = code(APPLY_ENVIRONMENT);
  const branch = code(guard.branch);
  const oidc = [
    "The apply job's first step is then the App's OIDC gate: set the repository variable `INFRACREW_APP_URL` to the",
    "App's address (`https://…`). Until it is set, every apply and rollback fails before it checks anything out.",
  ];
  if (!guard.environment.ok) {
    return [
      `**The environment ${env} could not be created:** ${plain(guard.environment.reason)}.`,
      `Create it (Settings → Environments), allow deployments from ${branch} only, and enable the Infracrew`,
      "deployment protection rule on it if GitHub offers it.",
      ...oidc,
    ];
  }
  if (guard.rule.ok) {
    return [
      `The apply and rollback jobs run in the environment ${env}, which only ${branch} may deploy to, guarded by the`,
      "App's deployment protection rule: GitHub starts such a job only when the App approves it, and the App approves",
      "only runs it dispatched itself. (Setting the repository variable `INFRACREW_APP_URL` to the App's address adds",
      "its OIDC gate too.)",
    ];
  }
  return [
    `The apply and rollback jobs run in the environment ${env}, which only ${branch} may deploy to. The App's`,
    `deployment protection rule is not enabled on it: ${plain(guard.rule.reason)}.`,
    ...oidc,
  ];
}

export function onboardingBody(files: readonly FileChange[], guard?: ApplyGuard): string {
  return [
    "Infracrew is installed on this repository. Merge this pull request to turn it on:",
    "",
    ...files.map((f) => `- \`${f.path}\``),
    "",
    "`.github/infracrew.yml` holds the organisation policy and the app's settings, every key commented with its default.",
    "The workflows plan and validate each goal's Terraform on pull requests, and apply it when it is approved; they use",
    "OIDC for AWS credentials (set the role ARN they name) and need no long-lived keys.",
    ...(guard
      ? [
          "",
          "### Who can start an apply",
          "",
          ...guardSection(guard),
          "",
          "Before the first plan, add the secret `INFRACREW_PLAN_KEY` (`openssl rand -base64 32`): plans are stored",
          "only encrypted with it. Trust the apply role only for this environment and the apply workflow on",
          `${code(guard.branch)}, and keep a separate read-only plan role (\`docs/aws-roles.md\` in Infracrew).`,
        ]
      : []),
    "",
    "Then file a goal with the **Infrastructure goal** issue form.",
  ].join("\n");
}

export type OnboardingOutcome = "configured" | "pr-exists" | "opened";

/**
 * The environment the apply runs in, restricted to the default branch, and the App's protection rule on it. A
 * refusal (a private repository without Enterprise, a plan without environments) is said in the PR, not thrown.
 */
async function guardApplies(
  platform: DeploymentEnvironments,
  branch: string,
  log: Logger,
  repo: string,
): Promise<ApplyGuard> {
  const environment = await platform.ensureDeploymentEnvironment(APPLY_ENVIRONMENT, branch);
  const rule: EnvironmentStep = environment.ok
    ? await platform.enableAppProtectionRule(APPLY_ENVIRONMENT)
    : { ok: false, reason: "the environment does not exist" };
  log.info(
    {
      repo,
      environment: environment.ok ? "ready" : environment.reason,
      protectionRule: rule.ok ? "enabled" : rule.reason,
    },
    "onboarding: the apply environment",
  );
  return { branch, environment, rule };
}

/** Opens one "Configure Infracrew" PR per repository, never a second one (re-install and redelivery included). */
export async function onboardRepository(
  platform: Platform & DeploymentEnvironments,
  log: Logger,
  files: readonly FileChange[],
): Promise<OnboardingOutcome> {
  if ((await platform.readFile(NAMES.configPath)) !== undefined) return "configured";
  if (await platform.findOpenPullRequest(NAMES.onboardingBranch)) return "pr-exists";
  const base = await platform.getDefaultBranch();
  const repo = `${platform.repo.owner}/${platform.repo.repo}`;
  const guard = await guardApplies(platform, base, log, repo);
  await platform.commitFiles({ branch: NAMES.onboardingBranch, base, message: "Configure Infracrew", files });
  try {
    await platform.createPullRequest({
      branch: NAMES.onboardingBranch,
      base,
      title: ONBOARDING_TITLE,
      body: onboardingBody(files, guard),
    });
  } catch (error) {
    if (await platform.findOpenPullRequest(NAMES.onboardingBranch)) return "pr-exists";
    throw error;
  }
  for (const state of STATES)
    await platform.ensureLabel(labelFor(state), LABEL_COLORS[state], `Infracrew state: ${state}`);
  log.info({ repo, files: files.length }, "onboarding PR opened");
  return "opened";
}
