import type { ConductorDeps } from "../conductor/deps.js";
import { runEvent } from "../conductor/effect-runner.js";
import { loadPrContext } from "./load-pr-context.js";

/**
 * The clock's event: a PR applying for too long rolls back, and a rollback past its SLA is reported. Webhooks
 * cannot say "nothing happened", so a timer sends `tick` to the PRs in APPLYING or ROLLBACK.
 */
export async function tickPullRequest(deps: ConductorDeps, prNumber: number): Promise<string> {
  const pr = await deps.platform.getPullRequest(prNumber);
  const loaded = await loadPrContext(deps, pr);
  if (!loaded) return "ignored";
  if (loaded.state.state !== "APPLYING" && loaded.state.state !== "ROLLBACK")
    return `nothing due in ${loaded.state.state}`;
  const after = await runEvent(deps, loaded.ctx, loaded.state, { type: "tick" });
  return after.state === loaded.state.state &&
    after.rollback?.breaches.length === loaded.state.rollback?.breaches.length
    ? "nothing due"
    : `ticked to ${after.state}`;
}
