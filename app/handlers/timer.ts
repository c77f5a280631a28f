import { minutes } from "../conductor/transition-kit.js";
import { judgeApplyRun } from "../conductor/run-trust.js";
import type { TimerKind } from "../conductor/timers.js";
import type { WorkflowRunInfo } from "../platform/platform.js";
import { repoName, type ConductorDeps } from "../runtime/deps.js";
import { runEvent } from "../runtime/run-event.js";
import { defaultBranchOf, loadPrContext } from "./load-pr-context.js";
import { applyRunMoved } from "./workflow-run.js";

/** A run the App dispatched is looked for from a minute before its record, for clocks that differ a little. */
const CLOCK_SKEW_MS = 60_000;

/**
 * A timer of a pull request fired (claimed by this replica alone). First the reconciler asks GitHub about the run
 * the App waits on, since a lost webhook must not turn a good apply into a rollback; then the clock's event: an
 * apply past its timeout is cancelled and rolled back, a rollback past its SLA is reported.
 */
export async function handleTimer(
  deps: ConductorDeps,
  pr: number,
  kinds: readonly TimerKind[],
): Promise<string> {
  const kind = kinds.join("+");
  const repo = repoName(deps);
  const loaded = await deps.store.read.loadPr({ repo, pr });
  if (!loaded) return "ignored: no state";
  const { state } = loaded;
  if (state.state !== "APPLYING" && state.state !== "ROLLBACK") return `nothing due in ${state.state}`;
  const defaultBranch = await defaultBranchOf(deps);
  const nonce = state.state === "APPLYING" ? state.apply?.nonce : state.rollback?.nonce;
  const record = nonce ? await deps.store.read.getDispatch(nonce) : undefined;
  let running: WorkflowRunInfo | undefined;
  if (record) {
    const since = new Date(Date.parse(record.createdAt) - CLOCK_SKEW_MS).toISOString();
    const run =
      record.runId !== null
        ? await deps.platform.getWorkflowRun(record.runId)
        : await deps.platform.findDispatchedRun(record.workflow, record.nonce, since);
    const trusted =
      run && judgeApplyRun(run, record, { appLogin: deps.appLogin, defaultBranch, repository: repo }).trusted;
    if (run && trusted && run.status === "completed")
      return `reconciled: ${await applyRunMoved(deps, run, record, "completed", defaultBranch)}`;
    if (run && trusted) {
      running = run;
      if (record.mode === "rollback" && run.status === "in_progress" && !state.rollback?.startedAt)
        await applyRunMoved(deps, run, record, "in_progress", defaultBranch);
    }
  }
  const context = await loadPrContext(deps, await deps.platform.getPullRequest(pr), defaultBranch);
  if (!context) return "ignored: not a goal PR";
  const now = deps.clock().toISOString();
  const timedOut =
    context.state.state === "APPLYING" &&
    context.state.apply !== undefined &&
    minutes(context.state.apply.dispatchedAt, now) > context.ctx.policy.apply.timeoutMinutes;
  if (timedOut && running) {
    deps.log.warn({ pr, run: running.id }, "apply past its timeout: cancelling its run before the rollback");
    await deps.platform.cancelWorkflowRun(running.id);
  }
  const before = context.state;
  const after = await runEvent(deps, context.ctx, { type: "tick" });
  if (
    !after ||
    (after.state === before.state && after.rollback?.breaches.length === before.rollback?.breaches.length)
  )
    return `${kind}: nothing due`;
  return `${kind}: ticked to ${after.state}`;
}
