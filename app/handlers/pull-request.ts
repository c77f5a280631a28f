import type { ConductorDeps } from "../conductor/deps.js";
import { runEvent } from "../conductor/effect-runner.js";
import type { PullRequest } from "../platform/platform.js";
import { loadPrContext } from "./load-pr-context.js";

/** A push to a goal PR voids its approvals and re-validates; closing it releases its lock. */
export async function handlePullRequest(
  deps: ConductorDeps,
  action: "synchronize" | "closed",
  pr: PullRequest,
): Promise<string> {
  const loaded = await loadPrContext(deps, pr);
  if (!loaded) return "ignored";
  const event =
    action === "synchronize"
      ? ({ type: "pushed", sha: pr.headSha } as const)
      : ({ type: "closed", merged: pr.merged } as const);
  await runEvent(deps, loaded.ctx, loaded.state, event);
  return action;
}
