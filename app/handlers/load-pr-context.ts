import type { ConductorDeps } from "../conductor/deps.js";
import type { PrContext } from "../conductor/effect-runner.js";
import { NAMES } from "../conductor/names.js";
import { decodeState, type PrState } from "../conductor/pr-state.js";
import type { PullRequest } from "../platform/platform.js";
import { renderConfigInvalid } from "../render/goal-comment.js";
import { MARKERS } from "../render/markers.js";
import { loadPolicy } from "./load-policy.js";

export const CONFIG_MARKER = "<!-- infracrew:config-error -->";

/**
 * The Conductor's view of a PR: its policy and state. Undefined for a PR that is not a goal's, and when the
 * repository's config is invalid (then the PR is told once what to fix).
 */
export async function loadPrContext(
  deps: ConductorDeps,
  pr: PullRequest,
): Promise<{ ctx: PrContext; state: PrState } | undefined> {
  if (!pr.headRef.startsWith(NAMES.branchPrefix) || pr.headRef === NAMES.onboardingBranch) return undefined;
  const sticky = await deps.platform.findComment(pr.number, MARKERS.sticky);
  const state = sticky ? decodeState(sticky.body) : undefined;
  if (!sticky || !state) {
    deps.log.debug({ pr: pr.number }, "not a goal PR (no Conductor state)");
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
  return { ctx: { pr, policy: policy.value, sticky }, state };
}
