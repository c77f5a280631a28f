import type { ConductorDeps } from "../runtime/deps.js";
import { runEvent } from "../runtime/run-event.js";
import type { PullRequest } from "../platform/platform.js";
import { loadPrContext } from "./load-pr-context.js";

/**
 * A push to a goal PR voids its approvals and re-validates (and its pusher counts as an author for the self-approval
 * rule); closing it releases its lock.
 */
export async function handlePullRequest(
  deps: ConductorDeps,
  action: "synchronize" | "closed",
  pr: PullRequest,
  sender: { readonly login: string; readonly defaultBranch?: string },
): Promise<string> {
  const loaded = await loadPrContext(deps, pr, sender.defaultBranch);
  if (!loaded) return "ignored";
  const event =
    action === "synchronize"
      ? ({ type: "pushed", sha: pr.headSha, by: sender.login } as const)
      : ({ type: "closed", merged: pr.merged } as const);
  await runEvent(deps, loaded.ctx, event);
  return action;
}
