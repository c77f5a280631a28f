import type { Logger } from "../conductor/deps.js";
import { NAMES } from "../conductor/names.js";
import { LABEL_COLORS, STATES, labelFor } from "../conductor/states.js";
import type { FileChange, Platform } from "../platform/platform.js";

export const ONBOARDING_TITLE = "Configure Infracrew";

export function onboardingBody(files: readonly FileChange[]): string {
  return [
    "Infracrew is installed on this repository. Merge this pull request to turn it on:",
    "",
    ...files.map((f) => `- \`${f.path}\``),
    "",
    "`.github/infracrew.yml` holds the organisation policy and the app's settings, every key commented with its default.",
    "The workflows plan and validate each goal's Terraform on pull requests, and apply it when it is approved; they use",
    "OIDC for AWS credentials (set the role ARN they name) and need no long-lived keys.",
    "",
    "Then file a goal with the **Infrastructure goal** issue form.",
  ].join("\n");
}

export type OnboardingOutcome = "configured" | "pr-exists" | "opened";

/** Opens one "Configure Infracrew" PR per repository, never a second one (re-install and redelivery included). */
export async function onboardRepository(
  platform: Platform,
  log: Logger,
  files: readonly FileChange[],
): Promise<OnboardingOutcome> {
  if ((await platform.readFile(NAMES.configPath)) !== undefined) return "configured";
  if (await platform.findOpenPullRequest(NAMES.onboardingBranch)) return "pr-exists";
  const base = await platform.getDefaultBranch();
  await platform.commitFiles({ branch: NAMES.onboardingBranch, base, message: "Configure Infracrew", files });
  try {
    await platform.createPullRequest({
      branch: NAMES.onboardingBranch,
      base,
      title: ONBOARDING_TITLE,
      body: onboardingBody(files),
    });
  } catch (error) {
    if (await platform.findOpenPullRequest(NAMES.onboardingBranch)) return "pr-exists";
    throw error;
  }
  for (const state of STATES)
    await platform.ensureLabel(labelFor(state), LABEL_COLORS[state], `Infracrew state: ${state}`);
  log.info(
    { repo: `${platform.repo.owner}/${platform.repo.repo}`, files: files.length },
    "onboarding PR opened",
  );
  return "opened";
}
