import { NAMES } from "../conductor/names.js";
import type { PrState } from "../conductor/pr-state.js";
import type { PullRequest } from "../platform/platform.js";
import { renderConfigInvalid } from "../render/goal-comment.js";
import { MARKERS } from "../render/markers.js";
import { repoName, type ConductorDeps } from "../runtime/deps.js";
import type { PrContext } from "../runtime/run-event.js";
import { loadPolicy } from "./load-policy.js";

export const CONFIG_MARKER = "<!-- infracrew:config-error -->";

/** The repository's default branch: the webhook's (GitHub's signed word), else the store's, else GitHub's. */
export async function defaultBranchOf(deps: ConductorDeps, fromPayload?: string): Promise<string> {
  if (fromPayload) return fromPayload;
  const known = await deps.store.read.getRepo(repoName(deps));
  return known?.defaultBranch ?? (await deps.platform.getDefaultBranch());
}

/**
 * The Conductor's view of a PR: its state from the store and the policy from the default branch. Undefined for a PR
 * the store does not know as a goal's (whatever its branch or comments say), and when the repository's config is
 * invalid (then the PR is told once what to fix).
 */
export async function loadPrContext(
  deps: ConductorDeps,
  pr: PullRequest,
  defaultBranch?: string,
): Promise<{ ctx: PrContext; state: PrState } | undefined> {
  if (pr.headRef === NAMES.onboardingBranch) return undefined;
  const loaded = await deps.store.read.loadPr({ repo: repoName(deps), pr: pr.number });
  if (!loaded) {
    deps.log.debug({ pr: pr.number }, "not a goal PR (the store has no state for it)");
    return undefined;
  }
  const policy = await loadPolicy(deps.platform);
  if (!policy.ok) {
    const body = renderConfigInvalid(policy.problems).replace(MARKERS.goal, CONFIG_MARKER);
    await deps.platform.ensureComment(pr.number, CONFIG_MARKER, body);
    deps.log.warn(
      { pr: pr.number, problems: policy.problems.length },
      "invalid .github/infracrew.yml: nothing done",
    );
    return undefined;
  }
  return {
    ctx: { pr, policy: policy.value, defaultBranch: await defaultBranchOf(deps, defaultBranch) },
    state: loaded.state,
  };
}
